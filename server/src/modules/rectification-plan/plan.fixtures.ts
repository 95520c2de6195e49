// Test fixtures: 区教育局's inspection gets its feedback issued (the trigger opens the case and an empty
// 整改方案), its finding is fed back, and the unit gets a 主要负责人 and a 整改联络员. Tests own this plan
// from its first version, whatever the demo does with 区住建局's.
import type { Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

export const FEEDBACK_DATE = '2026-06-05';

export interface PlanWorld {
  inspectionId: string;
  unitId: string;
  /** the fed-back finding that has no task until the test adds one */
  findingId: string;
  headId: string;
  liaisonId: string;
}

export async function issueJiaoyuFeedback(h: Harness): Promise<PlanWorld> {
  const db = h.database.db;
  const inspectionId = h.demo.jiaoyuInspectionId;
  const unitId = h.demo.units.jiaoyu as string;
  await db.updateTable('inspection').set({ feedback_date: FEEDBACK_DATE }).where('id', '=', inspectionId).execute();
  const finding = await db
    .updateTable('finding')
    .set({ status: 'fed_back' })
    .where('inspection_id', '=', inspectionId)
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitGrant = { unitId, scopeKind: 'unit' as const, scopeId: unitId };
  const headId = await addUser(h, { username: 'jy_head', displayName: '教育局局长', role: 'unit_head', ...unitGrant });
  const liaisonId = await addUser(h, {
    username: 'jy_liaison',
    displayName: '教育局联络员',
    role: 'unit_liaison',
    ...unitGrant,
  });
  return { inspectionId, unitId, findingId: finding.id, headId, liaisonId };
}

/** A task of the finding, written straight to the ledger (the ledger's own API is another module's). */
export async function addTask(h: Harness, world: PlanWorld, seq: number, title: string) {
  const row = await h.database.db
    .insertInto('task')
    .values({
      committee_id: h.demo.committeeId,
      unit_id: world.unitId,
      inspection_id: world.inspectionId,
      finding_id: world.findingId,
      seq,
      title,
      measures: '制定整改措施，明确责任分工',
      responsible_leader: '教育局局长',
      responsible_department: '计划财务科',
      owner_user_id: world.liaisonId,
      due_date: '2026-08-31',
      long_term: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const REVIEW_OK = {
  completeness: { ok: true, comment: '问题全覆盖' },
  pertinence: { ok: true },
  feasibility: { ok: true, comment: '措施具体可行' },
};
export const REVIEW_WEAK = {
  completeness: { ok: true },
  pertinence: { ok: false, comment: '整改措施针对性不强，未触及根源' },
  feasibility: { ok: false, comment: '完成时限过于笼统' },
};
