// Scoping: the in-memory check (covers/can) and the SQL fragment (scopeWhere) from the same grants.
import type { Permission, RoleCode, ScopeKind } from '@xuncha/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { type DemoIds, seedDemo } from '../seed/demo.ts';
import { TEST_NOW } from '../test/harness.ts';
import { testKeyring } from '../test/keyring.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { can, covers, type ScopedRecord, scopeWhere } from './scope.ts';
import type { SessionUser, UserGrant } from './session-user.ts';

function grant(
  scopeKind: ScopeKind,
  scopeId: string | null,
  permissions: Permission[],
  unitPath: string | null = null,
  role: RoleCode = 'office',
): UserGrant {
  return { role, scopeKind, scopeId, scopeName: null, unitPath, permissions: new Set(permissions) };
}
function userWith(...grants: UserGrant[]): SessionUser {
  return { id: 'user-1', username: 'u', displayName: '测试', committeeId: null, unitId: null, grants };
}
const record = (extra: Partial<ScopedRecord> = {}): ScopedRecord => ({
  committeeId: 'c1',
  unitPath: '/a/b/',
  inspectionId: 'i1',
  ownerUserId: 'owner',
  ...extra,
});

describe('covers', () => {
  it('committee: the record’s committee only', () => {
    const g = grant('committee', 'c1', []);
    expect(covers(userWith(g), g, record())).toBe(true);
    expect(covers(userWith(g), g, record({ committeeId: 'c2' }))).toBe(false);
  });

  it('unit: the unit and its subtree, by path prefix', () => {
    const g = grant('unit', 'a', [], '/a/');
    const u = userWith(g);
    expect(covers(u, g, record({ unitPath: '/a/' }))).toBe(true);
    expect(covers(u, g, record({ unitPath: '/a/b/c/' }))).toBe(true);
    // '/ab/' starts with '/a' but is a sibling, not a child
    expect(covers(u, g, record({ unitPath: '/ab/' }))).toBe(false);
    expect(covers(u, g, record({ unitPath: '/x/a/' }))).toBe(false);
    expect(covers(u, g, record({ unitPath: null }))).toBe(false);
    expect(covers(u, grant('unit', 'a', [], null), record())).toBe(false);
  });

  it('unit: never a record the unit may not see yet (visibleToUnit = false)', () => {
    const g = grant('unit', 'a', [], '/a/');
    expect(covers(userWith(g), g, record({ visibleToUnit: false }))).toBe(false);
    expect(covers(userWith(g), g, record({ visibleToUnit: true }))).toBe(true);
    // other scope kinds ignore the flag
    const team = grant('inspection', 'i1', []);
    expect(covers(userWith(team), team, record({ visibleToUnit: false }))).toBe(true);
  });

  it('inspection: that inspection only', () => {
    const g = grant('inspection', 'i1', []);
    expect(covers(userWith(g), g, record())).toBe(true);
    expect(covers(userWith(g), g, record({ inspectionId: 'i2' }))).toBe(false);
    expect(covers(userWith(g), g, record({ inspectionId: null }))).toBe(false);
  });

  it('self: records the user owns', () => {
    const g = grant('self', null, []);
    expect(covers(userWith(g), g, record({ ownerUserId: 'user-1' }))).toBe(true);
    expect(covers(userWith(g), g, record())).toBe(false);
    expect(covers(userWith(g), g, record({ ownerUserId: null }))).toBe(false);
  });
});

describe('can', () => {
  it('needs the permission in a grant that covers the record', () => {
    const u = userWith(grant('unit', 'a', ['task.read'], '/a/'), grant('committee', 'c1', ['task.verify']));
    expect(can(u, 'task.read', record())).toBe(true);
    expect(can(u, 'task.verify', record())).toBe(true);
    // in another committee the unit grant still covers reading, but nothing covers verifying
    expect(can(u, 'task.read', record({ committeeId: 'c2' }))).toBe(true);
    expect(can(u, 'task.verify', record({ committeeId: 'c2' }))).toBe(false);
    expect(can(u, 'task.create', record())).toBe(false);
  });

  it('is false for a user without grants', () => {
    expect(can(userWith(), 'task.read', record())).toBe(false);
  });
});

