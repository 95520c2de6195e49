// Test helpers: the demo's rectification case (区住建局) and shortcuts that clear its sign-off blockers
// directly in the database, so each test states only the blocker it is about.
import { sql } from 'kysely';
import type { Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

export async function caseOf(h: Harness, inspectionId: string): Promise<string> {
  const row = await h.database.db
    .selectFrom('rectification')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** A unit head of 区教育局: in the demo committee, out of scope for 区住建局's case. */
export function addOtherUnitHead(h: Harness) {
  return addUser(h, {
    username: 'jiaoyu_head',
    displayName: '教育局局长',
    unitId: h.demo.units.jiaoyu as string,
    role: 'unit_head',
    scopeKind: 'unit',
    scopeId: h.demo.units.jiaoyu as string,
  });
}

export async function closeAllTasks(h: Harness, inspectionId: string) {
  await h.database.db
    .updateTable('task')
    .set({ status: 'closed', closed_at: sql`now()` })
    .where('inspection_id', '=', inspectionId)
    .execute();
}

export async function concludeAllHandovers(h: Harness, inspectionId: string) {
  await h.database.db
    .updateTable('handover')
    .set({
      status: 'closed',
      concluded_on: h.today,
      closed_on: h.today,
      result_sealed: sql`coalesce(result_sealed, 'test')`,
    })
    .where('inspection_id', '=', inspectionId)
    .where('status', 'in', ['sent', 'accepted', 'handling'])
    .execute();
}

export async function approvePlan(h: Harness, caseId: string) {
  await h.database.db
    .updateTable('rectification_plan')
    .set({ status: 'approved' })
    .where('rectification_id', '=', caseId)
    .execute();
}

/** Current 整改报告 and 履职报告 rows, as if the head had submitted them. */
export async function fileReports(h: Harness, caseId: string) {
  const c = await h.database.db
    .selectFrom('rectification')
    .select(['committee_id', 'unit_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  for (const kind of ['rectification', 'duty']) {
    await h.database.db
      .insertInto('rectification_report')
      .values({
        rectification_id: caseId,
        committee_id: c.committee_id,
        unit_id: c.unit_id,
        kind,
        title: `${kind} 报告`,
        content: '正文',
        submitted_by: h.demo.users.danwei as string,
      })
      .execute();
  }
}
