// Path parameters for the generated tests: each `:param` of the route table, keyed by the route's first
// segment after /api and the parameter name ("inspections:id"), resolves to a record of the demo
// committee (in scope) and one of the outsider committee (out of scope). Kinds the outsider world has no
// record of resolve to an id that exists nowhere: a record the caller cannot see and a missing one must
// answer alike (404), which is what the out-of-scope column asserts.
import { sql } from 'kysely';
import type { Harness } from '../harness.ts';

export const ABSENT = '00000000-0000-4000-8000-00000000dead';

export interface ParamPair {
  /** null: the demo world has no record of this kind (the in-scope column then expects 404 too) */
  in: string | null;
  out: string;
}

type Resolver = (h: Harness) => Promise<ParamPair> | ParamPair;

/** The first id a query returns, or null. `c` is the demo committee id. */
const first =
  (query: (c: string) => ReturnType<typeof sql<{ id: string }>>, out: (h: Harness) => string = () => ABSENT) =>
  async (h: Harness): Promise<ParamPair> => {
    const rows = await query(h.demo.committeeId).execute(h.database.db);
    const id = rows.rows[0]?.id;
    return { in: id === undefined ? null : String(id), out: out(h) };
  };

const byCommittee = (table: string, out?: (h: Harness) => string) =>
  first(
    (c) => sql<{ id: string }>`select id from ${sql.table(table)} where committee_id = ${c} order by id limit 1`,
    out,
  );
const byCadre = (table: string) =>
  first(
    (c) =>
      sql<{ id: string }>`select x.id from ${sql.table(table)} x join cadre on cadre.id = x.cadre_id
        where cadre.committee_id = ${c} order by x.id limit 1`,
  );