describe('scopeWhere on a real database', () => {
  let database: TestDatabase;
  let demo: DemoIds;
  let paths: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    demo = await seedDemo(database.db, fixedClock(TEST_NOW), testKeyring());
    const units = await database.db.selectFrom('org_unit').select(['id', 'path']).execute();
    paths = Object.fromEntries(units.map((u) => [u.id, u.path]));
  });
  afterAll(() => database.dispose());

  const unitGrant = (key: string, permissions: Permission[]) =>
    grant('unit', demo.units[key] as string, permissions, paths[demo.units[key] as string]);
  const unitColumns = { committeeId: 'u.committee_id', unitId: 'u.id' };
  const taskColumns = {
    committeeId: 't.committee_id',
    unitId: 't.unit_id',
    inspectionId: 't.inspection_id',
    ownerUserId: 't.owner_user_id',
  };

  async function units(user: SessionUser, columns: Parameters<typeof scopeWhere>[2] = unitColumns) {
    const row = await database.db
      .selectFrom('org_unit as u')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scopeWhere(user, 'unit.read', columns))
      .executeTakeFirstOrThrow();
    return row.n;
  }
  async function tasks(user: SessionUser) {
    const row = await database.db
      .selectFrom('task as t')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scopeWhere(user, 'task.read', taskColumns))
      .executeTakeFirstOrThrow();
    return row.n;
  }

  it('is false without a grant carrying the permission: the query returns no rows', async () => {
    expect(await units(userWith(grant('committee', demo.committeeId, ['unit.read'])))).toBe(13);
    expect(await units(userWith())).toBe(0);
    expect(await units(userWith(grant('committee', demo.committeeId, ['task.read'])))).toBe(0);
  });

  it('committee and unit-subtree grants', async () => {
    expect(await units(userWith(grant('committee', demo.cityCommitteeId, ['unit.read'])))).toBe(0);
    expect(await units(userWith(unitGrant('zhujian', ['unit.read'])))).toBe(2);
    expect(await units(userWith(unitGrant('zhijianzhan', ['unit.read'])))).toBe(1);
    expect(await units(userWith(unitGrant('dongguan', ['unit.read'])))).toBe(3);
    // a table without a unit column: unit grants never match
    expect(await units(userWith(unitGrant('zhujian', ['unit.read'])), { committeeId: 'u.committee_id' })).toBe(0);
  });

  it('inspection and self grants, OR-ed together', async () => {
    expect(await tasks(userWith(grant('inspection', demo.zhujianInspectionId, ['task.read'])))).toBe(6);
    expect(await tasks(userWith(grant('inspection', demo.jiaoyuInspectionId, ['task.read'])))).toBe(0);
    const self: SessionUser = { ...userWith(grant('self', null, ['task.read'])), id: demo.users.zerenren as string };
    expect(await tasks(self)).toBe(4);
    const both = userWith(grant('self', null, ['task.read']), unitGrant('zhijianzhan', ['task.read']));
    expect(await tasks({ ...both, id: demo.users.zerenren as string })).toBe(4);
  });

  it('applies the extra unit condition to unit grants only', async () => {
    const findings = async (user: SessionUser) => {
      const row = await database.db
        .selectFrom('finding as f')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          scopeWhere(user, 'finding.read', {
            committeeId: 'f.committee_id',
            unitId: 'f.unit_id',
            inspectionId: 'f.inspection_id',
            unitCondition: sql`f.status = 'fed_back'`,
          }),
        )
        .executeTakeFirstOrThrow();
      return row.n;
    };
    expect(await findings(userWith(unitGrant('zhujian', ['finding.read'])))).toBe(4);
    expect(await findings(userWith(unitGrant('jiaoyu', ['finding.read'])))).toBe(0);
    expect(await findings(userWith(grant('inspection', demo.jiaoyuInspectionId, ['finding.read'])))).toBe(1);
  });
});
