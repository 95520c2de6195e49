// In-app notices (DOMAIN.md §7 reminders). A notice with a dedupe key is created at most once per
// user and key (a unique index), so a sweep or a use case may call this again safely, in any process.
import type { NotificationKind } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** a path in the web app, e.g. `/tasks/<id>` */
  link?: string;
  subjectType?: string;
  subjectId?: string;
  /** e.g. `task:<id>:<due date>:due_7`; omit for a notice that may repeat */
  dedupeKey?: string;
}

/** Creates the notice for each user; returns how many were new. */
export async function notify(db: Db, userIds: readonly string[], notice: Notice): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = await db
    .insertInto('notification')
    .values(
      unique.map((userId) => ({
        user_id: userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? '',
        link: notice.link ?? null,
        subject_type: notice.subjectType ?? null,
        subject_id: notice.subjectId ?? null,
        dedupe_key: notice.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** The unit's 主要负责人 and 整改联络员: who answers for the unit's rectification. */
export async function unitRecipients(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('ur.user_id')
    .distinct()
    .where('ur.scope_kind', '=', 'unit')
    .where('ur.scope_id', '=', unitId)
    .where('ur.role_code', 'in', ['unit_head', 'unit_liaison'])
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}
