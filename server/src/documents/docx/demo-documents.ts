// For tests: the twelve 公文 of DOMAIN.md §10, each found in the demo district (seedDemoDistrict) and
// downloaded from its route by a demo user allowed to. Records are chosen in a fixed order so the same
// document (and page count) comes out on every run.
import { sql } from 'kysely';
import type { Harness } from '../../test/harness.ts';

export interface DemoDocument {
  /** File name stem: test-output/docx/<name>.png */
  name: string;
  /** Who downloads it (a demo user with the route's permission and the record in scope). */
  user: string;
  url(h: Harness): Promise<string>;
  /** The title as printed (line breaks aside). */
  title: string;
  /**
   * Pages as LibreOffice lays them out here, counted once by hand from the PNGs and kept as a guard:
   * LibreOffice sets 21 lines per page where Word sets 22, so Word needs at most as many. A change
   * of layout, template or demo data that moves a page break shows up here first.
   */
  pages: number;
}

type Db = Harness['database']['db'];

/** The inspection whose latest text of this kind is the longest: the fullest document to look at. */
async function reportedInspection(db: Db, kind: 'report' | 'feedback') {
  const row = await db
    .selectFrom('report as r')
    .innerJoin('report_version as v', (join) =>
      join.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
    )
    .innerJoin('inspection as i', 'i.id', 'r.inspection_id')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select('r.inspection_id as id')
    .where('r.kind', '=', kind)
    .orderBy(sql`length(v.content)`, 'desc')
    .orderBy('u.name')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function handover(db: Db, committeeId: string, kinds: ('clue' | 'cadre' | 'other')[]) {
  const row = await db
    .selectFrom('handover')
    .select('id')
    .where('kind', 'in', kinds)
    // the district's own (the 上下联动 demo's second district has handovers too)
    .where('committee_id', '=', committeeId)
    .orderBy('year')
    .orderBy('seq')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 区住建局's case: the core demo's rectification, where the district demo files its 督办, 回访 and 问责. */
async function zhujianCase(h: Harness) {
  const row = await h.database.db
    .selectFrom('rectification')
    .select('id')
    .where('inspection_id', '=', h.demo.zhujianInspectionId)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    name: '01-巡察工作方案',
    user: 'office',
    // the current round: three teams with their members and targets
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('round as r')
        .select('r.id')
        .orderBy(
          (eb) =>
            eb
              .selectFrom('team as t')
              .select((c) => c.fn.countAll().as('n'))
              .whereRef('t.round_id', '=', 'r.id'),
          'desc',
        )
        .orderBy('r.seq')
        .executeTakeFirstOrThrow();
      return `/api/rounds/${row.id}/work-plan.docx`;
    },
    title: '十五届区委第四轮巡察工作方案',
    // 3 teams of 5–6 members with their posts, 16 villages of 第三组 (一托N), 8 sections, the 八个严禁, 版记
    pages: 6,
  },
  {
    name: '02-巡察公告',
    user: 'office',
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('announcement as a')
        .innerJoin('inspection as i', 'i.id', 'a.inspection_id')
        .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
        .select('a.inspection_id as id')
        .where('a.published_at', 'is not', null)
        .orderBy('u.name')
        .executeTakeFirstOrThrow();
      return `/api/inspections/${row.id}/announcement.docx`;
    },
    title: '中共示例市城关区委第一巡察组关于巡察区教育局党组织的公告',
    // 3 paragraphs and 6 contact lines fill page 1; 特此公告, 落款 and date on page 2
    pages: 2,
  },
  {
    name: '03-巡察报告',
    user: 'leader',
    url: async (h) => `/api/inspections/${await reportedInspection(h.database.db, 'report')}/report/document`,
    title: '中共示例市城关区委第一巡察组关于巡察区住房和城乡建设局党组织情况的报告',
    // a three-line title, 基本情况 and 8 numbered findings and suggestions
    pages: 2,
  },
  {
    name: '04-反馈意见',
    user: 'leader',
    url: async (h) => `/api/inspections/${await reportedInspection(h.database.db, 'feedback')}/feedback-draft/document`,
    title: '中共示例市城关区委第一巡察组关于巡察区住房和城乡建设局党组织的反馈意见',
    // the demo's feedback draft is two headings long
    pages: 1,
  },
  {
    name: '05-问题线索移交函',
    user: 'office',
    url: async (h) => `/api/handovers/${await handover(h.database.db, h.demo.committeeId, ['clue'])}/document`,
    title: '关于移交东城街道有关问题线索的函',
    // the opening, the clue's four fields and the confidentiality note; 落款 on page 2
    pages: 2,
  },
  {
    name: '06-问题移交函',
    user: 'office',
    url: async (h) =>
      `/api/handovers/${await handover(h.database.db, h.demo.committeeId, ['cadre', 'other'])}/document`,
    title: '关于移交区中医院选人用人问题的函',
    // one finding with its facts; 落款 and date (kept together) on page 2
    pages: 2,
  },
  {
    name: '07-整改方案审核意见',
    user: 'office',
    url: async (h) => `/api/inspections/${h.demo.zhujianInspectionId}/rectification-plan/review-document`,
    title: '关于区住房和城乡建设局整改方案的审核意见',
    // three criteria and the conclusion; 落款 on page 2
    pages: 2,
  },
  {
    name: '08-督办通知单',
    user: 'office',
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('supervision_order')
        .select('id')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      return `/api/supervision-orders/${row.id}/document`;
    },
    title: '关于对区住房和城乡建设局巡察整改工作进行督办的通知',
    // a two-line title, 督办事项 and 答复要求
    pages: 2,
  },
  {
    name: '09-整改评估报告',
    user: 'office',
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('rectification_evaluation')
        .select('id')
        .orderBy('evaluated_at')
        .executeTakeFirstOrThrow();
      return `/api/evaluations/${row.id}/document`;
    },
    title: '关于北山镇巡察整改情况的评估报告',
    // three sections of figures and conclusions; 落款 on page 2
    pages: 2,
  },
  {
    name: '10-回访报告',
    user: 'office',
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('revisit')
        .select('id')
        // 区住建局's (the 整改不实 demo has a conducted 回访 of another unit)
        .where('rectification_id', '=', await zhujianCase(h))
        .orderBy('planned_on')
        .executeTakeFirstOrThrow();
      return `/api/revisits/${row.id}/document`;
    },
    title: '关于对区住房和城乡建设局巡察整改情况开展回访的报告',
    // a planned 回访 (none conducted in the demo): the two sections wait to be filled in
    pages: 2,
  },
  {
    name: '11-问责建议',
    user: 'office',
    url: async (h) => {
      const row = await h.database.db
        .selectFrom('accountability')
        .select('id')
        .orderBy('person_name')
        .executeTakeFirstOrThrow();
      return `/api/accountability/${row.id}/document`;
    },
    title: '关于对区住房和城乡建设局张某某同志整改不力问题进行问责的建议',
    // 秘密, a two-line title, facts, linked findings and tasks, the proposal
    pages: 2,
  },
  {
    name: '12-整改情况报告模板',
    user: 'office',
    url: async (h) => `/api/rectifications/${await zhujianCase(h)}/report-template`,
    title: '关于十五届区委第三轮巡察反馈意见整改情况的报告',
    // 4 findings with their 6 tasks (measures, leader, department, due date) and 4 sections to fill in
    pages: 4,
  },
];
