// 数据报送 (export side): the deployment's identity, building and signing a committee's package, the list of
// packages sent. A committee the user does not hold the permission in is 404, as if it did not exist.
import { randomUUID } from 'node:crypto';
import {
  EXCHANGE_FORMAT,
  type ExchangeExportInput,
  type ExchangeListQuery,
  type ExchangePackage,
  type ExchangeRound,
  type ExchangeStatistics,
  type Permission,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { committeesWith } from '../analytics/analytics.filter.ts';
import { createIdentity, findIdentity, signingIdentity } from './exchange.identity.ts';
import { signPackage } from './exchange.package.ts';
import * as repo from './exchange.repository.ts';

/** The committee asked for (default: the user's first) when the user holds `permission` in it as a whole. */
export function committeeFor(user: SessionUser, permission: Permission, committeeId: string | undefined): string {
  const id = committeeId ?? committeesWith(user, permission)[0];
  if (!id || !can(user, permission, committeeRecord(id))) throw notFound('党委不存在');
  return id;
}

/** A share rounded to 4 decimals (a stable decimal in the canonical JSON); null with nothing to divide by. */
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

function presentRound(r: repo.RoundFigures): ExchangeRound {
  return {
    name: r.name,
    year: r.year,
    seq: r.seq,
    startDate: r.start_date,
    endDate: r.end_date,
    units: r.units,
    inspections: r.inspections,
    findings: r.findings,
    findingsByAspect: {
      party_leadership: r.party_leadership,
      party_building: r.party_building,
      strict_governance: r.strict_governance,
      anti_corruption: r.anti_corruption,
    },
    tasks: r.tasks,
    closed: r.closed,
    overdue: r.overdue,
    rectificationRate: share(r.closed, r.tasks),
    handovers: r.handovers,
    handoversConcluded: r.handovers_concluded,
  };
}

/** The totals are the rounds' sums (each inspection belongs to one round), units counted once overall. */
function totals(rounds: ExchangeRound[], units: number): ExchangeStatistics {
  const sum = (pick: (r: ExchangeRound) => number) => rounds.reduce((n, r) => n + pick(r), 0);
  const tasks = sum((r) => r.tasks);
  const closed = sum((r) => r.closed);
  return {
    rounds: rounds.length,
    units,
    inspections: sum((r) => r.inspections),
    findings: sum((r) => r.findings),
    findingsByAspect: {
      party_leadership: sum((r) => r.findingsByAspect.party_leadership),
      party_building: sum((r) => r.findingsByAspect.party_building),
      strict_governance: sum((r) => r.findingsByAspect.strict_governance),
      anti_corruption: sum((r) => r.findingsByAspect.anti_corruption),
    },
    tasks,
    closed,
    overdue: sum((r) => r.overdue),
    rectificationRate: share(closed, tasks),
    handovers: sum((r) => r.handovers),
    handoversConcluded: sum((r) => r.handoversConcluded),
  };
}

export const identity = async (ctx: RequestContext) => ({ identity: await findIdentity(ctx.db) });
export const makeIdentity = (ctx: RequestContext) => createIdentity(ctx.db, ctx.config, ctx.actor);

export async function exportPackage(ctx: RequestContext, input: ExchangeExportInput): Promise<ExchangePackage> {
  const committeeId = committeeFor(ctx.user, 'exchange.export', input.committeeId);
  const committee = await repo.committee(ctx.db, committeeId);
  if (!committee) throw notFound('党委不存在');
  const today = shanghaiToday(ctx.clock);
  const [rows, units, signer] = await Promise.all([
    repo.roundFigures(ctx.db, committeeId, input.from, input.to, today),
    repo.distinctUnits(ctx.db, committeeId, input.from, input.to),
    signingIdentity(ctx.db, ctx.config, ctx.actor),
  ]);
  const rounds = rows.map(presentRound);
  const pkg = signPackage(
    {
      format: EXCHANGE_FORMAT,
      packageId: randomUUID(),
      generatedAt: ctx.clock.now().toISOString(),
      asOf: today,
      source: {
        committeeId,
        committeeName: committee.name,
        committeeLevel: committee.level,
        deploymentId: signer.deploymentId,
      },
      period: { from: input.from, to: input.to },
      statistics: totals(rounds, units),
      rounds,
      signer: { publicKey: signer.key.publicKey, fingerprint: signer.fingerprint },
    },
    signer.key,
  );
  await withTransaction(ctx.db, async (tx) => {
    await repo.insertExport(tx, {
      id: pkg.packageId,
      committee_id: committeeId,
      period_from: input.from,
      period_to: input.to,
      digest: pkg.digest,
      fingerprint: signer.fingerprint,
      round_count: rounds.length,
      package: JSON.stringify(pkg),
      exported_by: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'exchange.export',
      entity: 'exchange_export',
      entityId: pkg.packageId,
      after: { committeeId, period: pkg.period, digest: pkg.digest, fingerprint: signer.fingerprint },
    });
  });
  return pkg;
}

export async function listExports(ctx: RequestContext, query: ExchangeListQuery) {
  const committeeId = committeeFor(ctx.user, 'exchange.export', query.committeeId);
  const { items, total } = await repo.exportPage(ctx.db, committeeId, query);
  return pageResult(items, total, query);
}

/** The same package again (a lost file): audited as another export of it. */
export async function downloadExport(ctx: RequestContext, id: string): Promise<ExchangePackage> {
  const row = await repo.exportPackage(ctx.db, id);
  if (!row || !can(ctx.user, 'exchange.export', committeeRecord(row.committee_id))) throw notFound('报送包不存在');
  const pkg = row.package as ExchangePackage;
  await withTransaction(ctx.db, (tx) =>
    writeAudit(tx, ctx.actor, {
      action: 'exchange.download',
      entity: 'exchange_export',
      entityId: id,
      after: { digest: pkg.digest },
    }),
  );
  return pkg;
}
