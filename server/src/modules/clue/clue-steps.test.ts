// The team's own steps on a clue (初步核实, 留存备查, 重新核实) and its history, through the real HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';
import { clueBody, clueUrl, insertOutsiderClue, tableCount } from './clue.test-support.ts';

let h: Harness;
let clueId: string;
let outsiderClueId: string;

beforeAll(async () => {
  h = await createHarness();
  clueId = (await (await h.as('zuzhang')).post(clueUrl(h.demo.jiaoyuInspectionId), clueBody())).json().id;
  outsiderClueId = await insertOutsiderClue(h);
  await addUser(h, {
    username: 'zj_zuzhang',
    displayName: '住建组组长',
    unitId: null,
    role: 'team_leader',
    scopeKind: 'inspection',
    scopeId: h.demo.zhujianInspectionId,
  });
});
afterAll(() => h.close());

describe('verify / shelve / reopen', () => {
  const step = async (username: string, event: string, id = clueId, reason: unknown = '经研判需进一步核实') =>
    (await h.as(username)).post(`/api/clues/${id}/${event}`, { reason });

  it('moves the clue and records the step; audit has statuses only', async () => {
    const verified = await step('zuzhang', 'verify');
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      status: 'preliminary',
      abilities: { verify: false, shelve: true, reopen: false },
    });
    expect((await step('zuzhang', 'shelve', clueId, '暂不具备核查条件')).json().status).toBe('shelved');
    expect((await step('zuzhang', 'reopen', clueId, '出现新的情况')).json().status).toBe('preliminary');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', clueId)
      .where('action', 'in', ['clue.verify', 'clue.shelve', 'clue.reopen'])
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['clue.verify', 'registered', 'preliminary'],
      ['clue.shelve', 'preliminary', 'shelved'],
      ['clue.reopen', 'shelved', 'preliminary'],
    ]);
  });

  it('409 names the state', async () => {
    const res = await step('zuzhang', 'verify');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('问题线索当前状态为“初步核实”，不能初步核实');
    expect((await step('zuzhang', 'reopen')).statusCode).toBe(409);
  });

  it('400 without a reason, nothing written; 401; 403 without clue.update; 404 elsewhere', async () => {
    const before = await tableCount(h, 'clue_event');
    const blank = await step('zuzhang', 'shelve', clueId, ' ');
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('请填写理由');
    expect(await tableCount(h, 'clue_event')).toBe(before);
    expect((await h.anonymous.post(`/api/clues/${clueId}/shelve`, { reason: '理由' })).statusCode).toBe(401);
    for (const username of ['zuyuan', 'office', 'banshi', 'jiwei'])
      expect((await step(username, 'shelve')).statusCode, username).toBe(403);
    expect((await step('zuzhang', 'shelve', outsiderClueId)).statusCode).toBe(404);
    expect((await step('zj_zuzhang', 'shelve')).statusCode).toBe(404);
  });

  it('has no route for the handover events', async () => {
    expect((await step('zuzhang', 'hand_over')).statusCode).toBe(404);
  });
});

describe('GET /api/clues/:id/history', () => {
  it('lists every step for readers, with the reasons', async () => {
    const res = await (await h.as('office')).get(`/api/clues/${clueId}/history`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { event: string }) => e.event)).toEqual(['register', 'verify', 'shelve', 'reopen']);
    expect(res.json().items[2]).toMatchObject({
      fromStatus: 'preliminary',
      toStatus: 'shelved',
      reason: '暂不具备核查条件',
      actorName: '赵刚',
    });
  });

  it('is 403 for counters, 404 for others, 401 anonymous', async () => {
    expect((await (await h.as('zuyuan')).get(`/api/clues/${clueId}/history`)).statusCode).toBe(403);
    expect((await (await h.as('jiwei')).get(`/api/clues/${clueId}/history`)).statusCode).toBe(404);
    expect((await (await h.as('office')).get(`/api/clues/${outsiderClueId}/history`)).statusCode).toBe(404);
    expect((await h.anonymous.get(`/api/clues/${clueId}/history`)).statusCode).toBe(401);
  });
});
