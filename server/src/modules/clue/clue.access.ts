// Need-to-know (DOMAIN.md §4): who may read a clue's content, and who may only count clues. Both are
// SQL conditions over `clue as c`, applied by every query that touches clue rows, so a role without
// them gets nothing — not in lists, counts, search or exports.
//  - clue.read in scope: the team leader (inspection grant) and the 巡察办主任 (committee grant);
//  - handover.receive_clue in the committee, once the clue has a live handover (纪委监委 handlers);
//  - a per-clue grant to one more user (clue_grant), until revoked;
//  - the team (clue.count in scope) once the clue is labelled 内部 or 公开 rather than 敏感 (等保 安全标记):
//    the label, not the role alone, decides whether need-to-know applies.
// Unit-scoped grants never match: the column map has no unit column.
import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';

const CLUE_COLUMNS = { committeeId: 'c.committee_id', inspectionId: 'c.inspection_id' };

export function clueContentWhere(user: SessionUser): Expression<SqlBool> {
  const byRole = scopeWhere(user, 'clue.read', CLUE_COLUMNS);
  const asRecipient = scopeWhere(user, 'handover.receive_clue', { committeeId: 'c.committee_id' });
  return sql<SqlBool>`(${byRole}
    OR (${asRecipient} AND EXISTS (SELECT 1 FROM handover h WHERE h.clue_id = c.id AND h.status <> 'declined'))
    OR EXISTS (SELECT 1 FROM clue_grant g WHERE g.clue_id = c.id AND g.user_id = ${user.id} AND g.revoked_at IS NULL)
    OR (c.sensitivity <> 'sensitive' AND ${scopeWhere(user, 'clue.count', CLUE_COLUMNS)}))`;
}

/** Rows the user may count (numbers by status and category, never content). */
export function clueCountWhere(user: SessionUser): Expression<SqlBool> {
  return sql<SqlBool>`(${scopeWhere(user, 'clue.count', CLUE_COLUMNS)} OR ${clueContentWhere(user)})`;
}
