// The 问题清单 side of the 三张清单: fed-back findings with their ledger fields. SQL only; every read
// goes through the user's finding scope.
import type { FindingLedgerInput, LedgerQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';
import { visibleFindings } from './finding.repository.ts';

export interface LedgerFilter {
  inspectionId?: string;
  unitId?: string;
  completion?: LedgerQuery['completion'];
  keyFocus?: boolean;
  overdue?: boolean;
  q?: string;
}

// Only fed-back findings are rectified: drafts are still the team's.
function ledgerFindings(db: Db, user: SessionUser, filter: LedgerFilter, today: string) {
  let q = visibleFindings(db, user).where('f.status', '=', 'fed_back');
  if (filter.inspectionId) q = q.where('f.inspection_id', '=', filter.inspectionId);
  if (filter.unitId) q = q.where('f.unit_id', '=', filter.unitId);
  if (filter.completion) q = q.where('f.completion', '=', filter.completion);
  if (filter.keyFocus !== undefined) q = q.where('f.key_focus', '=', filter.keyFocus);
  if (filter.q) q = q.where('f.title', 'like', `%${escapeLike(filter.q)}%`);
  if (filter.overdue !== undefined) {
    // overdue is derived from the tasks' dates, never stored
    const anyOverdue = sql<boolean>`EXISTS (SELECT 1 FROM task t WHERE t.finding_id = f.id
      AND t.status <> 'closed' AND t.due_date < ${today})`;
    q = q.where(filter.overdue ? anyOverdue : sql<boolean>`NOT ${anyOverdue}`);
  }
  return q;
}

function selectLedgerFinding<Q extends ReturnType<typeof ledgerFindings>>(query: Q) {
  return query
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .select([
      'f.id as findingId',
      'f.committee_id as committeeId',
      'f.inspection_id as inspectionId',
      'f.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'f.seq as findingSeq',
      'f.title as findingTitle',
      'f.status',
      'f.immediate',
      'f.sensitivity',
      'f.completion',
      'f.ongoing',
      'f.done_in_period as doneInPeriod',
      'f.key_focus as keyFocus',
    ])
    .orderBy('f.inspection_id')
    .orderBy('f.seq')
    .orderBy('f.id');
}
export type LedgerFindingRow = Awaited<ReturnType<ReturnType<typeof selectLedgerFinding>['executeTakeFirstOrThrow']>>;

export function ledgerFindingsPage(db: Db, user: SessionUser, query: LedgerQuery & LedgerFilter, today: string) {
  const base = ledgerFindings(db, user, query, today);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    selectLedgerFinding(base).limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One export batch in ledger order (a committee has a few thousand findings: offset batches suffice). */
export function ledgerFindingsBatch(
  db: Db,
  user: SessionUser,
  filter: LedgerFilter,
  today: string,
  batch: { offset: number; limit: number },
) {
  return selectLedgerFinding(ledgerFindings(db, user, filter, today))
    .limit(batch.limit)
    .offset(batch.offset)
    .execute();
}

/** Fed-back findings of one inspection by 序号, for the import (scoped like every read). */
export function ledgerFindingsOfInspection(db: Db, user: SessionUser, inspectionId: string, today: string) {
  return selectLedgerFinding(ledgerFindings(db, user, { inspectionId }, today)).execute();
}

export async function updateLedger(db: Db, id: string, changes: FindingLedgerInput, at: string): Promise<void> {
  await db
    .updateTable('finding')
    .set({
      ...(changes.completion !== undefined ? { completion: changes.completion } : {}),
      ...(changes.ongoing !== undefined ? { ongoing: changes.ongoing } : {}),
      ...(changes.doneInPeriod !== undefined ? { done_in_period: changes.doneInPeriod } : {}),
      ...(changes.keyFocus !== undefined ? { key_focus: changes.keyFocus } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export function ledgerOf(db: Db, id: string) {
  return db
    .selectFrom('finding')
    .select(['id as findingId', 'completion', 'ongoing', 'done_in_period as doneInPeriod', 'key_focus as keyFocus'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
