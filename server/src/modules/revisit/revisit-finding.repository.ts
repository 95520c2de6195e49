// 反弹 filed as a new finding: on the same inspection, numbered after the last one, with the original's
// classification (enter once, reuse), linked through origin_finding_id. Already fed back: the unit sees it
// in its 问题清单 at once and splits it into tasks like any other.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.ts';

export async function fileReboundFinding(tx: Tx, originId: string, facts: string, userId: string): Promise<string> {
  const origin = await tx.selectFrom('finding').selectAll().where('id', '=', originId).executeTakeFirstOrThrow();
  // numbers are per inspection: lock the inspection row so two recorders never take the same one
  await tx.selectFrom('inspection').select('id').where('id', '=', origin.inspection_id).forUpdate().execute();
  const next = await tx
    .selectFrom('finding')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
    .where('inspection_id', '=', origin.inspection_id)
    .executeTakeFirstOrThrow();
  const created = await tx
    .insertInto('finding')
    .values({
      committee_id: origin.committee_id,
      inspection_id: origin.inspection_id,
      unit_id: origin.unit_id,
      seq: Number(next.n),
      title: `（反弹）${origin.title}`,
      facts,
      aspect: origin.aspect,
      discipline: origin.discipline,
      major_problem: origin.major_problem,
      focus: origin.focus,
      power_type: origin.power_type,
      areas: origin.areas,
      is_common: origin.is_common,
      eight_rules: origin.eight_rules,
      status: 'fed_back',
      created_by: userId,
      origin_finding_id: origin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}
