// 接收核验 (import side): trusted keys of lower deployments, and the import of a package after checking format
// (contract), SM3 digest, that the signer is a trusted active key, and the SM2 signature. A refused package
// leaves nothing but an audit entry of the refusal (DOMAIN.md §9a: every transfer is audited).
import {
  type ExchangeImportDetail,
  type ExchangeImportRow,
  type ExchangeListQuery,
  ExchangePackage,
  type ExchangeRound,
  type ExchangeStatistics,
  type FieldError,
  type TrustedKeyInput,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import {
  AppError,
  badRequest,
  conflict,
  insertOrConflict,
  isUniqueViolation,
  notFound,
} from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { checkDigest, checkSignature, fingerprintOf, type Refusal } from './exchange.package.ts';
import * as repo from './exchange.repository.ts';
import { committeeFor } from './exchange.service.ts';

const REPLAY_MESSAGE = '该报送包已导入过（报送包编号重复），不能重复导入';

/** What the refusal audit may say about a body that is not trusted: short identifying strings only. */
function claimed(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const signer = raw.signer as Record<string, unknown> | undefined;
  const fields: [string, unknown][] = [
    ['packageId', raw.packageId],
    ['digest', raw.digest],
    ['fingerprint', typeof signer === 'object' && signer !== null ? signer.fingerprint : undefined],
  ];
  for (const [key, value] of fields) if (typeof value === 'string') out[key] = value.slice(0, 100);
  return out;
}

async function refuse(ctx: RequestContext, committeeId: string, raw: Record<string, unknown>, refusal: Refusal) {
  await withTransaction(ctx.db, (tx) =>
    writeAudit(tx, ctx.actor, {
      action: 'exchange.import_refused',
      entity: 'exchange_import',
      entityId: null,
      after: { committeeId, reason: refusal.reason, message: refusal.message, ...claimed(raw) },
    }),
  );
}

type Verified =
  | { ok: false; refusal: Refusal; status: 400 | 422; details?: FieldError[] }
  | { ok: true; pkg: ExchangePackage; trustedKeyId: string };

/** The first problem of the package, in checking order; the trusted key it was verified with when none. */
async function verify(ctx: RequestContext, committeeId: string, raw: Record<string, unknown>): Promise<Verified> {
  const parsed = ExchangePackage.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const refusal: Refusal = { reason: 'format', message: '报送包格式不正确，不是有效的巡察数据报送包' };
    return { ok: false, refusal, status: 400, details };
  }
  const pkg = parsed.data;
  const digest = checkDigest(raw, pkg);
  if (digest) return { ok: false, refusal: digest, status: 422 };
  const trusted = await repo.trustedByFingerprint(ctx.db, committeeId, pkg.signer.fingerprint);
  if (!trusted)
    return {
      ok: false,
      refusal: { reason: 'untrusted', message: '签名人公钥未在本级登记为可信密钥：请线下核对指纹后先登记' },
      status: 422,
    };
  if (!trusted.active)
    return {
      ok: false,
      refusal: { reason: 'revoked', message: `签名人密钥（${trusted.source_committee_name}）已停用，不再接受其报送包` },
      status: 422,
    };
  const signature = checkSignature(raw, pkg, trusted.public_key);
  if (signature) return { ok: false, refusal: signature, status: 422 };
  return { ok: true, pkg, trustedKeyId: trusted.id };
}

