// 密级标记 of findings (issue 8 §9): 敏感 keeps a finding from the inspected unit — out of the feedback, out of
// its lists and reads — and is set by the team while the finding is a draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { markFedBack } from './finding.repository.ts';

let h: Harness;
let draftIds: string[];
beforeAll(async () => {
  h = await createHarness();
  const created = await (await h.as('zuzhang')).post(`/api/inspections/${h.demo.jiaoyuInspectionId}/findings`, {
    title: '校服采购由校长亲属经营的公司供货',
    facts: '事实略。',
    aspect: 'anti_corruption',
  });
  expect(created.statusCode).toBe(200);
  const drafts = await h.database.db
    .selectFrom('finding')
    .select('id')
    .where('inspection_id', '=', h.demo.jiaoyuInspectionId)
    .where('status', '=', 'draft')
    .orderBy('seq')
    .execute();
  draftIds = drafts.map((d) => d.id);
  expect(draftIds.length).toBeGreaterThanOrEqual(2);
});
afterAll(() => h.close());

const relabel = async (username: string | null, id: string, body: unknown) =>
  (username ? await h.as(username) : h.anonymous).post(`/api/findings/${id}/sensitivity`, body);
const labelOf = async (id: string) =>
  (await h.database.db.selectFrom('finding').select('sensitivity').where('id', '=', id).executeTakeFirstOrThrow())
    .sensitivity;
const relabelAudits = async () =>
  (
    await h.database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'finding.relabel')
      .executeTakeFirstOrThrow()
  ).n;

describe('POST /api/findings/:id/sensitivity', () => {
  it('lets the team label a draft 敏感, audited, and shows the label', async () => {
    const id = draftIds[0] as string;
    const res = await relabel('zuzhang', id, { sensitivity: 'sensitive' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, sensitivity: 'sensitive' });
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after', 'actor_name'])
      .where('action', '=', 'finding.relabel')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { sensitivity: 'internal' }, after: { sensitivity: 'sensitive' } });
    const list = await (await h.as('office')).get(`/api/findings?inspectionId=${h.demo.jiaoyuInspectionId}`);
    expect(list.json().items.find((f: { id: string }) => f.id === id)?.sensitivity).toBe('sensitive');
  });

  it('refuses bad input, anonymous, other permissions and other committees, writing nothing', async () => {
    const id = draftIds[1] as string;
    const before = await relabelAudits();
    const bad = await relabel('zuzhang', id, { sensitivity: '绝密' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await relabel(null, id, { sensitivity: 'sensitive' })).statusCode).toBe(401);
    expect((await relabel('danwei', id, { sensitivity: 'sensitive' })).statusCode).toBe(403);
    expect((await relabel('zuzhang', h.outsider.findingId, { sensitivity: 'sensitive' })).statusCode).toBe(404);
    expect(await labelOf(id)).toBe('internal');
    expect(await relabelAudits()).toBe(before);
  });

  it('answers 409 for the same label, a fed-back finding and a 立行立改 finding', async () => {
    const same = await relabel('zuzhang', draftIds[0] as string, { sensitivity: 'sensitive' });
    expect(same.statusCode).toBe(409);
    const fedBack = h.demo.findings.f1 as string;
    const told = await relabel('office', fedBack, { sensitivity: 'sensitive' });
    expect(told.statusCode).toBe(409);
    expect(told.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const immediate = draftIds[1] as string;
    await h.database.db.updateTable('finding').set({ immediate: true }).where('id', '=', immediate).execute();
    const acting = await relabel('zuzhang', immediate, { sensitivity: 'sensitive' });
    expect(acting.statusCode).toBe(409);
    expect(acting.json().message).toContain('立行立改');
    await h.database.db.updateTable('finding').set({ immediate: false }).where('id', '=', immediate).execute();
    expect(await labelOf(fedBack)).toBe('internal');
    expect(await labelOf(immediate)).toBe('internal');
  });
});

describe('what the label does', () => {
  it('keeps a 敏感 finding out of the feedback', async () => {
    await markFedBack(h.database.db, h.demo.jiaoyuInspectionId);
    const rows = await h.database.db
      .selectFrom('finding')
      .select(['id', 'status', 'sensitivity'])
      .where('inspection_id', '=', h.demo.jiaoyuInspectionId)
      .execute();
    for (const row of rows) expect(row.status).toBe(row.sensitivity === 'sensitive' ? 'draft' : 'fed_back');
    expect(rows.some((r) => r.sensitivity === 'sensitive')).toBe(true);
  });

  it('hides a 敏感 finding from the inspected unit, not from the office; relabelling gives it back', async () => {
    const id = h.demo.findings.f1 as string;
    const unitSees = async () => {
      const client = await h.as('danwei');
      const one = await client.get(`/api/findings/${id}`);
      const list = await client.get('/api/findings?pageSize=100');
      return { status: one.statusCode, listed: list.json().items.some((f: { id: string }) => f.id === id) };
    };
    expect(await unitSees()).toEqual({ status: 200, listed: true });
    // a label set by the office's data correction (the API only labels drafts): the scope follows it at once
    await h.database.db.updateTable('finding').set({ sensitivity: 'sensitive' }).where('id', '=', id).execute();
    expect(await unitSees()).toEqual({ status: 404, listed: false });
    expect((await (await h.as('office')).get(`/api/findings/${id}`)).statusCode).toBe(200);
    await h.database.db.updateTable('finding').set({ sensitivity: 'internal' }).where('id', '=', id).execute();
    expect(await unitSees()).toEqual({ status: 200, listed: true });
  });
});
