// 整改进展报告 / 整改报告 / 履职报告: SQL only. Reads go through the case scope, so a report (or its file)
// is reachable only through a case the user may see.
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import type { StoredFile } from '../../platform/files.ts';
import { caseScope } from './rectification.repository.ts';

export function reportsOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('rectification_report as rr')
    .innerJoin('app_user as a', 'a.id', 'rr.submitted_by')
    .select([
      'rr.id',
      'rr.kind',
      'rr.period',
      'rr.title',
      'rr.content',
      'rr.file_name as fileName',
      'rr.size',
      'a.display_name as submittedByName',
      'rr.submitted_at as submittedAt',
      'rr.superseded_at as supersededAt',
    ])
    .where('rr.rectification_id', '=', caseId)
    .orderBy('rr.kind')
    .orderBy('rr.period', 'desc')
    .orderBy('rr.submitted_at', 'desc')
    .orderBy('rr.id')
    .execute();
}

export function findReportFile(db: Db, user: SessionUser, caseId: string, reportId: string) {
  return db
    .selectFrom('rectification_report as rr')
    .innerJoin('rectification as rc', 'rc.id', 'rr.rectification_id')
    .select(['rr.file_name as fileName', 'rr.stored_name as storedName', 'rr.mime', 'rr.size'])
    .where('rr.id', '=', reportId)
    .where('rr.rectification_id', '=', caseId)
    .where(caseScope(user))
    .executeTakeFirst();
}

/** The earlier current report of the same kind and period stays, marked superseded. */
export async function supersede(db: Db, caseId: string, kind: string, period: string | null, at: string) {
  const rows = await db
    .updateTable('rectification_report')
    .set({ superseded_at: at })
    .where('rectification_id', '=', caseId)
    .where('kind', '=', kind)
    .where((eb) => (period === null ? eb('period', 'is', null) : eb('period', '=', period)))
    .where('superseded_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertReport(
  db: Db,
  values: {
    caseId: string;
    committeeId: string;
    unitId: string;
    kind: string;
    period: string | null;
    title: string;
    content: string | null;
    file: StoredFile | null;
    by: string;
    at: string;
  },
) {
  const row = await db
    .insertInto('rectification_report')
    .values({
      rectification_id: values.caseId,
      committee_id: values.committeeId,
      unit_id: values.unitId,
      kind: values.kind,
      period: values.period,
      title: values.title,
      content: values.content,
      file_name: values.file?.fileName ?? null,
      stored_name: values.file?.storedName ?? null,
      mime: values.file?.mime ?? null,
      size: values.file?.size ?? null,
      sm3: values.file?.sm3 ?? null,
      submitted_by: values.by,
      submitted_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
