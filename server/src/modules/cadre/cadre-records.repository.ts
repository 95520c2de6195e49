// A cadre's records (可抽调时间, 工作经历, 亲属关系, 教育培训, 表彰奖励): five small tables of the same
// shape, described once as data so adding and correcting work alike. SQL only, scoped through the cadre.
import type { CadreRecordKind } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { cadreScopeColumns } from './cadre.repository.ts';

export interface RecordSpec {
  table: string;
  /** what the user calls one record, for messages */
  label: string;
  /** API field → column */
  fields: Record<string, string>;
  /** the record's date span, checked after a correction merges into the stored row */
  span?: [string, string];
  /** these records point at a unit (回避 needs unitId; unitName is what is shown) */
  hasUnit?: boolean;
  /** columns that take their default when the input leaves them out */
  defaults?: Record<string, unknown>;
  orderBy: string;
}

export const RECORD_SPECS: Record<CadreRecordKind, RecordSpec> = {
  availability: {
    table: 'cadre_availability',
    label: '可抽调时间',
    fields: { startDate: 'start_date', endDate: 'end_date', available: 'available', note: 'note' },
    span: ['startDate', 'endDate'],
    defaults: { available: true, note: null },
    orderBy: 'start_date DESC',
  },
  'past-posts': {
    table: 'cadre_past_post',
    label: '工作经历',
    fields: { unitId: 'unit_id', unitName: 'unit_name', post: 'post', startDate: 'start_date', endDate: 'end_date' },
    span: ['startDate', 'endDate'],
    hasUnit: true,
    defaults: { unitId: null, startDate: null, endDate: null },
    orderBy: 'start_date DESC NULLS LAST',
  },
  relatives: {
    table: 'cadre_relative',
    label: '亲属关系',
    fields: {
      name: 'name',
      relation: 'relation',
      unitId: 'unit_id',
      unitName: 'unit_name',
      post: 'post',
      isLeader: 'is_leader',
    },
    hasUnit: true,
    defaults: { unitId: null, isLeader: false },
    orderBy: 'relation, name',
  },
  trainings: {
    table: 'cadre_training',
    label: '教育培训',
    fields: {
      title: 'title',
      organizer: 'organizer',
      startDate: 'start_date',
      endDate: 'end_date',
      hours: 'hours',
      note: 'note',
    },
    span: ['startDate', 'endDate'],
    defaults: { hours: null, note: null },
    orderBy: 'start_date DESC',
  },
  commendations: {
    table: 'cadre_commendation',
    label: '表彰奖励',
    fields: { title: 'title', grantor: 'grantor', grantedOn: 'granted_on', note: 'note' },
    defaults: { note: null },
    orderBy: 'granted_on DESC',
  },
};

export type RecordValues = Record<string, unknown>;

function selectList(spec: RecordSpec) {
  return sql.join(Object.entries(spec.fields).map(([api, column]) => sql`r.${sql.ref(column)} AS ${sql.ref(api)}`));
}

export async function listRecords(db: Db, spec: RecordSpec, cadreId: string) {
  const { rows } = await sql<RecordValues & { id: string }>`
    SELECT r.id, ${selectList(spec)} FROM ${sql.table(spec.table)} r
    WHERE r.cadre_id = ${cadreId} ORDER BY ${sql.raw(spec.orderBy)}, r.id`.execute(db);
  return rows;
}

/** A record the user may see, with its cadre's committee (for the manage check); undefined when out of scope. */
export async function findRecord(db: Db, user: SessionUser, spec: RecordSpec, id: string) {
  const { rows } = await sql<RecordValues & { id: string; cadreId: string; committeeId: string; cadreActive: boolean }>`
    SELECT r.id, r.cadre_id AS "cadreId", c.committee_id AS "committeeId", c.active AS "cadreActive", ${selectList(spec)}
    FROM ${sql.table(spec.table)} r JOIN cadre c ON c.id = r.cadre_id
    WHERE r.id = ${id} AND ${scopeWhere(user, 'cadre.read', cadreScopeColumns)}`.execute(db);
  return rows[0];
}

function columnValues(spec: RecordSpec, values: RecordValues) {
  return Object.entries(spec.fields)
    .filter(([api]) => values[api] !== undefined)
    .map(([api, column]) => ({ column, value: values[api] }));
}

export async function insertRecord(db: Db, spec: RecordSpec, cadreId: string, values: RecordValues) {
  const cells = columnValues(spec, values);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO ${sql.table(spec.table)} (cadre_id, ${sql.join(cells.map((c) => sql.ref(c.column)))})
    VALUES (${cadreId}, ${sql.join(cells.map((c) => sql.val(c.value)))}) RETURNING id`.execute(db);
  return (rows[0] as { id: string }).id;
}

export async function updateRecord(db: Db, spec: RecordSpec, id: string, values: RecordValues) {
  const cells = columnValues(spec, values);
  await sql`UPDATE ${sql.table(spec.table)} SET ${sql.join(cells.map((c) => sql`${sql.ref(c.column)} = ${sql.val(c.value)}`))}
    WHERE id = ${id}`.execute(db);
}

/** Team memberships with round, team and the team's target units: the cadre's 参加巡察 history. */
export async function participationsOf(db: Db, cadreId: string) {
  return db
    .selectFrom('team_member as tm')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .innerJoin('round as r', 'r.id', 't.round_id')
    .where('tm.cadre_id', '=', cadreId)
    .select([
      't.id as teamId',
      't.name as teamName',
      'r.id as roundId',
      'r.name as roundName',
      'r.start_date as roundStart',
      'r.end_date as roundEnd',
      'tm.post',
      'tm.pledged_at as pledgedAt',
      'tm.left_at as leftAt',
      sql<string[]>`coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM inspection i
        JOIN org_unit u ON u.id = i.unit_id WHERE i.team_id = t.id), '{}')`.as('targetNames'),
    ])
    .orderBy('r.start_date', 'desc')
    .orderBy('t.name')
    .execute();
}
