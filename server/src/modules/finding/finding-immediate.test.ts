// 立行立改 through the real HTTP API: an 八项规定/"四风" finding creates the unit's immediate task in the same
// transaction, owned by the unit's liaison (or head), due within the committee's time limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

let h: Harness;
let jiaoyu: string;
beforeAll(async () => {
  h = await createHarness();
  jiaoyu = h.demo.units.jiaoyu as string;
});
afterAll(() => h.close());

const url = () => `/api/inspections/${h.demo.jiaoyuInspectionId}/findings`;
const defaultsUrl = (id: string) => `/api/inspections/${id}/immediate-task-defaults`;
const eightRules = (extra: object = {}) => ({
  title: '违规公款吃喝',
  facts: '2025 年以培训名义在农家乐公款宴请 6 次，费用 2.3 万元。',
  aspect: 'anti_corruption',
  discipline: 'integrity',
  areas: ['work_style'],
  eightRules: true,
  immediate: { requirement: '立即清退违规费用，对相关人员批评教育' },
  ...extra,
});
const writes = async () => [
  await countRows(h, 'finding'),
  await countRows(h, 'task'),
  await countRows(h, 'task_event'),
];
const unitUser = (username: string, displayName: string, role: 'unit_liaison' | 'unit_head') =>
  addUser(h, { username, displayName, unitId: jiaoyu, role, scopeKind: 'unit', scopeId: jiaoyu });

describe('a unit without a liaison or head', () => {
  it('refuses an 八项规定 finding with 409, writing nothing', async () => {
    const before = await writes();
    const res = await (await h.as('zuzhang')).post(url(), eightRules());
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该单位尚无整改联络员或主要负责人账号，请先指定责任人');
    expect(await writes()).toEqual(before);
  });

  it('offers no owner in the form defaults, and the due date from the default time limit', async () => {
    const res = await (await h.as('zuzhang')).get(defaultsUrl(h.demo.jiaoyuInspectionId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      owners: [],
      defaultOwnerId: null,
      responsibleLeader: '陈丽',
      responsibleDepartment: '区教育局',
      dueDate: '2026-06-22',
    });
  });
});

describe('the default owner', () => {
  let headId: string;
  let liaisonId: string;
  it('is the unit head when there is no liaison, then the liaison', async () => {
    headId = await unitUser('jiaoyu_danwei', '陈丽', 'unit_head');
    const zuzhang = await h.as('zuzhang');
    expect((await zuzhang.get(defaultsUrl(h.demo.jiaoyuInspectionId))).json().defaultOwnerId).toBe(headId);
    liaisonId = await unitUser('jiaoyu_lianluo', '蒋欣', 'unit_liaison');
    const defaults = (await zuzhang.get(defaultsUrl(h.demo.jiaoyuInspectionId))).json();
    expect(defaults.defaultOwnerId).toBe(liaisonId);
    // ordered by name, and name order follows the database's collation: compare as a set
    expect(defaults.owners).toHaveLength(2);
    expect(defaults.owners).toEqual(
      expect.arrayContaining([
        { id: headId, displayName: '陈丽', role: 'unit_head' },
        { id: liaisonId, displayName: '蒋欣', role: 'unit_liaison' },
      ]),
    );
  });

  it('defaults: 401, 403 without finding.create, 404 for another committee', async () => {
    expect((await h.anonymous.get(defaultsUrl(h.demo.jiaoyuInspectionId))).statusCode).toBe(401);
    expect((await (await h.as('leader')).get(defaultsUrl(h.demo.jiaoyuInspectionId))).statusCode).toBe(403);
    expect((await (await h.as('office')).get(defaultsUrl(h.outsider.inspectionId))).statusCode).toBe(404);
  });
});

