// 了解情况: register, correct, list and read records of one inspection. Lists and counts never open
// sealed text; the detail opens it for readers with fieldwork.read_sensitive and audits each opening.
import {
  type FieldworkCounts,
  type FieldworkCreate,
  type FieldworkDetail,
  type FieldworkKind,
  type FieldworkListQuery,
  type FieldworkSummary,
  type FieldworkUpdate,
  fieldworkKind,
  type InspectionPhase,
  SENSITIVE_BY_DEFAULT,
} from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { lockInspection } from '../finding/finding.repository.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { openPetitioner, openSummary, storeDetails, storeSummary } from './fieldwork.content.ts';
import {
  creatableKinds,
  decideChange,
  decideCreate,
  enforce,
  type FieldworkPlace,
  fieldworkAbilities,
  mayOpenSealed,
  mayReadContent,
} from './fieldwork.policy.ts';
import * as repo from './fieldwork.repository.ts';

type Row = repo.FieldworkRow;

export function fieldworkPlace(row: Row): FieldworkPlace {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.inspectionId,
    ownerUserId: null,
    visibleToUnit: row.kind === 'self_check',
    phase: row.phase as InspectionPhase,
    kind: row.kind as FieldworkKind,
    sensitive: row.sensitive,
    createdBy: row.createdBy,
  };
}

export function presentSummary(row: Row, user: SessionUser): FieldworkSummary {
  return {
    id: row.id,
    seq: row.seq,
    inspectionId: row.inspectionId,
    kind: row.kind as FieldworkKind,
    title: row.title,
    occurredOn: row.occurredOn,
    startTime: row.startTime,
    place: row.place,
    sensitive: row.sensitive,
    summary: row.sensitive ? null : row.summary,
    details: row.details as Record<string, unknown>,
    attachmentCount: row.attachmentCount,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    abilities: fieldworkAbilities(user, fieldworkPlace(row)),
  };
}

export async function loadRecord(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = await repo.findRecord(db, user, id);
  if (!row) throw notFound('了解情况记录不存在');
  return row;
}

export async function listFieldwork(ctx: RequestContext, inspectionId: string, query: FieldworkListQuery) {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  const { items, total } = await repo.listRecords(ctx.db, ctx.user, inspectionId, query);
  return pageResult(
    items.map((row) => presentSummary(row, ctx.user)),
    total,
    query,
  );
}

export async function countFieldwork(ctx: RequestContext, inspectionId: string): Promise<FieldworkCounts> {
  const inspection = await loadInspection(ctx.db, ctx.user, inspectionId);
  const rows = await repo.countByKind(ctx.db, ctx.user, inspectionId);
  const byKind = Object.fromEntries(fieldworkKind.codes.map((k) => [k, 0])) as Record<FieldworkKind, number>;
  for (const row of rows) byKind[row.kind as FieldworkKind] = Number(row.n);
  return {
    total: rows.reduce((n, r) => n + Number(r.n), 0),
    sensitive: rows.reduce((n, r) => n + Number(r.sensitive), 0),
    byKind,
    creatableKinds: creatableKinds(ctx.user, inspectionScope(inspection)),
  };
}

/** The detail, with the notes and the petitioner opened for permitted readers; every opening is audited. */
export async function getFieldwork(ctx: RequestContext, id: string): Promise<FieldworkDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadRecord(tx, ctx.user, id);
    const place = fieldworkPlace(row);
    if (!mayReadContent(ctx.user, place)) throw forbidden('无权查看该记录内容');
    const sealed = await repo.sealedContent(tx, id);
    // the petitioner of a record whose notes are not sensitive is still protected (保护群众)
    const opensIdentity = sealed.identitySealed !== null && mayOpenSealed(ctx.user, place);
    const keyring = keyringFor(ctx.config);
    if (row.sensitive || opensIdentity) {
      await writeAudit(tx, ctx.actor, { action: 'fieldwork.read_content', entity: 'fieldwork_record', entityId: id });
    }
    return {
      ...presentSummary(row, ctx.user),
      summary: openSummary(keyring, { summary: row.summary, summarySealed: sealed.summarySealed }),
      petitioner: opensIdentity && sealed.identitySealed ? openPetitioner(keyring, sealed.identitySealed) : null,
      attachments: await repo.attachmentsOf(tx, id),
    };
  });
}