export async function importPackage(
  ctx: RequestContext,
  committeeIdQuery: string | undefined,
  raw: Record<string, unknown>,
) {
  const committeeId = committeeFor(ctx.user, 'exchange.import', committeeIdQuery);
  const result = await verify(ctx, committeeId, raw);
  if (!result.ok) {
    await refuse(ctx, committeeId, raw, result.refusal);
    if (result.status === 400) throw badRequest(result.refusal.message, result.details);
    throw new AppError(422, 'import_invalid', result.refusal.message);
  }
  const { pkg, trustedKeyId } = result;
  try {
    const id = await withTransaction(ctx.db, async (tx) => {
      const row = await repo.insertImport(tx, {
        committee_id: committeeId,
        package_id: pkg.packageId,
        trusted_key_id: trustedKeyId,
        source_committee_name: pkg.source.committeeName,
        source_committee_level: pkg.source.committeeLevel,
        source_deployment_id: pkg.source.deploymentId,
        period_from: pkg.period.from,
        period_to: pkg.period.to,
        generated_at: pkg.generatedAt,
        digest: pkg.digest,
        fingerprint: pkg.signer.fingerprint,
        statistics: JSON.stringify(pkg.statistics),
        rounds: JSON.stringify(pkg.rounds),
        imported_by: ctx.user.id,
      });
      await writeAudit(tx, ctx.actor, {
        action: 'exchange.import',
        entity: 'exchange_import',
        entityId: row.id,
        after: { committeeId, packageId: pkg.packageId, digest: pkg.digest, fingerprint: pkg.signer.fingerprint },
      });
      return row.id;
    });
    return importDetail(ctx, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await refuse(ctx, committeeId, raw, { reason: 'replay', message: REPLAY_MESSAGE });
    throw conflict(REPLAY_MESSAGE);
  }
}

type ImportRecord = NonNullable<Awaited<ReturnType<typeof repo.importDetail>>>;

const presentImport = (row: Omit<ImportRecord, 'rounds' | 'committeeId'>): ExchangeImportRow => ({
  ...row,
  statistics: row.statistics as ExchangeStatistics,
});

export async function listImports(ctx: RequestContext, query: ExchangeListQuery) {
  const committeeId = committeeFor(ctx.user, 'exchange.import', query.committeeId);
  const { items, total } = await repo.importPage(ctx.db, committeeId, query);
  return pageResult(items.map(presentImport), total, query);
}

export async function importDetail(ctx: RequestContext, id: string): Promise<ExchangeImportDetail> {
  const row = await repo.importDetail(ctx.db, id);
  if (!row || !can(ctx.user, 'exchange.import', committeeRecord(row.committeeId))) throw notFound('导入记录不存在');
  const { rounds, committeeId: _committeeId, ...rest } = row;
  return { ...presentImport(rest), rounds: rounds as ExchangeRound[] };
}

export async function listTrustedKeys(ctx: RequestContext, query: ExchangeListQuery) {
  const committeeId = committeeFor(ctx.user, 'exchange.import', query.committeeId);
  const { items, total } = await repo.trustedKeyPage(ctx.db, committeeId, query);
  return pageResult(items, total, query);
}

export async function registerTrustedKey(ctx: RequestContext, input: TrustedKeyInput) {
  const committeeId = committeeFor(ctx.user, 'exchange.import', input.committeeId);
  const fingerprint = fingerprintOf(input.publicKey);
  const id = await insertOrConflict(
    () =>
      withTransaction(ctx.db, async (tx) => {
        const row = await repo.insertTrustedKey(tx, {
          committee_id: committeeId,
          public_key: input.publicKey,
          fingerprint,
          source_committee_name: input.sourceCommitteeName,
          note: input.note || null,
          registered_by: ctx.user.id,
        });
        await writeAudit(tx, ctx.actor, {
          action: 'exchange.trust_key',
          entity: 'exchange_trusted_key',
          entityId: row.id,
          after: { committeeId, fingerprint, sourceCommitteeName: input.sourceCommitteeName },
        });
        return row.id;
      }),
    '该公钥已登记为可信密钥',
  );
  return trustedKey(ctx, id);
}

async function trustedKey(ctx: RequestContext, id: string) {
  const row = await repo.trustedKey(ctx.db, id);
  if (!row || !can(ctx.user, 'exchange.import', committeeRecord(row.committeeId))) throw notFound('可信密钥不存在');
  const { committeeId: _committeeId, ...key } = row;
  return key;
}

/** Revoke = deactivate (never delete): packages it signed are refused from now on, past imports stay. */
export async function revokeTrustedKey(ctx: RequestContext, id: string) {
  await trustedKey(ctx, id);
  await withTransaction(ctx.db, async (tx) => {
    const result = await repo.revokeTrustedKey(tx, id, ctx.user.id, ctx.clock.now().toISOString());
    if (Number(result.numUpdatedRows) === 0) throw conflict('该密钥已停用');
    await writeAudit(tx, ctx.actor, {
      action: 'exchange.revoke_key',
      entity: 'exchange_trusted_key',
      entityId: id,
      before: { active: true },
      after: { active: false },
    });
  });
  return trustedKey(ctx, id);
}
