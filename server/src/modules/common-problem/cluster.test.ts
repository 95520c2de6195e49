// Similarity and clustering on a small fixed committee whose every term is known, so the IDF-weighted
// cosine of each pair is computed by hand below; and the union-find on hand-made pairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/db.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { clusterPairs } from './cluster.ts';
import * as repo from './refresh.repository.ts';
import { termsOf, weightedTermsOf } from './terms.ts';

let database: TestDatabase;
let committeeId: string;
const ids: Record<string, string> = {};

// finding → [unit, title, aspect, discipline]; facts are empty so the title's terms are all there is
const FIXTURE = {
  A: ['u1', '公务用车，加油卡，私用', 'anti_corruption', 'integrity'],
  B: ['u2', '公务用车，加油卡，台账', 'anti_corruption', 'integrity'],
  C: ['u3', '津补贴，发放', 'anti_corruption', 'integrity'],
  D: ['u3', '公务用车，台账', 'anti_corruption', 'integrity'],
  // shares 公务用车 but neither aspect, discipline nor area with the others: never a candidate pair
  E: ['u1', '公务用车，党支部', 'party_building', 'organizational'],
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const committee = await db
    .insertInto('committee')
    .values({ name: '测试区委', level: '区县委' })
    .returning('id')
    .executeTakeFirstOrThrow();
  committeeId = committee.id;
  const round = await db
    .insertInto('round')
    .values({
      committee_id: committeeId,
      name: '测试轮次',
      year: 2025,
      seq: 1,
      start_date: '2025-03-01',
      end_date: '2025-05-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inspections: Record<string, { id: string; unit: string }> = {};
  for (const unit of ['u1', 'u2', 'u3']) {
    const u = await db
      .insertInto('org_unit')
      .values({ committee_id: committeeId, parent_id: null, path: '/', name: `单位${unit}`, kind: 'department' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const i = await db
      .insertInto('inspection')
      .values({
        committee_id: committeeId,
        round_id: round.id,
        unit_id: u.id,
        type: 'regular',
        phase: 'archived',
        start_date: '2025-03-01',
        end_date: '2025-05-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    inspections[unit] = { id: i.id, unit: u.id };
  }
  let seq = 0;
  for (const [key, [unit, title, aspect, discipline]] of Object.entries(FIXTURE)) {
    const inspection = inspections[unit] as { id: string; unit: string };
    seq += 1;
    const row = await db
      .insertInto('finding')
      .values({
        committee_id: committeeId,
        inspection_id: inspection.id,
        unit_id: inspection.unit,
        seq,
        title,
        facts: '',
        aspect,
        discipline,
        areas: [],
        is_common: false,
        eight_rules: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  const stale = await repo.staleFindings(db, committeeId, 100);
  await withTransaction(db, (tx) =>
    repo.storeTerms(
      tx,
      committeeId,
      stale.map((s) => ({ id: s.id, updatedAt: s.updatedAt, terms: weightedTermsOf(s.title, s.facts) })),
    ),
  );
});
afterAll(() => database.dispose());

const OPTIONS = { maxShare: 0.05, minCap: 20, maxPairs: 1000 };

describe('similar pairs (IDF-weighted cosine in SQL)', () => {
  it('segments the fixture as the hand computation assumes', () => {
    expect(termsOf(FIXTURE.A[1], '')).toEqual(['公务用车', '加油卡', '私用']);
    expect(termsOf(FIXTURE.B[1], '')).toEqual(['公务用车', '加油卡', '台账']);
    expect(termsOf(FIXTURE.D[1], '')).toEqual(['公务用车', '台账']);
  });

  it('scores each candidate pair as computed by hand', async () => {
    // N = 5 findings; df: 公务用车 4 (A B D E), 加油卡 2, 台账 2, the rest 1; idf = ln(1 + N/df):
    //   公务用车 ln 2.25 = 0.81093, 加油卡 = 台账 = ln 3.5 = 1.25276, df-1 terms ln 6 = 1.79176
    // w = idf × weight; all terms are in titles (weight 1), 公务用车 and 加油卡 are 巡察 vocabulary (× 2):
    //   公务用车 1.62186, 加油卡 2.50553, 台账 1.25276, 私用 1.79176
    // |A|² = 1.62186² + 2.50553² + 1.79176² = 12.11849; |B|² = 1.62186² + 2.50553² + 1.25276² = 10.47751;
    //   |D|² = 1.62186² + 1.25276² = 4.19985
    // A–B: (1.62186² + 2.50553²) / √(12.11849 × 10.47751) = 8.90809 / 11.26817 = 0.79055
    // B–D: (1.62186² + 1.25276²) / √(10.47751 × 4.19985) = 4.19985 / 6.63359 = 0.63312
    // A–D: 1.62186² / √(12.11849 × 4.19985) = 2.63043 / 7.13421 = 0.36871
    // C–D same unit, A–E same unit, B–E and D–E different taxonomy: no pair
    const pairs = await repo.similarPairs(database.db, committeeId, { threshold: 0.1, ...OPTIONS });
    const named = pairs.map((p) => {
      const key = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
      return [[key(p.a), key(p.b)].sort().join('–'), Math.round(p.similarity * 100000) / 100000];
    });
    expect(named).toEqual([
      ['A–B', 0.79055],
      ['B–D', 0.63312],
      ['A–D', 0.36871],
    ]);
  });

  it('keeps only the pairs at or above the threshold', async () => {
    const pairs = await repo.similarPairs(database.db, committeeId, { threshold: 0.7, ...OPTIONS });
    expect(pairs.map((p) => [p.a, p.b].sort())).toEqual([[ids.A, ids.B].sort()]);
  });

  it('clusters A, B and D at 0.3 and labels the cluster by its shared rare terms', async () => {
    const pairs = await repo.similarPairs(database.db, committeeId, { threshold: 0.3, ...OPTIONS });
    const clusters = clusterPairs(pairs, 0.3);
    // edges A–B, B–D, A–D: one component, cohesion = (0.79055 + 0.63312 + 0.36871) / 3 = 0.59746
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.findingIds).toEqual([ids.A, ids.B, ids.D].sort());
    expect(clusters[0]?.cohesion).toBeCloseTo(0.59746, 4);
    await withTransaction(database.db, (tx) => repo.replaceClusters(tx, committeeId, clusters));
    const stored = await database.db
      .selectFrom('common_problem_cluster')
      .select(['label', 'terms', 'aspect', 'discipline', 'areas'])
      .where('committee_id', '=', committeeId)
      .execute();
    // shared by ≥ 2 members, ranked by members × idf: 公务用车 3 × 0.81093 = 2.43279,
    // 加油卡 2 × 1.25276 = 2.50553, 台账 2 × 1.25276 = 2.50553 (tie: by term) → 加油卡, 台账, 公务用车
    expect(stored).toEqual([
      {
        label: '加油卡、台账、公务用车',
        terms: ['加油卡', '台账', '公务用车'],
        aspect: 'anti_corruption',
        discipline: 'integrity',
        areas: [],
      },
    ]);
  });
});

describe('clusterPairs (union-find)', () => {
  it('joins transitively, ignores pairs under the threshold and orders clusters by size', () => {
    const clusters = clusterPairs(
      [
        { a: 'a', b: 'b', similarity: 0.5 },
        { a: 'b', b: 'c', similarity: 0.3 },
        { a: 'd', b: 'e', similarity: 0.9 },
        { a: 'c', b: 'd', similarity: 0.2 },
      ],
      0.25,
    );
    // a–b–c via 0.5 and 0.3 (mean 0.4); d–e 0.9; c–d is under 0.25 so the two stay apart
    expect(clusters.map((c) => c.findingIds)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(clusters[0]?.cohesion).toBeCloseTo(0.4, 10);
    expect(clusters[1]?.cohesion).toBeCloseTo(0.9, 10);
  });
});
