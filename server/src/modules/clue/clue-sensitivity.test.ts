// 密级标记 of a clue: the label decides who reads its content. 敏感 (the default) keeps it to need-to-know
// readers; relabelled 内部, the team member who could only count it reads it; back to 敏感, they cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { insertOutsiderClue, tableCount } from './clue.test-support.ts';

let h: Harness;
let clue: string;
beforeAll(async () => {
  h = await createHarness();
  clue = h.demo.clues.registered;
});
afterAll(() => h.close());

const relabel = async (username: string, id: string, sensitivity: unknown) =>
  (await h.as(username)).post(`/api/clues/${id}/sensitivity`, { sensitivity });

describe('relabelling a clue', () => {
  it('changes who may read its content, and is audited', async () => {
    const member = await h.as('zuyuan');
    expect((await member.get(`/api/clues/${clue}`)).statusCode).toBe(403);
    expect((await (await h.as('zuzhang')).get(`/api/clues/${clue}`)).json().sensitivity).toBe('sensitive');

    const res = await relabel('zuzhang', clue, 'internal');
    expect([res.statusCode, res.json().sensitivity]).toEqual([200, 'internal']);
    const read = await member.get(`/api/clues/${clue}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().allegation.length).toBeGreaterThan(0);
    expect((await member.get('/api/clues')).json().items.map((c: { id: string }) => c.id)).toContain(clue);
    // the inspected unit holds no clue.count: a label never opens a clue to it
    expect((await (await h.as('danwei')).get(`/api/clues/${clue}`)).statusCode).toBe(404);

    expect((await relabel('zuzhang', clue, 'sensitive')).statusCode).toBe(200);
    expect((await member.get(`/api/clues/${clue}`)).statusCode).toBe(403);
    const audits = await h.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('action', '=', 'clue.relabel')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.after)).toEqual([{ sensitivity: 'internal' }, { sensitivity: 'sensitive' }]);
  });

  it('is 400 on an unknown label, 409 when unchanged, writing nothing', async () => {
    const before = await tableCount(h, 'audit_entry');
    const bad = await relabel('zuzhang', clue, '绝密');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('密级标记应为 公开、内部 或 敏感');
    expect((await relabel('zuzhang', clue, 'sensitive')).statusCode).toBe(409);
    expect(await tableCount(h, 'audit_entry')).toBe(before);
  });

  it('is 403 without clue.read, 404 for another committee’s clue, 401 anonymous', async () => {
    expect((await relabel('zuyuan', clue, 'internal')).statusCode).toBe(403);
    expect((await relabel('sysadmin', clue, 'internal')).statusCode).toBe(403);
    expect((await relabel('zuzhang', await insertOutsiderClue(h), 'internal')).statusCode).toBe(404);
    const anonymous = await h.anonymous.post(`/api/clues/${clue}/sensitivity`, { sensitivity: 'internal' });
    expect(anonymous.statusCode).toBe(401);
  });
});
