// 成果运用台账 on the core demo through the real HTTP API: rows computed by hand from the seeds
// (demo.ts, demo-tasks.ts, demo-fieldwork.ts), every filter, scope and permissions, the export and the funnel.
import {
  addTimeLimit,
  DEFAULT_TIME_LIMITS,
  handoverStage,
  type ResultsLedgerRow,
  rectificationState,
} from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/password.ts';
import { addDays } from '../../seed/demo.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Page = { items: ResultsLedgerRow[]; total: number };
async function ledger(user: string, query = ''): Promise<Page> {
  const res = await (await h.as(user)).get(`/api/results-ledger?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const titlesOf = (page: Page) => page.items.map((r) => r.title.slice(0, 8)).sort();
const day = (n: number) => addDays(h.today, n);

describe('GET /api/results-ledger', () => {
  it('traces each zhujian finding from report to rectification', async () => {
    const page = await ledger('office', `&inspectionId=${h.demo.zhujianInspectionId}`);
    expect(page.total).toBe(4);
    expect(page.items.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const common = {
      roundName: '十五届区委第三轮巡察',
      unitName: '区住房和城乡建设局',
      teamName: '区委第一巡察组',
      reportStatus: 'approved',
      reportApprovedOn: day(-105),
      fedBack: true,
      feedbackDate: day(-100),
      immediateTaskCount: 0,
    };
    const [f1, f2, f3, f4] = page.items;
    expect(f1).toMatchObject({ ...common, findingId: h.demo.findings.f1, handoverStage: 'none', handover: null });
    expect(f1).toMatchObject({ taskCount: 2, closedTaskCount: 0, overdueTaskCount: 0, rectification: 'in_progress' });
    expect(f2).toMatchObject({
      ...common,
      taskCount: 2,
      closedTaskCount: 0,
      overdueTaskCount: 1,
      rectification: 'overdue',
    });
    expect(f3).toMatchObject({
      ...common,
      eightRules: true,
      taskCount: 2,
      closedTaskCount: 1,
      rectification: 'in_progress',
    });
    expect(f4).toMatchObject({
      ...common,
      areas: ['grassroots_party', 'cadre_selection'],
      taskCount: 0,
      rectification: 'none',
      handoverStage: 'overdue',
      handover: {
        id: h.demo.handovers.cadre,
        kind: 'cadre',
        recipientName: '区委组织部',
        status: 'accepted',
        sentOn: day(-98),
        dueDate: addTimeLimit(day(-98), DEFAULT_TIME_LIMITS.handover_other),
        overdue: true,
        concludedOn: null,
        disposition: null,
      },
    });
  });

  it('shows a finding not yet fed back without report or feedback', async () => {
    const page = await ledger('office', `&inspectionId=${h.demo.jiaoyuInspectionId}`);
    expect(page.items).toEqual([
      expect.objectContaining({
        unitName: '区教育局',
        reportStatus: null,
        reportApprovedOn: null,
        fedBack: false,
        feedbackDate: null,
        handoverStage: 'none',
        rectification: 'none',
        isCommon: true,
      }),
    ]);
  });

  it('filters by every stage of the chain', async () => {
    const cases: [string, string[]][] = [
      ['&rectification=overdue', ['工程项目招投标管']],
      ['&rectification=in_progress', ['落实全面从严治党', '违规发放津补贴，']],
      ['&rectification=none', ['基层党组织建设薄', '教育收费和食堂经']],
      ['&rectification=done', []],
      ['&handoverStatus=overdue', ['基层党组织建设薄']],
      ['&handoverStatus=open', []],
      ['&handoverStatus=concluded', []],
      ['&reportStatus=approved', ['基层党组织建设薄', '工程项目招投标管', '落实全面从严治党', '违规发放津补贴，']],
      ['&reportStatus=none', ['教育收费和食堂经']],
      ['&reportStatus=draft', []],
      ['&fedBack=false', ['教育收费和食堂经']],
      ['&aspect=party_building', ['基层党组织建设薄']],
      ['&discipline=integrity', ['工程项目招投标管', '违规发放津补贴，']],
      [`&unitId=${h.demo.units.jiaoyu}`, ['教育收费和食堂经']],
      [`&roundId=${h.demo.roundId}&q=${encodeURIComponent('招投标')}`, ['工程项目招投标管']],
      [`&q=${encodeURIComponent('%')}`, []],
    ];
    for (const [query, titles] of cases) {
      expect(titlesOf(await ledger('office', query)), query).toEqual([...titles].sort());
    }
  });

  it('derives the handover stage from the clock and the handover status', async () => {
    const office = await h.as('office');
    h.clock.set(new Date(`${day(-90)}T04:00:00Z`));
    try {
      const early = (await (await h.login('office')).get('/api/results-ledger?handoverStatus=open')).json();
      expect(early.items.map((r: ResultsLedgerRow) => r.findingId)).toEqual([h.demo.findings.f4]);
      expect(early.items[0].handover.overdue).toBe(false);
    } finally {
      h.clock.set(new Date('2026-06-15T04:00:00Z'));
    }
    await h.database.db
      .updateTable('handover')
      .set({ status: 'concluded', concluded_on: day(-5), result_sealed: 'sm4:test' })
      .where('id', '=', h.demo.handovers.cadre)
      .execute();
    try {
      const concluded = (await office.get('/api/results-ledger?handoverStatus=concluded')).json();
      expect(concluded.items).toEqual([
        expect.objectContaining({
          handoverStage: 'concluded',
          handover: expect.objectContaining({ concludedOn: day(-5) }),
        }),
      ]);
    } finally {
      await h.database.db
        .updateTable('handover')
        .set({ status: 'accepted', concluded_on: null, result_sealed: null })
        .where('id', '=', h.demo.handovers.cadre)
        .execute();
    }
  });

  it('computes each row’s stages exactly as the SQL filters select them', async () => {
    for (const stage of handoverStage.codes) {
      const page = await ledger('office', `&handoverStatus=${stage}`);
      expect(
        page.items.every((r) => r.handoverStage === stage),
        stage,
      ).toBe(true);
    }
    for (const state of rectificationState.codes) {
      const page = await ledger('office', `&rectification=${state}`);
      expect(
        page.items.every((r) => r.rectification === state),
        state,
      ).toBe(true);
    }
  });

  it('pages on the server', async () => {
    const office = await h.as('office');
    const first = (await office.get('/api/results-ledger?pageSize=2')).json();
    const third = (await office.get('/api/results-ledger?pageSize=2&page=3')).json();
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
  });

  it('refuses bad filters with Chinese messages and writes nothing', async () => {
    const office = await h.as('office');
    const audits = await countRows(h, 'audit_entry');
    for (const query of ['rectification=done2', 'handoverStatus=x', 'fedBack=yes', 'inspectionId=1', 'pageSize=1000']) {
      const res = await office.get(`/api/results-ledger?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await office.get('/api/results-ledger/summary?reportStatus=ok')).statusCode).toBe(400);
    expect(await countRows(h, 'audit_entry')).toBe(audits);
  });
});

