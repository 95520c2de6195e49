// A second committee with its own unit, inspection, finding and task: records that the demo users
// must never see (cross-scope reads → 404).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/auth/password.ts';
import type { Db } from '../platform/db.ts';

export interface OutsiderIds {
  committeeId: string;
  unitId: string;
  roundId: string;
  inspectionId: string;
  findingId: string;
  taskId: string;
  ownerId: string;
}

export async function seedOutsider(db: Db, today: string): Promise<OutsiderIds> {
  const committee = await db
    .insertInto('committee')
    .values({ name: '中共示例市城西区委', level: '区县委' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitId = randomUUID();
  await db
    .insertInto('org_unit')
    .values({
      id: unitId,
      committee_id: committee.id,
      parent_id: null,
      path: `/${unitId}/`,
      name: '城西区水务局',
      kind: 'department',
      head_name: '某某',
    })
    .execute();
  const owner = await db
    .insertInto('app_user')
    .values({
      username: 'outsider',
      display_name: '城西责任人',
      password_hash: await hashPassword('Outsider@2026'),
      committee_id: committee.id,
      unit_id: unitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_role')
    .values({ user_id: owner.id, role_code: 'task_owner', scope_kind: 'self', scope_id: null })
    .execute();
  const round = await db
    .insertInto('round')
    .values({
      committee_id: committee.id,
      name: '城西区委第一轮巡察',
      year: 2026,
      seq: 1,
      start_date: '2026-01-05',
      end_date: '2026-03-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inspection = await db
    .insertInto('inspection')
    .values({
      committee_id: committee.id,
      round_id: round.id,
      unit_id: unitId,
      type: 'regular',
      phase: 'rectifying',
      team_name: '城西第一巡察组',
      start_date: '2026-01-05',
      end_date: '2026-02-28',
      feedback_date: '2026-03-15',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const finding = await db
    .insertInto('finding')
    .values({
      committee_id: committee.id,
      inspection_id: inspection.id,
      unit_id: unitId,
      seq: 1,
      title: '城西机密问题',
      facts: '不应被其他党委看到',
      aspect: 'party_building',
      areas: [],
      is_common: false,
      eight_rules: false,
      status: 'fed_back',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const task = await db
    .insertInto('task')
    .values({
      committee_id: committee.id,
      unit_id: unitId,
      inspection_id: inspection.id,
      finding_id: finding.id,
      seq: 1,
      title: '城西整改任务',
      measures: '措施',
      responsible_leader: '某某',
      responsible_department: '办公室',
      owner_user_id: owner.id,
      due_date: today,
      status: 'submitted',
      long_term: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    committeeId: committee.id,
    unitId,
    roundId: round.id,
    inspectionId: inspection.id,
    findingId: finding.id,
    taskId: task.id,
    ownerId: owner.id,
  };
}
