// A hand-checkable set of handovers for the timeliness figures (TEST_NOW 2026-06-15). Raw inserts: the
// numbers must not depend on the handover services. The sealed columns hold markers the drill-down and its
// export must never show.
import type { Harness } from '../../test/harness.ts';

export const SECRET = { clue: 'CLUE-CONTENT-SECRET', result: 'RESULT-NARRATIVE-SECRET' };

//  #   kind   recipient     sent        due         result      status     → counts as
//  H1  clue   discipline    2026-01-10  2026-04-10  2026-04-01  concluded  on time, 81 days (21+28+31+1)
//  H2  clue   discipline    2026-01-10  2026-04-10  —           handling   overdue (66 days past due)
//  H3  cadre  organization  2026-03-01  2026-04-01  2026-04-11  closed     late, 41 days (31+10)
//  H4  other  department    2026-06-01  2026-07-01  —           accepted   pending (not yet due)
//  H5  other  department    2026-02-01  2026-03-01  —           declined   not counted (sent again as H6)
//  H6  other  department    2026-05-01  2026-06-01  2026-05-20  concluded  on time, 19 days
const HANDOVERS = [
  {
    kind: 'clue',
    recipient: 'discipline',
    sent: '2026-01-10',
    due: '2026-04-10',
    result: '2026-04-01',
    status: 'concluded',
  },
  { kind: 'clue', recipient: 'discipline', sent: '2026-01-10', due: '2026-04-10', result: null, status: 'handling' },
  {
    kind: 'cadre',
    recipient: 'organization',
    sent: '2026-03-01',
    due: '2026-04-01',
    result: '2026-04-11',
    status: 'closed',
  },
  { kind: 'other', recipient: 'department', sent: '2026-06-01', due: '2026-07-01', result: null, status: 'accepted' },
  { kind: 'other', recipient: 'department', sent: '2026-02-01', due: '2026-03-01', result: null, status: 'declined' },
  {
    kind: 'other',
    recipient: 'department',
    sent: '2026-05-01',
    due: '2026-06-01',
    result: '2026-05-20',
    status: 'concluded',
  },
] as const;

export async function seedHandoverFixture(h: Harness): Promise<{ roundId: string; unitId: string }> {
  const db = h.database.db;
  const committee_id = h.demo.committeeId;
  const author = h.demo.users.zuzhang as string;
  const round = await db
    .insertInto('round')
    .values({
      committee_id,
      name: '移交测试轮次',
      year: 2026,
      seq: 7,
      start_date: '2026-01-01',
      end_date: '2026-02-28',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await db
    .insertInto('org_unit')
    .values({ committee_id, path: '/', name: '移交测试单位', kind: 'department' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('org_unit')
    .set({ path: `/${unit.id}/` })
    .where('id', '=', unit.id)
    .execute();
  const inspection = await db
    .insertInto('inspection')
    .values({
      committee_id,
      round_id: round.id,
      unit_id: unit.id,
      type: 'regular',
      phase: 'rectifying',
      team_name: '移交测试组',
      start_date: '2026-01-05',
      end_date: '2026-02-10',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const common = { committee_id, inspection_id: inspection.id, unit_id: unit.id };
  for (const [n, spec] of HANDOVERS.entries()) {
    const clue =
      spec.kind === 'clue'
        ? await db
            .insertInto('clue')
            .values({
              ...common,
              round_id: round.id,
              seq: 900 + n,
              category: 'integrity',
              source: 'interview',
              received_on: '2026-01-08',
              content_sealed: SECRET.clue,
              registered_by: author,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        : null;
    const finding =
      spec.kind === 'clue'
        ? null
        : await db
            .insertInto('finding')
            .values({
              ...common,
              seq: 900 + n,
              title: `移交测试问题${n + 1}`,
              facts: '事实',
              aspect: 'party_building',
              areas: [],
              is_common: false,
              eight_rules: false,
              status: 'fed_back',
              created_by: author,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    await db
      .insertInto('handover')
      .values({
        ...common,
        year: 2026,
        seq: 900 + n,
        kind: spec.kind,
        clue_id: clue?.id ?? null,
        finding_id: finding?.id ?? null,
        recipient: spec.recipient,
        recipient_unit_id: spec.recipient === 'department' ? unit.id : null,
        recipient_name: { discipline: '区纪委监委', organization: '区委组织部', department: '区财政局' }[
          spec.recipient
        ],
        status: spec.status,
        sent_on: spec.sent,
        due_date: spec.due,
        sent_by: author,
        concluded_on: spec.result,
        result_sealed: spec.result ? SECRET.result : null,
        closed_on: spec.status === 'closed' ? '2026-04-20' : null,
      })
      .execute();
  }
  return { roundId: round.id, unitId: unit.id };
}
