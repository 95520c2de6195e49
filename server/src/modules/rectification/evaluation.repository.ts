// 整改评估: SQL only; read through a case the caller has already loaded in scope.
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { caseScope } from './rectification.repository.ts';

const evaluationFields = [
  'e.id',
  'e.result',
  'e.comment',
  'e.remedial_due as remedialDue',
  'a.display_name as evaluatedByName',
  'e.evaluated_at as evaluatedAt',
] as const;

export function evaluationsOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('rectification_evaluation as e')
    .innerJoin('app_user as a', 'a.id', 'e.evaluated_by')
    .select(evaluationFields)
    .where('e.rectification_id', '=', caseId)
    .orderBy('e.evaluated_at', 'desc')
    .orderBy('e.id')
    .execute();
}

export function findEvaluation(db: Db, caseId: string, id: string) {
  return db
    .selectFrom('rectification_evaluation as e')
    .innerJoin('app_user as a', 'a.id', 'e.evaluated_by')
    .select(evaluationFields)
    .where('e.rectification_id', '=', caseId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function insertEvaluation(
  db: Db,
  values: {
    caseId: string;
    committeeId: string;
    result: string;
    comment: string;
    remedialDue: string | null;
    by: string;
    at: string;
  },
) {
  const row = await db
    .insertInto('rectification_evaluation')
    .values({
      rectification_id: values.caseId,
      committee_id: values.committeeId,
      result: values.result,
      comment: values.comment,
      remedial_due: values.remedialDue,
      evaluated_by: values.by,
      evaluated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function committeeName(db: Db, committeeId: string) {
  return db.selectFrom('committee').select('name').where('id', '=', committeeId).executeTakeFirstOrThrow();
}

/** The three lists of the inspection, for the documents: fed-back findings with their tasks. */
export function threeLists(db: Db, inspectionId: string) {
  return Promise.all([
    db
      .selectFrom('finding')
      .select(['id', 'seq', 'title'])
      .where('inspection_id', '=', inspectionId)
      .where('status', '=', 'fed_back')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('task')
      .select([
        'finding_id as findingId',
        'title',
        'measures',
        'responsible_leader as leader',
        'responsible_department as department',
        'due_date as dueDate',
        'status',
      ])
      .where('inspection_id', '=', inspectionId)
      .orderBy('finding_id')
      .orderBy('seq')
      .execute(),
  ]);
}

/** An evaluation with its case id, only through a case the user may see. */
export function findEvaluationCase(db: Db, user: SessionUser, id: string) {
  return db
    .selectFrom('rectification_evaluation as e')
    .innerJoin('rectification as rc', 'rc.id', 'e.rectification_id')
    .select('rc.id as caseId')
    .where('e.id', '=', id)
    .where(caseScope(user))
    .executeTakeFirst();
}
