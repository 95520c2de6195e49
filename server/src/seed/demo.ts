// Loads the demo world into an empty database (first `npm start`), and serves tests as a realistic fixture.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../platform/auth/password.ts';
import { type Clock, shanghaiToday } from '../platform/clock.ts';
import type { Keyring } from '../platform/crypto/sealed.ts';
import { type Db, withTransaction } from '../platform/db.ts';
import { seedCoreTeam } from './demo-core-team.ts';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, ZHUJIAN_FINDINGS } from './demo-data.ts';
import { seedDemoDistrict } from './demo-district.ts';
import { type DemoFieldworkIds, seedDemoFieldwork } from './demo-fieldwork.ts';
import { seedDemoTasks } from './demo-tasks.ts';

export { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';

/** Ids tests use; the fieldwork part (records, clues, reports, meeting, handovers) is DemoFieldworkIds. */
export interface DemoIds extends DemoFieldworkIds {
  cityCommitteeId: string;
  committeeId: string;
  units: Record<string, string>;
  users: Record<string, string>;
  roundId: string;
  zhujianInspectionId: string;
  jiaoyuInspectionId: string;
  findings: Record<string, string>;
  tasks: Record<string, string>;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `keyring` seals the demo's sensitive text (keyringFor(config) of the server that will open it). */
export async function seedDemoIfEmpty(db: Db, clock: Clock, keyring: Keyring): Promise<boolean> {
  const row = await db.selectFrom('committee').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (row.n > 0) return false;
  await seedDemoDistrict(db, clock, keyring, await seedDemo(db, clock, keyring));
  return true;
}

export async function seedDemo(db: Db, clock: Clock, keyring: Keyring): Promise<DemoIds> {
  const today = shanghaiToday(clock);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withTransaction(db, async (tx) => {
    const city = await tx
      .insertInto('committee')
      .values({ name: '中共示例市委', level: '市委' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const committee = await tx
      .insertInto('committee')
      .values({ name: '中共示例市城关区委', level: '区县委', parent_id: city.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const committeeId = committee.id;

    const units: Record<string, string> = {};
    const paths: Record<string, string> = {};
    for (const unit of DEMO_UNITS) {
      const id = randomUUID();
      const path = `${unit.parent ? paths[unit.parent] : '/'}${id}/`;
      units[unit.key] = id;
      paths[unit.key] = path;
      await tx
        .insertInto('org_unit')
        .values({
          id,
          committee_id: committeeId,
          parent_id: unit.parent ? units[unit.parent] : null,
          path,
          name: unit.name,
          kind: unit.kind,
          head_name: unit.headName,
        })
        .execute();
    }

    const users: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const created = await tx
        .insertInto('app_user')
        .values({
          username: user.username,
          display_name: user.displayName,
          password_hash: passwordHash,
          committee_id: committeeId,
          unit_id: user.unit ? units[user.unit] : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users[user.username] = created.id;
      if (user.scopeKind === 'inspection') continue; // granted per inspection below
      const scopeId =
        user.scopeKind === 'committee' ? committeeId : user.scopeKind === 'unit' && user.unit ? units[user.unit] : null;
      await tx
        .insertInto('user_role')
        .values({ user_id: created.id, role_code: user.role, scope_kind: user.scopeKind, scope_id: scopeId })
        .execute();
    }

    const round = await tx
      .insertInto('round')
      .values({
        committee_id: committeeId,
        name: '十五届区委第三轮巡察',
        year: Number(today.slice(0, 4)),
        seq: 3,
        start_date: addDays(today, -150),
        end_date: addDays(today, -60),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const inspection = (unit: string, phase: string, feedbackDate: string | null, reason: string) =>
      tx
        .insertInto('inspection')
        .values({
          committee_id: committeeId,
          round_id: round.id,
          unit_id: units[unit] as string,
          type: 'regular',
          phase,
          team_name: '区委第一巡察组',
          start_date: addDays(today, -150),
          end_date: addDays(today, -110),
          selection_reason: reason,
          feedback_date: feedbackDate,
          feedback_content: feedbackDate ? '区委第一巡察组向区住建局党组反馈巡察意见：……（见问题清单）' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const zhujian = await inspection(
      'zhujian',
      'rectifying',
      addDays(today, -100),
      '工程建设领域廉政风险高，群众反映集中，上届以来未巡察',
    );
    const jiaoyu = await inspection(
      'jiaoyu',
      'stationed',
      null,
      '教育收费和学校食堂等民生领域群众关注度高，资金量大，上届以来未巡察',
    );
    await seedCoreTeam(tx, {
      committeeId,
      roundId: round.id,
      inspectionIds: [zhujian.id, jiaoyu.id],
      users,
      pledgedAt: `${addDays(today, -152)}T01:00:00Z`,
    });

    const findings: Record<string, string> = {};
    for (const [i, f] of ZHUJIAN_FINDINGS.entries()) {
      const created = await tx
        .insertInto('finding')
        .values({
          committee_id: committeeId,
          inspection_id: zhujian.id,
          unit_id: units.zhujian as string,
          seq: i + 1,
          title: f.title,
          facts: f.facts,
          aspect: f.aspect,
          discipline: f.discipline,
          major_problem: f.majorProblem,
          focus: f.focus,
          power_type: f.powerType,
          areas: f.areas,
          is_common: false,
          eight_rules: f.eightRules,
          status: 'fed_back',
          created_by: users.zuzhang as string,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      findings[f.key] = created.id;
    }
    await tx
      .insertInto('finding')
      .values({
        committee_id: committeeId,
        inspection_id: jiaoyu.id,
        unit_id: units.jiaoyu as string,
        seq: 1,
        title: '教育收费和食堂经费管理不规范',
        facts: '个别学校以“资料费”名义收取费用；食堂采购未执行集中采购制度。',
        aspect: 'anti_corruption',
        discipline: 'mass',
        major_problem: null,
        focus: 'key_matter',
        power_type: 'allocation',
        areas: ['welfare_funds'],
        is_common: true,
        eight_rules: false,
        created_by: users.zuzhang as string,
      })
      .execute();

    const tasks = await seedDemoTasks(tx, {
      committeeId,
      unitId: units.zhujian as string,
      inspectionId: zhujian.id,
      findings,
      users,
      today,
    });
    const fieldwork = await seedDemoFieldwork(tx, keyring, {
      committeeId,
      inspectionId: zhujian.id,
      unitId: units.zhujian as string,
      users,
      findings,
      today,
    });
    return {
      ...fieldwork,
      cityCommitteeId: city.id,
      committeeId,
      units,
      users,
      roundId: round.id,
      zhujianInspectionId: zhujian.id,
      jiaoyuInspectionId: jiaoyu.id,
      findings,
      tasks,
    };
  });
}
