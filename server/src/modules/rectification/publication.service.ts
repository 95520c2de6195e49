// 开门整改: the office records what was published where (党内通报 / 向社会公开) and may withdraw it (kept,
// marked withdrawn). Anyone may read a round's public, not-withdrawn publications without logging in.
import type { Publication, PublicationChannel, PublicationInput, PublicRoundPublications } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './publication.repository.ts';
import { caseRecord } from './rectification.policy.ts';
import { placeOf } from './rectification.present.ts';
import { loadCase } from './rectification.service.ts';

async function loadForManage(db: Db, ctx: RequestContext, caseId: string) {
  const row = await loadCase(db, ctx, caseId);
  const mayManage = can(ctx.user, 'publication.manage', caseRecord(placeOf(row)));
  return { row, mayManage };
}

export async function listPublications(ctx: RequestContext, caseId: string): Promise<{ items: Publication[] }> {
  const { mayManage } = await loadForManage(ctx.db, ctx, caseId);
  const rows = await repo.publicationsOfCase(ctx.db, ctx.user, caseId);
  return {
    items: rows.map((p) => ({
      ...p,
      channel: p.channel as PublicationChannel,
      canWithdraw: mayManage && p.withdrawnAt === null,
    })),
  };
}

async function findPresented(ctx: RequestContext, caseId: string, id: string): Promise<Publication> {
  const found = (await listPublications(ctx, caseId)).items.find((p) => p.id === id);
  if (!found) throw notFound('公开记录不存在');
  return found;
}

export async function publish(ctx: RequestContext, caseId: string, input: PublicationInput): Promise<Publication> {
  const id = await withTransaction(ctx.db, async (tx) => {
    const { row, mayManage } = await loadForManage(tx, ctx, caseId);
    if (!mayManage) throw forbidden('无权公开该单位的整改情况');
    if (input.publishedOn > shanghaiToday(ctx.clock))
      throw badRequest('公开日期不能晚于今天', [{ path: 'publishedOn', message: '公开日期不能晚于今天' }]);
    const created = await repo.insertPublication(tx, {
      committeeId: row.committeeId,
      caseId,
      channel: input.channel,
      publishedOn: input.publishedOn,
      title: input.title,
      summary: input.summary,
      by: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'publication.create',
      entity: 'publication',
      entityId: created,
      after: { caseId, channel: input.channel, publishedOn: input.publishedOn, title: input.title },
    });
    return created;
  });
  return findPresented(ctx, caseId, id);
}

export async function withdraw(ctx: RequestContext, caseId: string, id: string): Promise<Publication> {
  await withTransaction(ctx.db, async (tx) => {
    const { mayManage } = await loadForManage(tx, ctx, caseId);
    if (!(await repo.existsInCase(tx, caseId, id))) throw notFound('公开记录不存在');
    if (!mayManage) throw forbidden('无权撤回该公开记录');
    if (!(await repo.markWithdrawn(tx, id, ctx.user.id, ctx.clock.now().toISOString())))
      throw conflict('该公开记录已撤回');
    await writeAudit(tx, ctx.actor, {
      action: 'publication.withdraw',
      entity: 'publication',
      entityId: id,
      after: { caseId },
    });
  });
  return findPresented(ctx, caseId, id);
}

/** The public page of a round: unknown round → 404; nothing but the published text. */
export async function publicRoundPublications(db: Db, clock: Clock, roundId: string): Promise<PublicRoundPublications> {
  const round = await repo.publicRound(db, roundId);
  if (!round) throw notFound('巡察轮次不存在');
  return { ...round, items: await repo.publicPublications(db, roundId, shanghaiToday(clock)) };
}
