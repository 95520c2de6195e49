// 巡察公告 as a 公文: the wording such announcements use, filled from the inspection and its announcement.
// It is posted at the unit and published, so it has no 发文字号 and no 版记.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';

export interface AnnouncementDocumentInput {
  /** e.g. 中共示例市城关区委 */
  committeeName: string;
  /** e.g. 区委第一巡察组; null while no team is assigned */
  teamName: string | null;
  unitName: string;
  /** e.g. 常规巡察 */
  typeLabel: string;
  periodStart: string;
  periodEnd: string;
  phone: string;
  mailbox: string;
  address: string;
  receptionHours: string;
  email: string | null;
  /** The public reporting page (网上举报), absolute. */
  publicUrl: string;
  /** 成文日期 'YYYY-MM-DD': the day it was published, or today for a draft. */
  date: string;
}

// 中共示例市城关区委 → 区委: how the body names the committee ("根据区委巡察工作统一部署").
const SHORT_NAME = /(区委|县委|市委|州委|盟委|旗委)$/;

export function committeeShortName(committeeName: string): string {
  return SHORT_NAME.exec(committeeName)?.[1] ?? '党委';
}

/** 区委第一巡察组 under 中共示例市城关区委 → 中共示例市城关区委第一巡察组 (the full name, for the mark and 落款). */
export function teamFullName(committeeName: string, teamName: string | null): string {
  if (!teamName) return `${committeeName}巡察组`;
  const short = committeeShortName(committeeName);
  return `${committeeName}${teamName.startsWith(short) ? teamName.slice(short.length) : teamName}`;
}

function contactLines(input: AnnouncementDocumentInput): string[] {
  return [
    `联系电话：${input.phone}`,
    `邮政信箱：${input.mailbox}`,
    `接待地点：${input.address}`,
    `接待时间：${input.receptionHours}`,
    ...(input.email ? [`电子邮箱：${input.email}`] : []),
    `网上举报：${input.publicUrl}`,
  ];
}

export function announcementDocument(input: AnnouncementDocumentInput): OfficialDocumentSpec {
  const team = teamFullName(input.committeeName, input.teamName);
  const short = committeeShortName(input.committeeName);
  const start = chineseDate(input.periodStart);
  const end = chineseDate(input.periodEnd);
  const paragraphs = [
    `根据${short}巡察工作统一部署，${team}于${start}至${end}进驻${input.unitName}，对${input.unitName}党组织开展${input.typeLabel}。`,
    `根据《中国共产党巡视工作条例》和${short}关于巡察工作的有关规定，巡察组主要受理反映${input.unitName}` +
      '领导班子及其成员、下一级党组织主要负责人和重要岗位领导干部问题的来信来电来访，重点是违反政治纪律、' +
      '组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律等方面的举报和反映。其他不属于巡察受理范围的信访问题，' +
      '将按规定交由被巡察党组织和有关部门处理。',
    `巡察期间（${start}至${end}），巡察组设专门值班电话、邮政信箱和接待地点，受理来信来电来访：`,
  ];
  return {
    issuer: team,
    title: `${team}关于巡察${input.unitName}\n党组织的公告`,
    body: [
      ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      ...contactLines(input).map((text) => ({ kind: 'line' as const, text })),
      { kind: 'paragraph', text: '特此公告。' },
    ],
    signature: team,
    date: input.date,
  };
}
