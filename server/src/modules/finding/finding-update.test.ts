// PATCH /api/findings/:id: the team reclassifies a draft finding while on site; fed-back findings stay as told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
let draftId: string;
beforeAll(async () => {
  h = await createHarness();
  const draft = await h.database.db
    .selectFrom('finding')
    .select('id')
    .where('inspection_id', '=', h.demo.jiaoyuInspectionId)
    .executeTakeFirstOrThrow();
  draftId = draft.id;
});
afterAll(() => h.close());

const patch = async (username: string | null, id: string, body: object) => {
  const client = username ? await h.as(username) : h.anonymous;
  return client.request({ method: 'PATCH', url: `/api/findings/${id}`, payload: body });
};
const stored = (id: string) =>
  h.database.db
    .selectFrom('finding')
    .select(['title', 'facts', 'aspect', 'discipline', 'areas', 'is_common', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('PATCH /api/findings/:id', () => {
  it('lets a team member reclassify a draft, auditing the changed fields only', async () => {
    const res = await patch('zuyuan', draftId, {
      title: '课后服务收费管理不规范（已核实）',
      aspect: 'strict_governance',
      discipline: 'work',
      areas: ['welfare_funds', 'procurement'],
      isCommon: true,
      powerType: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '课后服务收费管理不规范（已核实）',
      aspect: 'strict_governance',
      discipline: 'work',
      areas: ['welfare_funds', 'procurement'],
      isCommon: true,
      powerType: null,
      abilities: { update: true },
      evidence: [],
    });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['actor_name', 'before', 'after', 'entity_id'])
      .where('action', '=', 'finding.update')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('钱进');
    expect(audit.entity_id).toBe(draftId);
    const after = audit.after as Record<string, unknown>;
    expect(after).toEqual({
      aspect: 'strict_governance',
      discipline: 'work',
      areas: ['welfare_funds', 'procurement'],
      powerType: null,
      textChanged: ['title'],
    });
    // isCommon was already true: unchanged fields are not listed, and no text is copied into the log
    expect(audit.before).toEqual({
      aspect: 'anti_corruption',
      discipline: 'mass',
      areas: ['welfare_funds'],
      powerType: 'allocation',
    });
    expect(JSON.stringify(audit)).not.toContain('已核实');
  });

  it('rejects bad input with 400 and Chinese field messages, changing nothing', async () => {
    const before = await stored(draftId);
    const cases: [object, string, string][] = [
      [{ aspect: 'economy' }, 'aspect', ''],
      [{ title: '  ' }, 'title', '请填写问题标题'],
      [{ areas: ['bidding', 'lottery'] }, 'areas.1', ''],
      [{ isCommon: 'yes' }, 'isCommon', ''],
    ];
    for (const [body, path, message] of cases) {
      const res = await patch('zuzhang', draftId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details[0].path).toBe(path);
      if (message) expect(res.json().details[0].message).toBe(message);
    }
    expect(await stored(draftId)).toEqual(before);
  });

  it('is 401 without login, 403 without finding.update, 404 out of scope', async () => {
    const before = await stored(draftId);
    expect((await patch(null, draftId, { isCommon: false })).statusCode).toBe(401);
    for (const username of ['leader', 'lianluo', 'jiwei']) {
      expect((await patch(username, draftId, { isCommon: false })).statusCode, username).toBe(403);
    }
    for (const username of ['office', 'zuzhang']) {
      const res = await patch(username, h.outsider.findingId, { isCommon: false });
      expect(res.statusCode, username).toBe(404);
    }
    expect((await patch('office', '00000000-0000-4000-8000-000000000000', { isCommon: false })).statusCode).toBe(404);
    expect(await stored(draftId)).toEqual(before);
  });

  it('is 409 for a fed-back finding and while the inspection is out of the fieldwork phases', async () => {
    const fedBack = await patch('office', h.demo.findings.f1 as string, { isCommon: true });
    expect(fedBack.statusCode).toBe(409);
    expect(fedBack.json().message).toBe('问题状态为“已反馈”，不能再修改');
    const office = (await (await h.as('office')).get(`/api/findings/${h.demo.findings.f1}`)).json();
    expect(office.abilities.update).toBe(false);

    const before = await stored(draftId);
    const setPhase = (phase: string) =>
      h.database.db.updateTable('inspection').set({ phase }).where('id', '=', h.demo.jiaoyuInspectionId).execute();
    await setPhase('feedback');
    try {
      const res = await patch('zuzhang', draftId, { isCommon: false });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('巡察处于“反馈”阶段，只有进驻和报告阶段可以修改问题');
      expect((await (await h.as('zuzhang')).get(`/api/findings/${draftId}`)).json().abilities.update).toBe(false);
    } finally {
      await setPhase('stationed');
    }
    expect(await stored(draftId)).toEqual(before);
  });
});
