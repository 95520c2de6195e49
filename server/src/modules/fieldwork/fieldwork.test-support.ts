// Shared set-up of the fieldwork tests: request bodies of every kind, the extra people the demo lacks
// (a second team member, 区教育局's own head and liaison) and small row-count helpers.
import type { Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

/** Interview notes: the text that must never appear outside the sealed column and a permitted reader. */
export const NOTES = '谈话对象反映局党组书记干预工程招标，指定施工单位承接校舍维修工程';
export const PETITIONER = '赵秀兰';

export const bodies = {
  interview: () => ({
    kind: 'interview',
    title: '与财务科科长个别谈话',
    occurredOn: '2026-06-10',
    startTime: '09:30',
    place: '巡察组谈话室',
    summary: NOTES,
    details: { interviewee: '孙丽', intervieweePost: '财务科科长', interviewers: '赵刚、钱进' },
  }),
  meeting: () => ({
    kind: 'meeting',
    title: '中层干部座谈会',
    occurredOn: '2026-06-11',
    summary: '与会人员普遍反映经费管理制度执行不严。',
    details: { topic: '党风廉政建设情况', participantCount: 12 },
  }),
  documentReview: () => ({
    kind: 'document_review',
    title: '调阅2025年度会议记录和财务账目',
    occurredOn: '2026-06-12',
    summary: '调阅党组会议记录 2 本、财务凭证 36 册。',
    details: {
      documents: [
        { name: '2025年党组会议记录', category: 'minutes' },
        { name: '2025年财务凭证', category: 'accounts', note: '第1-36册' },
      ],
    },
  }),
  survey: () => ({
    kind: 'survey',
    title: '领导班子民主测评',
    occurredOn: '2026-06-12',
    summary: '发放测评表 40 份，收回 40 份。',
    details: {
      subject: '领导班子及成员民主测评',
      participantCount: 40,
      items: [
        { item: '领导班子总体评价', good: 30, fair: 8, poor: 2 },
        { item: '党风廉政建设', good: 28, fair: 10, poor: 2 },
      ],
    },
  }),
  petition: () => ({
    kind: 'petition',
    title: '群众来信反映食堂采购问题',
    occurredOn: '2026-06-13',
    summary: '来信反映某中学食堂采购价格明显高于市场价。',
    details: { channel: 'letter', anonymous: false, petitioner: { name: PETITIONER, contact: '138****0000' } },
  }),
  selfCheck: () => ({
    kind: 'self_check',
    title: '区教育局问题对照自查',
    occurredOn: '2026-06-14',
    summary: '对照巡察重点逐项自查，发现问题 2 个。',
    details: {
      problems: [{ title: '食堂经费管理不规范', measures: '建立集中采购制度' }, { title: '教育收费公示不及时' }],
    },
  }),
};

/**
 * 区教育局's own people, a second member of the team on 区教育局, and `xicheng`: the 巡察办主任 of the other
 * committee (every fieldwork permission, in the wrong committee — the outsider that must get 404).
 */
export async function addFieldworkUsers(h: Harness) {
  const xicheng = await addUser(h, {
    username: 'xicheng',
    displayName: '城西巡察办主任',
    unitId: null,
    role: 'office_director',
    scopeKind: 'committee',
    scopeId: h.outsider.committeeId,
  });
  await h.database.db
    .updateTable('app_user')
    .set({ committee_id: h.outsider.committeeId })
    .where('id', '=', xicheng)
    .execute();
  const jiaoyu = h.demo.units.jiaoyu as string;
  await addUser(h, {
    username: 'jy_danwei',
    displayName: '周敏',
    unitId: jiaoyu,
    role: 'unit_head',
    scopeKind: 'unit',
    scopeId: jiaoyu,
  });
  await addUser(h, {
    username: 'jy_lianluo',
    displayName: '吴磊',
    unitId: jiaoyu,
    role: 'unit_liaison',
    scopeKind: 'unit',
    scopeId: jiaoyu,
  });
  await addUser(h, {
    username: 'zuyuan2',
    displayName: '郑洁',
    unitId: null,
    role: 'team_member',
    scopeKind: 'inspection',
    scopeId: h.demo.jiaoyuInspectionId,
  });
}

export async function countTable(h: Harness, table: 'fieldwork_record' | 'fieldwork_attachment' | 'audit_entry') {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setPhase(h: Harness, inspectionId: string, phase: string) {
  await h.database.db.updateTable('inspection').set({ phase }).where('id', '=', inspectionId).execute();
}

export const listUrl = (inspectionId: string) => `/api/inspections/${inspectionId}/fieldwork`;
