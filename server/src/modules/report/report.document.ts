// The latest version of the report or feedback draft as a 公文 (.docx), for printing and filing.
import type { ReportKind } from '@xuncha/contracts';
import type { OfficialDocumentSpec } from '../../documents/docx/layout.ts';
import { feedbackDocument } from '../../documents/templates/feedback.ts';
import { reportDocument } from '../../documents/templates/report.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { loadReport } from './report.service.ts';
import { committeeName } from './report-sources.repository.ts';

export async function reportDocumentSpec(
  ctx: RequestContext,
  inspectionId: string,
  kind: ReportKind,
): Promise<OfficialDocumentSpec> {
  const { inspection, row } = await loadReport(ctx.db, ctx.user, inspectionId, kind);
  // the latest version's text comes with the report row
  const content = row?.content;
  if (!content) throw conflict(`${kind === 'report' ? '巡察报告' : '反馈意见'}尚未保存任何版本，不能下载`);
  const input = {
    committeeName: await committeeName(ctx.db, inspection.committeeId),
    teamName: inspection.teamName,
    unitName: inspection.unitName,
    content,
    date: shanghaiToday(ctx.clock),
  };
  return kind === 'report' ? reportDocument(input) : feedbackDocument(input);
}
