// Demo step 8: findings of the district's past rounds (demo-planning.ts's archived and evaluating
// inspections) in which several units share problems, each worded by its own team, plus problems found
// once. Consecutive findings of a family go to consecutive inspections, so a family spans as many units as
// it has findings; villages get the village families.
import type { Tx } from '../platform/db.ts';
import { DEMO_PROBLEM_FAMILIES } from './demo-common-problems-data.ts';
import type { DistrictContext } from './demo-district.ts';

async function pastInspections(tx: Tx, committeeId: string, village: boolean) {
  return (
    tx
      .selectFrom('inspection as i')
      .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
      .select(['i.id', 'i.unit_id as unitId'])
      .where('i.committee_id', '=', committeeId)
      .where('i.phase', 'in', ['archived', 'evaluating'])
      // not the finished 惠民资金专项巡察 (step 5): its findings are complete as they are
      .where('i.round_id', 'not in', tx.selectFrom('round').select('id').where('name', 'like', '%惠民资金专项巡察'))
      .where('u.kind', village ? '=' : '<>', 'village')
      .orderBy('u.name')
      .orderBy('i.start_date')
      .execute()
  );
}

export async function seedDemoCommonProblems(tx: Tx, context: DistrictContext): Promise<void> {
  const { committeeId, users } = context.ids;
  const pools = {
    unit: await pastInspections(tx, committeeId, false),
    village: await pastInspections(tx, committeeId, true),
  };
  if (pools.unit.length === 0 || pools.village.length === 0) return;
  const next = { unit: 0, village: 0 };
  const seqs = new Map<string, number>();
  for (const family of DEMO_PROBLEM_FAMILIES) {
    const poolName = family.village ? 'village' : 'unit';
    const pool = pools[poolName];
    for (const finding of family.findings) {
      const inspection = pool[next[poolName] % pool.length];
      next[poolName] += 1;
      if (!inspection) continue;
      const seq = (seqs.get(inspection.id) ?? 100) + 1;
      seqs.set(inspection.id, seq);
      await tx
        .insertInto('finding')
        .values({
          committee_id: committeeId,
          inspection_id: inspection.id,
          unit_id: inspection.unitId,
          seq,
          title: finding.title,
          facts: finding.facts,
          aspect: family.aspect,
          discipline: family.discipline,
          major_problem: null,
          focus: null,
          power_type: null,
          areas: family.areas,
          is_common: family.findings.length > 1,
          eight_rules: family.eightRules ?? false,
          status: 'fed_back',
          created_by: users.zuzhang ?? null,
        })
        .execute();
    }
  }
}