describe('who sees the ledger', () => {
  it('needs a login', async () => {
    expect((await h.anonymous.get('/api/results-ledger')).statusCode).toBe(401);
    expect((await h.anonymous.get('/api/results-ledger/summary')).statusCode).toBe(401);
    expect((await h.anonymous.get('/api/results-ledger/export')).statusCode).toBe(401);
  });

  it('refuses units, team members and task owners (no results.read)', async () => {
    for (const user of ['danwei', 'lianluo', 'zuyuan', 'zerenren', 'outsider']) {
      for (const path of ['/api/results-ledger', '/api/results-ledger/summary', '/api/results-ledger/export']) {
        expect((await (await h.as(user)).get(path)).statusCode, `${user} ${path}`).toBe(403);
      }
    }
  });

  it('gives committee readers and the team leader the findings in their scope', async () => {
    for (const user of ['office', 'leader', 'jiwei', 'zuzhibu', 'banshi', 'zuzhang']) {
      const page = await ledger(user);
      expect(page.total, user).toBe(5);
      expect(
        page.items.some((r) => r.findingId === h.outsider.findingId),
        user,
      ).toBe(false);
    }
  });

  it('shows another committee only its own findings, never ours', async () => {
    const user = await h.database.db
      .insertInto('app_user')
      .values({
        username: 'chengxi_office',
        display_name: '城西巡察办',
        password_hash: await hashPassword('Xuncha@2026'),
        committee_id: h.outsider.committeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.database.db
      .insertInto('user_role')
      .values({ user_id: user.id, role_code: 'office', scope_kind: 'committee', scope_id: h.outsider.committeeId })
      .execute();
    const own = await ledger('chengxi_office');
    expect(own.items.map((r) => r.findingId)).toEqual([h.outsider.findingId]);
    expect((await ledger('chengxi_office', `&inspectionId=${h.demo.zhujianInspectionId}`)).total).toBe(0);
    const summary = (await (await h.as('chengxi_office')).get('/api/results-ledger/summary')).json();
    expect(summary).toMatchObject({ findings: 1, fedBack: 1, inApprovedReport: 0 });
  });
});

describe('GET /api/results-ledger/summary', () => {
  it('counts findings reaching each stage, under the filters', async () => {
    const office = await h.as('office');
    expect((await office.get('/api/results-ledger/summary')).json()).toEqual({
      findings: 5,
      inApprovedReport: 4,
      fedBack: 4,
      handedOver: 1,
      handoverConcluded: 0,
      rectified: 0,
    });
    const jiaoyu = (await office.get(`/api/results-ledger/summary?inspectionId=${h.demo.jiaoyuInspectionId}`)).json();
    expect(jiaoyu).toMatchObject({ findings: 1, inApprovedReport: 0, fedBack: 0 });
  });
});

describe('GET /api/results-ledger/export', () => {
  it('exports exactly the filtered rows with Chinese headers and labels, audited', async () => {
    const office = await h.as('office');
    const audits = await countRows(h, 'audit_entry');
    const res = await office.get(`/api/results-ledger/export?inspectionId=${h.demo.zhujianInspectionId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => {
      const values = (r.values as ExcelJS.CellValue[]).slice(1);
      rows.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))));
    });
    const header = rows[0] as string[];
    expect(header.slice(0, 5)).toEqual(['巡察轮次', '被巡察单位', '巡察组', '序号', '问题']);
    expect(rows).toHaveLength(5);
    const f4 = Object.fromEntries(header.map((k, i) => [k, rows[4]?.[i]]));
    expect(f4).toMatchObject({
      序号: '4',
      领域: '基层党组织建设、选人用人',
      巡察报告: '已审定',
      报告审定日期: day(-105),
      反馈日期: day(-100),
      移交情况: '逾期未反馈',
      移交类别: '选人用人问题',
      移交对象: '区委组织部',
      移交状态: '已接收',
      整改情况: '未分解',
    });
    const f2 = Object.fromEntries(header.map((k, i) => [k, rows[2]?.[i]]));
    expect(f2).toMatchObject({ 移交情况: '未移交', 整改任务数: '2', 逾期任务: '1', 整改情况: '已逾期' });
    expect(await countRows(h, 'audit_entry')).toBe(audits + 1);
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('results.export');
  });
});

describe('督办 in the chain', () => {
  it('counts the 督办单 on a finding’s tasks, and how many are still open', async () => {
    const zhujian = h.demo.zhujianInspectionId;
    const row = async () =>
      (await ledger('office', `&inspectionId=${zhujian}`)).items.find((r) => r.findingId === h.demo.findings.f2);
    expect(await row()).toMatchObject({ supervisionCount: 0, openSupervisionCount: 0 });
    const office = await h.as('office');
    const rectification = (await office.get(`/api/inspections/${zhujian}/rectification`)).json();
    const task = await h.database.db
      .selectFrom('task')
      .select('id')
      .where('finding_id', '=', h.demo.findings.f2 as string)
      .executeTakeFirstOrThrow();
    const issued = await office.post(`/api/rectifications/${rectification.id}/supervision-orders`, {
      reason: 'overdue',
      content: '任务逾期未完成，请于期限内答复整改进展。',
      taskId: task.id,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(await row()).toMatchObject({ supervisionCount: 1, openSupervisionCount: 1 });
  });
});
