// 反馈意见 as a 公文: what the team tells the inspected unit's 党组织, from the latest draft version.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { teamFullName } from './announcement.ts';
import { blocksFromText, type ReportDocumentInput } from './report.ts';

export function feedbackDocument(input: ReportDocumentInput): OfficialDocumentSpec {
  const team = teamFullName(input.committeeName, input.teamName);
  return {
    issuer: team,
    title: `${team}关于巡察${input.unitName}\n党组织的反馈意见`,
    recipients: [`${input.unitName}党组织`],
    body: blocksFromText(input.content),
    signature: team,
    date: input.date,
  };
}
