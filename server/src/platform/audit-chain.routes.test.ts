// GET /api/audit/verify: the auditor's chain check over HTTP — intact, then broken by an edit made
// directly in the database; only audit.read may call it; the check is itself audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';

let h: Harness;
const db = () => h.database.db;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('GET /api/audit/verify', () => {
  it('reports an intact chain to the auditor, with the head, and records the check', async () => {
    const auditor = await h.as('auditor');
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ ok: true, broken: 0, firstBreak: null });
    expect(report.checked).toBeGreaterThan(0);
    const logged = await db()
      .selectFrom('audit_entry')
      .select(['actor_name', 'after'])
      .where('action', '=', 'audit.verify')
      .executeTakeFirstOrThrow();
    expect(logged.after).toMatchObject({ ok: true, checked: report.checked, head: report.head });
  });

  it('names the first edited entry after a change made directly in the database', async () => {
    const target = await db().selectFrom('audit_entry').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db()
      .transaction()
      .execute(async (tx) => {
        await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(tx);
        await sql`UPDATE audit_entry SET actor_name = '冒名' WHERE id = ${target.id}`.execute(tx);
        await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`.execute(tx);
      });
    const res = await (await h.as('auditor')).get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, broken: 1, firstBreak: { id: target.id, kind: 'edited' } });
  });

  it('401 without a session, 403 for users without audit.read (office, sysadmin)', async () => {
    expect((await h.anonymous.get('/api/audit/verify')).statusCode).toBe(401);
    for (const username of ['office', 'sysadmin']) {
      const res = await (await h.as(username)).get('/api/audit/verify');
      expect(res.statusCode, username).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