export const RESOLVERS: Record<string, Resolver> = {
  'rectification-signals:taskId': first(
    (c) =>
      sql<{ id: string }>`select task_id as id from rectification_signal
        where committee_id = ${c} order by task_id limit 1`,
    (h) => h.outsider.taskId,
  ),
  'common-problems:clusterId': byCommittee('common_problem_cluster'),
  'common-problems:noticeId': byCommittee('common_problem_notice'),
  'common-problems:proposalId': byCommittee('special_inspection_proposal'),
  // 上下联动: the demo district has no committee below it, and the city's 指导意见 is the city's to open, so
  // no district user has an in-scope record of either
  'linkage:id': (h) => ({ in: null, out: h.outsider.committeeId }),
  'guidance:id': () => ({ in: null, out: ABSENT }),
  // exchange packages, trusted keys and imports: the demo world exports and imports none
  'exchange:id': () => ({ in: null, out: ABSENT }),
  // a session is only ever the caller's own; any other id (another user's or none) answers 404
  'auth:id': () => ({ in: ABSENT, out: ABSENT }),
  'committees:id': (h) => ({ in: h.demo.committeeId, out: h.outsider.committeeId }),
  'units:id': (h) => ({ in: h.demo.units.zhujian ?? null, out: h.outsider.unitId }),
  'committee-members:id': byCommittee('committee_member'),
  'rounds:id': (h) => ({ in: h.demo.roundId, out: h.outsider.roundId }),
  'cadres:id': byCommittee('cadre'),
  'cadre-availability:id': byCadre('cadre_availability'),
  'cadre-past-posts:id': byCadre('cadre_past_post'),
  'cadre-relatives:id': byCadre('cadre_relative'),
  'cadre-trainings:id': byCadre('cadre_training'),
  'cadre-commendations:id': byCadre('cadre_commendation'),
  'teams:id': byCommittee('team'),
  'team-members:id': first(
    (c) =>
      sql<{ id: string }>`select tm.id from team_member tm join team on team.id = tm.team_id
        where team.committee_id = ${c} order by tm.id limit 1`,
  ),
  'inspections:id': (h) => ({ in: h.demo.zhujianInspectionId, out: h.outsider.inspectionId }),
  'inspections:grantId': first(
    (c) =>
      sql<{ id: string }>`select g.id from public_report_grant g join inspection i on i.id = g.inspection_id
        where i.committee_id = ${c} order by g.id limit 1`,
  ),
  'inspections:version': () => ({ in: '1', out: '1' }),
  // the zhujian inspection's plan versions, if it has any (the in-scope inspection of 'inspections:id')
  'inspections/rectification-plan:version': async (h) => {
    const rows = await sql<{ v: number }>`select v.version as v from rectification_plan_version v
      join rectification_plan p on p.id = v.plan_id
      where p.inspection_id = ${h.demo.zhujianInspectionId} order by v.version limit 1`.execute(h.database.db);
    const v = rows.rows[0]?.v;
    return { in: v === undefined ? null : String(v), out: '1' };
  },
  'findings:id': (h) => ({ in: h.demo.findings.f1 ?? null, out: h.outsider.findingId }),
  'findings:recordId': (h) => ({ in: h.demo.fieldwork.documents, out: ABSENT }),
  'good-practices:id': (h) => ({ in: h.demo.goodPractices[0] ?? null, out: ABSENT }),
  'meetings:id': (h) => ({ in: h.demo.meetingId, out: ABSENT }),
  'tasks:id': (h) => ({ in: Object.values(h.demo.tasks)[0] ?? null, out: h.outsider.taskId }),
  // the demo's evidence rows are metadata only (no stored file): every holder would get 404
  'evidence:id': () => ({ in: null, out: ABSENT }),
  'term-plans:id': byCommittee('term_plan'),
  'enquiries:id': byCommittee('enquiry'),
  // a non-sensitive record: sealed interview notes are a grant matter, not a role one (fieldwork.policy)
  'fieldwork:id': (h) => ({ in: h.demo.fieldwork.documents, out: ABSENT }),
  'fieldwork:attachmentId': first(
    (c) =>
      sql<{ id: string }>`select a.id from fieldwork_attachment a join fieldwork_record r on r.id = a.record_id
        where r.committee_id = ${c} order by a.id limit 1`,
  ),
  'clues:id': (h) => ({ in: h.demo.clues.registered, out: ABSENT }),
  'clues:grantId': first(
    (c) =>
      sql<{ id: string }>`select g.id from clue_grant g join clue on clue.id = g.clue_id
        where clue.committee_id = ${c} order by g.id limit 1`,
  ),
  // the cadre handover: a clue handover's letter depends on the clue's sealing, not on the role
  'handovers:id': (h) => ({ in: h.demo.handovers.cadre, out: ABSENT }),
  'committees:code': () => ({ in: 'plan_submit', out: 'plan_submit' }),
  'rectifications:id': byCommittee('rectification'),
  'rectifications:pid': byCommittee('publication'),
  // a report of the case above that has an uploaded file (the only report route is its file); a written
  // report has none and answers 404, so without such a report the in-scope column expects 404
  'rectifications:rid': first(
    (c) =>
      sql<{ id: string }>`select rr.id from rectification_report rr
        where rr.stored_name is not null
          and rr.rectification_id = (select id from rectification where committee_id = ${c} order by id limit 1)
        order by rr.id limit 1`,
  ),
  'supervision-orders:id': byCommittee('supervision_order'),
  'revisits:id': byCommittee('revisit'),
  'accountability:id': byCommittee('accountability'),
  // the calendar is the committee's configuration: no day is out of scope, so the other side is no day
  'calendar:day': (h) => ({ in: h.today, out: ABSENT }),
  'notifications:id': first((_c) => sql<{ id: string }>`select id from notification order by id limit 1`),
  'public:roundId': (h) => ({ in: h.demo.roundId, out: h.outsider.roundId }),
  'evaluations:id': byCommittee('rectification_evaluation'),
  'admin:id': (h) => ({ in: h.demo.users.zerenren ?? null, out: h.outsider.ownerId }),
  'admin:grantId': first(
    (c) =>
      sql<{ id: string }>`select ur.id from user_role ur join app_user u on u.id = ur.user_id
        where u.committee_id = ${c} order by ur.id limit 1`,
  ),
  'audit-log:id': first(
    (_c) => sql<{ id: string }>`select id::text as id from audit_entry order by id limit 1`,
    () => '2147483000',
  ),
  'public-reports:id': byCommittee('public_report'),
  'public-reports:attachmentId': first(
    (c) =>
      sql<{ id: string }>`select a.id from public_report_attachment a join public_report r on r.id = a.report_id
        where r.committee_id = ${c} order by a.id limit 1`,
  ),
};

export const paramNames = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
/** "inspections:version", or the more specific "inspections/rectification-plan:version" when listed. */
export function resolverKey(url: string, param: string): string {
  const segments = url.split('/');
  const at = segments.indexOf(`:${param}`);
  const specific = `${segments[2]}/${segments[at - 2]}:${param}`;
  return specific in RESOLVERS ? specific : `${segments[2]}:${param}`;
}

/** Resolves every parameter the route table uses; lists the ones without a resolver entry. */
export async function resolveParams(h: Harness, urls: string[]) {
  const pairs = new Map<string, ParamPair>();
  const missing: string[] = [];
  for (const url of urls)
    for (const param of paramNames(url)) {
      const key = resolverKey(url, param);
      if (pairs.has(key)) continue;
      const resolver = RESOLVERS[key];
      if (resolver) pairs.set(key, await resolver(h));
      else missing.push(`${url} → 在 server/src/test/authz/resolvers.ts 的 RESOLVERS 中添加 '${key}'`);
    }
  return { pairs, missing };
}

/** The route's URL with its parameters filled from the in-scope or out-of-scope side. */
export function fillUrl(url: string, pairs: Map<string, ParamPair>, side: 'in' | 'out'): string {
  return url.replaceAll(/:(\w+)/g, (_m, param: string) => {
    const pair = pairs.get(resolverKey(url, param));
    return (side === 'in' ? (pair?.in ?? pair?.out) : pair?.out) ?? ABSENT;
  });
}