function checkDate(ctx: RequestContext, occurredOn: string | undefined) {
  if (occurredOn && occurredOn > shanghaiToday(ctx.clock)) {
    throw badRequest('发生日期不能晚于今天', [{ path: 'occurredOn', message: '发生日期不能晚于今天' }]);
  }
}

function checkUnitSensitivity(channel: 'team' | 'unit', sensitive: boolean) {
  // the unit's own self-check is not kept from the unit; it holds no fieldwork.read_sensitive
  if (channel === 'unit' && sensitive) {
    throw badRequest('问题对照自查由被巡察单位报送，不能标记为敏感', [
      { path: 'sensitive', message: '不能标记为敏感' },
    ]);
  }
}

export async function createFieldwork(ctx: RequestContext, inspectionId: string, input: FieldworkCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    // Locked after the scope check, so the phase we check and the seq we take cannot change under us.
    const phase = (await lockInspection(tx, inspectionId)) as InspectionPhase;
    const decision = decideCreate(ctx.user, { ...inspectionScope(inspection), phase }, input.kind);
    enforce(decision);
    checkDate(ctx, input.occurredOn);
    const sensitive = input.sensitive ?? SENSITIVE_BY_DEFAULT.has(input.kind);
    checkUnitSensitivity(decision.channel, sensitive);
    const keyring = keyringFor(ctx.config);
    const id = await repo.insertRecord(tx, {
      committeeId: inspection.committeeId,
      inspectionId,
      unitId: inspection.unitId,
      kind: input.kind,
      createdBy: ctx.user.id,
      title: input.title,
      occurredOn: input.occurredOn,
      startTime: input.startTime ?? null,
      place: input.place ?? null,
      sensitive,
      ...storeSummary(keyring, input.summary, sensitive),
      ...storeDetails(keyring, input.kind, input.details),
    });
    await writeAudit(tx, ctx.actor, {
      action: 'fieldwork.create',
      entity: 'fieldwork_record',
      entityId: id,
      after: { inspectionId, kind: input.kind, sensitive },
    });
    return presentSummary(await loadRecord(tx, ctx.user, id), ctx.user);
  });
}

export async function updateFieldwork(ctx: RequestContext, id: string, input: FieldworkUpdate) {
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockRecord(tx, id);
    const row = await loadRecord(tx, ctx.user, id);
    const decision = decideChange(ctx.user, fieldworkPlace(row));
    enforce(decision);
    if (input.kind !== row.kind) {
      throw badRequest('不能更改了解方式，请另行登记', [{ path: 'kind', message: '不能更改了解方式' }]);
    }
    checkDate(ctx, input.occurredOn);
    const sensitive = input.sensitive ?? row.sensitive;
    checkUnitSensitivity(decision.channel, sensitive);
    const keyring = keyringFor(ctx.config);
    const sealed = await repo.sealedContent(tx, id);
    const summary =
      input.summary ?? openSummary(keyring, { summary: row.summary, summarySealed: sealed.summarySealed });
    const details = input.details
      ? storeDetails(keyring, row.kind as FieldworkKind, input.details)
      : { details: JSON.stringify(row.details), identitySealed: sealed.identitySealed };
    await repo.updateRecord(tx, id, {
      title: input.title ?? row.title,
      occurredOn: input.occurredOn ?? row.occurredOn,
      startTime: input.startTime === undefined ? row.startTime : input.startTime,
      place: input.place === undefined ? row.place : input.place,
      sensitive,
      ...storeSummary(keyring, summary, sensitive),
      ...details,
      at: ctx.clock.now().toISOString(),
    });
    const changed = Object.keys(input).filter((k) => k !== 'kind');
    await writeAudit(tx, ctx.actor, {
      action: 'fieldwork.update',
      entity: 'fieldwork_record',
      entityId: id,
      before: { sensitive: row.sensitive },
      after: { sensitive, changed },
    });
    return presentSummary(await loadRecord(tx, ctx.user, id), ctx.user);
  });
}
