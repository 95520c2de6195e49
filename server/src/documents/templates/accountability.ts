// 问责建议: the office's (or 纪委监委's) proposal to hold a person accountable for how rectification was done.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { officeName } from './handover-clue.ts';

export interface AccountabilityProposalInput {
  committeeName: string;
  unitName: string;
  personName: string;
  personPost: string;
  groundLabel: string;
  facts: string;
  measureLabel: string;
  linked: string[];
  date: string;
}

// A post such as 区住建局政策法规科科长 already names its unit; 政策法规科科长 does not.
const NAMES_A_UNIT = /局|委|办|部|院|所|站|镇|街道|中心|公司|学校|村|社区/;

export function accountabilityProposal(input: AccountabilityProposalInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  const post = NAMES_A_UNIT.test(input.personPost) ? input.personPost : `${input.unitName}${input.personPost}`;
  return {
    issuer: office,
    secrecy: '秘密',
    title: `关于对${input.unitName}${input.personName}同志\n${input.groundLabel}问题进行问责的建议`,
    recipients: [`${input.committeeName}巡察工作领导小组`],
    body: [
      {
        kind: 'paragraph',
        text: `在巡察整改督查中发现，${post}${input.personName}同志在落实巡察整改工作中存在${input.groundLabel}问题。`,
      },
      { kind: 'heading1', text: '一、基本事实' },
      { kind: 'paragraph', text: input.facts },
      ...(input.linked.length > 0
        ? [
            { kind: 'heading1' as const, text: '二、涉及的问题和整改任务' },
            { kind: 'list' as const, items: input.linked },
          ]
        : []),
      { kind: 'heading1', text: input.linked.length > 0 ? '三、问责建议' : '二、问责建议' },
      {
        kind: 'paragraph',
        text: `根据《中国共产党问责条例》和巡察整改工作有关规定，建议对${input.personName}同志予以${input.measureLabel}。妥否，请审定。`,
      },
    ],
    signature: office,
    date: input.date,
  };
}
