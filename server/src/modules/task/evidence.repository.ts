// 佐证材料. SQL only; a file is reachable only through a task the user may see.
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { taskScopeColumns } from './task.repository.ts';

export function evidenceOfTask(db: Db, taskId: string) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('app_user as a', 'a.id', 'e.uploaded_by')
    .select([
      'e.id',
      'e.kind',
      'e.description',
      'e.file_name as fileName',
      'e.size',
      'e.amount',
      'e.institution_name as institutionName',
      'e.institution_doc_no as institutionDocNo',
      'e.institution_date as institutionDate',
      'e.persons_count as personsCount',
      'e.persons_note as personsNote',
      'a.display_name as uploadedByName',
      'e.at',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function countEvidence(db: Db, taskId: string): Promise<number> {
  const rows = await db.selectFrom('evidence').select('id').where('task_id', '=', taskId).limit(1).execute();
  return rows.length;
}

export async function insertEvidence(
  db: Db,
  values: {
    taskId: string;
    kind: string;
    description: string;
    amount: number | null;
    institution?: { name: string; docNo: string; date: string } | null;
    persons?: { count: number; note: string | null } | null;
    file: { fileName: string; storedName: string; mime: string; size: number; sm3: string } | null;
    uploadedBy: string;
    at: string;
  },
) {
  const row = await db
    .insertInto('evidence')
    .values({
      task_id: values.taskId,
      kind: values.kind,
      description: values.description,
      amount: values.amount,
      institution_name: values.institution?.name ?? null,
      institution_doc_no: values.institution?.docNo ?? null,
      institution_date: values.institution?.date ?? null,
      persons_count: values.persons?.count ?? null,
      persons_note: values.persons?.note ?? null,
      file_name: values.file?.fileName ?? null,
      stored_name: values.file?.storedName ?? null,
      mime: values.file?.mime ?? null,
      size: values.file?.size ?? null,
      sm3: values.file?.sm3 ?? null,
      uploaded_by: values.uploadedBy,
      at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findEvidenceFile(db: Db, user: SessionUser, evidenceId: string) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('task as t', 't.id', 'e.task_id')
    .select([
      'e.id',
      'e.task_id as taskId',
      'e.file_name as fileName',
      'e.stored_name as storedName',
      'e.mime',
      'e.size',
    ])
    .where('e.id', '=', evidenceId)
    .where(scopeWhere(user, 'evidence.read', taskScopeColumns))
    .executeTakeFirst();
}