describe('creating an 八项规定 finding', () => {
  let findingId: string;
  let taskId: string;
  it('creates exactly one immediate task, due today + 7 days, owned by the liaison', async () => {
    const before = await writes();
    const res = await (await h.as('zuzhang')).post(url(), eightRules());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    findingId = body.id;
    expect(body).toMatchObject({ eightRules: true, immediate: true, status: 'draft', taskCount: 1 });
    expect(body.immediateTask).toMatchObject({ status: 'open', dueDate: '2026-06-22', overdue: false });
    taskId = body.immediateTask.id;
    expect(await writes()).toEqual(before.map((n) => n + 1));
    const task = await h.database.db
      .selectFrom('task as t')
      .innerJoin('app_user as a', 'a.id', 't.owner_user_id')
      .select(['t.title', 't.measures', 't.responsible_leader', 't.responsible_department', 't.immediate'])
      .select(['a.username', 't.due_date', 't.unit_id'])
      .where('t.finding_id', '=', findingId)
      .execute();
    expect(task).toEqual([
      {
        title: '立行立改：违规公款吃喝',
        measures: '立即清退违规费用，对相关人员批评教育',
        responsible_leader: '陈丽',
        responsible_department: '区教育局',
        immediate: true,
        username: 'jiaoyu_lianluo',
        due_date: '2026-06-22',
        unit_id: jiaoyu,
      },
    ]);
    const event = await h.database.db.selectFrom('task_event').selectAll().where('task_id', '=', taskId).execute();
    expect(event.map((e) => [e.event, e.from_status, e.to_status])).toEqual([['create', null, 'open']]);
  });

  it('shows the unit that finding and its task before feedback, but not the other drafts', async () => {
    const liaison = await h.as('jiaoyu_lianluo');
    const list = (await liaison.get(`/api/findings?inspectionId=${h.demo.jiaoyuInspectionId}`)).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([findingId]);
    expect((await liaison.get(`/api/findings/${findingId}`)).json()).toMatchObject({
      immediate: true,
      abilities: { createTask: false, update: false },
    });
    const draft = await h.database.db
      .selectFrom('finding')
      .select('id')
      .where('inspection_id', '=', h.demo.jiaoyuInspectionId)
      .where('immediate', '=', false)
      .executeTakeFirstOrThrow();
    expect((await liaison.get(`/api/findings/${draft.id}`)).statusCode).toBe(404);
    const task = await liaison.get(`/api/tasks/${taskId}`);
    expect(task.statusCode).toBe(200);
    expect(task.json()).toMatchObject({ title: '立行立改：违规公款吃喝', abilities: { start: true } });
    const tasks = (await liaison.get(`/api/tasks?inspectionId=${h.demo.jiaoyuInspectionId}`)).json();
    expect(tasks.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
  });

  it('filters immediate findings', async () => {
    const office = await h.as('office');
    const immediate = (await office.get(`/api/findings?immediate=true`)).json();
    expect(immediate.items.map((f: { id: string }) => f.id)).toEqual([findingId]);
  });

  it('takes a given owner of the unit, and refuses one from elsewhere with 400, writing nothing', async () => {
    const owner = await addUser(h, {
      username: 'jiaoyu_zerenren',
      displayName: '韩梅',
      unitId: jiaoyu,
      role: 'task_owner',
      scopeKind: 'self',
      scopeId: null,
    });
    const zuzhang = await h.as('zuzhang');
    const before = await writes();
    const zhujianLiaison = h.demo.users.lianluo as string;
    const bad = await zuzhang.post(
      url(),
      eightRules({ immediate: { requirement: '立即整改', ownerUserId: zhujianLiaison } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { path: 'immediate.ownerUserId', message: '责任人必须是该单位的整改联络员、主要负责人或整改责任人' },
    ]);
    expect(await writes()).toEqual(before);
    const res = await zuzhang.post(
      url(),
      eightRules({
        title: '超标准接待',
        immediate: { requirement: '退缴超标费用', ownerUserId: owner, responsibleLeader: '张副局长' },
      }),
    );
    expect(res.statusCode).toBe(200);
    const task = await h.database.db
      .selectFrom('task')
      .select(['owner_user_id', 'responsible_leader'])
      .where('id', '=', res.json().immediateTask.id)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ owner_user_id: owner, responsible_leader: '张副局长' });
  });

  it('needs the 整改要求: 400 with a Chinese message, nothing written', async () => {
    const zuzhang = await h.as('zuzhang');
    const before = await writes();
    const missing = await zuzhang.post(url(), eightRules({ immediate: undefined }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([{ path: 'immediate.requirement', message: '请填写立行立改整改要求' }]);
    const blank = await zuzhang.post(url(), eightRules({ immediate: { requirement: '  ' } }));
    expect(blank.json().details).toEqual([{ path: 'immediate.requirement', message: '请填写整改要求' }]);
    expect(await writes()).toEqual(before);
  });

  it('also follows an explicit 立行立改 on a finding not flagged 八项规定', async () => {
    const res = await (await h.as('zuyuan')).post(url(), eightRules({ title: '食堂账目不公开', eightRules: false }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ eightRules: false, immediate: true, immediateTask: { dueDate: '2026-06-22' } });
  });
});

describe('updating a finding to 八项规定', () => {
  it('creates the immediate task once; flagging it again adds none', async () => {
    const zuzhang = await h.as('zuzhang');
    const created = (
      await zuzhang.post(url(), eightRules({ title: '违规配备公车', eightRules: false, immediate: undefined }))
    ).json();
    expect(created.immediateTask).toBeNull();
    const patch = (body: object) =>
      zuzhang.request({ method: 'PATCH', url: `/api/findings/${created.id}`, payload: body });
    const refused = await patch({ eightRules: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('immediate.requirement');
    expect((await zuzhang.get(`/api/findings/${created.id}`)).json().eightRules).toBe(false);
    const flagged = await patch({ eightRules: true, immediate: { requirement: '立即收回违规配备车辆' } });
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json()).toMatchObject({ eightRules: true, immediate: true, taskCount: 1 });
    const again = await patch({ eightRules: true, immediate: { requirement: '再来一次' } });
    expect(again.json().taskCount).toBe(1);
  });
});

describe('the committee time limit', () => {
  it('sets the due date when the committee has its own row', async () => {
    await h.database.db
      .insertInto('committee_time_limit')
      .values({ committee_id: h.demo.committeeId, code: 'immediate_task', amount: 3, unit: 'day' })
      .execute();
    const res = await (await h.as('zuzhang')).post(url(), eightRules({ title: '节日期间违规收受礼品' }));
    expect(res.json().immediateTask.dueDate).toBe('2026-06-18');
    const defaults = (await (await h.as('zuzhang')).get(defaultsUrl(h.demo.jiaoyuInspectionId))).json();
    expect(defaults.dueDate).toBe('2026-06-18');
  });

  it('writes no allegation text into the audit log', async () => {
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after'])
      .where('action', '=', 'task.create')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('公款宴请');
    expect(JSON.stringify(audit)).not.toContain('清退违规费用');
  });
});
