// Use cases of 问题线索: register (sealed), list and search (readers only), read (audited), count (numbers
// for everyone on the team and in the office), and the team's own steps 初步核实 / 留存 / 重新核实.
// Every audit entry holds ids, codes and statuses only — never a name, an allegation or a search word.
import {
  type ClueCounts,
  type ClueCreate,
  type ClueHistoryEntry,
  type ClueListQuery,
  type ClueStatus,
  clueCategory,
  clueEventLabel,
  clueStatusLabel,
  type InspectionPhase,
  inspectionPhaseLabel,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { sealJson } from '../../platform/crypto/sealed.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { lockInspection } from '../finding/finding.repository.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import type { ClueContent, WhistleblowerIdentity } from './clue.content.ts';
import { acceptsClues, clueScope } from './clue.policy.ts';
import { openContent, presentClue, presentListItem } from './clue.present.ts';
import * as repo from './clue.repository.ts';
import { CLUE_STATUSES_HANDED_OVER, nextClueStatus } from './clue.status.ts';
import { moveClue } from './clue.transition.ts';

/** Deliberately says nothing about the clue: not its code, status or inspection. */
export const NOT_GRANTED = '无权查看该线索内容（须经授权）';

/**
 * Readable (content) → the row; countable only → 403 with a message that carries nothing of the clue;
 * otherwise (another committee, another team, the inspected unit) → 404, as if it did not exist.
 */
export async function loadReadable(db: Db, user: SessionUser, id: string): Promise<repo.ClueRow> {
  const row = await repo.findReadable(db, user, id);
  if (row) return row;
  if (await repo.isCountable(db, user, id)) throw forbidden(NOT_GRANTED);
  throw notFound('问题线索不存在');
}

export async function createClue(ctx: RequestContext, inspectionId: string, input: ClueCreate) {
  if (input.receivedOn > shanghaiToday(ctx.clock))
    throw badRequest('收到日期不能晚于今天', [{ path: 'receivedOn', message: '收到日期不能晚于今天' }]);
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'clue.create', inspectionScope(inspection))) throw forbidden('无权为该巡察登记问题线索');
    const phase = (await lockInspection(tx, inspectionId)) as InspectionPhase;
    if (!acceptsClues(phase))
      throw conflict(`巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，只有进驻、了解情况和报告阶段可以登记问题线索`);
    if (input.sourceRecordId && !(await repo.isRecordOfInspection(tx, input.sourceRecordId, inspectionId)))
      throw badRequest('线索来源记录应为本次巡察的了解情况记录', [
        { path: 'sourceRecordId', message: '线索来源记录应为本次巡察的了解情况记录' },
      ]);
    const keyring = keyringFor(ctx.config);
    const content: ClueContent = {
      subjectName: input.subjectName,
      subjectPost: input.subjectPost,
      allegation: input.allegation,
      evidence: input.evidence || null,
    };
    const whistleblower: WhistleblowerIdentity | null = input.whistleblower
      ? {
          name: input.whistleblower.name,
          contact: input.whistleblower.contact || null,
          note: input.whistleblower.note || null,
        }
      : null;
    const created = await repo.insertClue(tx, {
      committeeId: inspection.committeeId,
      inspectionId,
      unitId: inspection.unitId,
      category: input.category,
      source: input.source,
      receivedOn: input.receivedOn,
      sourceRecordId: input.sourceRecordId ?? null,
      contentSealed: sealJson(keyring, content),
      whistleblowerSealed: whistleblower ? sealJson(keyring, whistleblower) : null,
      registeredBy: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'clue.create',
      entity: 'clue',
      entityId: created.id,
      after: {
        inspectionId,
        seq: created.seq,
        category: input.category,
        source: input.source,
        receivedOn: input.receivedOn,
        sourceRecordId: input.sourceRecordId ?? null,
        hasWhistleblower: whistleblower !== null,
      },
    });
    // clue.create is only given with clue.read (组长): the registrar reads what was registered
    const row = await loadReadable(tx, ctx.user, created.id);
    return presentClue(row, content, ctx.user);
  });
}

/**
 * A keyword search opens the content of every readable row that passes the other filters, so it is
 * bounded: a committee's readable set is small (tens a round), and past this many the user is asked
 * to narrow the list first instead of having the server open thousands of clues.
 */
export const SEARCH_LIMIT = 2000;

async function searchReadable(db: Db, ctx: RequestContext, filter: repo.ClueFilter, q: string) {
  const rows = await repo.readableRows(db, ctx.user, filter, { limit: SEARCH_LIMIT + 1, offset: 0 });
  if (rows.length > SEARCH_LIMIT)
    throw badRequest(`可检索的线索超过 ${SEARCH_LIMIT} 件，请先按巡察、轮次、状态或类别缩小范围再检索`, [
      { path: 'q', message: '请先缩小范围再检索' },
    ]);
  const keyring = keyringFor(ctx.config);
  const needle = q.toLowerCase();
  return rows
    .map((row) => ({ row, content: openContent(keyring, row) }))
    .filter(
      ({ content }) =>
        content.subjectName.toLowerCase().includes(needle) || content.allegation.toLowerCase().includes(needle),
    );
}

/** 线索处置台账 and the inspection's list: readable rows only; the reading is audited by ids. */
export async function listClues(ctx: RequestContext, query: ClueListQuery) {
  const { page, pageSize, q, ...filter } = query;
  return withTransaction(ctx.db, async (tx) => {
    let opened: { row: repo.ClueRow; content: ClueContent }[];
    let total: number;
    if (q) {
      const found = await searchReadable(tx, ctx, filter, q);
      total = found.length;
      opened = found.slice((page - 1) * pageSize, page * pageSize);
    } else {
      const listed = await repo.listReadable(tx, ctx.user, filter, { page, pageSize });
      const keyring = keyringFor(ctx.config);
      total = listed.total;
      opened = listed.items.map((row) => ({ row, content: openContent(keyring, row) }));
    }
    const items = opened.map(({ row, content }) => presentListItem(row, content, ctx.user));
    if (items.length)
      await writeAudit(tx, ctx.actor, {
        action: 'clue.read_list',
        entity: 'clue',
        entityId: null,
        after: { ids: items.map((i) => i.id), searched: q !== undefined },
      });
    return pageResult(items, total, query);
  });
}

export async function listInspectionClues(ctx: RequestContext, inspectionId: string, query: ClueListQuery) {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  return listClues(ctx, { ...query, inspectionId });
}

export async function getClue(ctx: RequestContext, id: string) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadReadable(tx, ctx.user, id);
    const clue = presentClue(row, openContent(keyringFor(ctx.config), row), ctx.user);
    await writeAudit(tx, ctx.actor, { action: 'clue.read_content', entity: 'clue', entityId: id });
    return clue;
  });
}

export async function clueCounts(ctx: RequestContext, inspectionId: string): Promise<ClueCounts> {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  const rows = await repo.countsByStatusAndCategory(ctx.db, ctx.user, inspectionId);
  const counts: ClueCounts = {
    total: 0,
    handedOver: 0,
    byStatus: Object.fromEntries(Object.keys(clueStatusLabel).map((s) => [s, 0])) as ClueCounts['byStatus'],
    byCategory: Object.fromEntries(clueCategory.codes.map((c) => [c, 0])) as ClueCounts['byCategory'],
  };
  for (const row of rows) {
    const status = row.status as ClueStatus;
    counts.total += row.n;
    counts.byStatus[status] += row.n;
    counts.byCategory[row.category as keyof ClueCounts['byCategory']] += row.n;
    if (CLUE_STATUSES_HANDED_OVER.has(status)) counts.handedOver += row.n;
  }
  return counts;
}

/** The registration (read from the clue row), then every status change recorded in clue_event. */
export async function clueHistory(ctx: RequestContext, id: string): Promise<{ items: ClueHistoryEntry[] }> {
  const clue = await loadReadable(ctx.db, ctx.user, id);
  const rows = await repo.history(ctx.db, id);
  const registration: ClueHistoryEntry = {
    event: 'register',
    fromStatus: null,
    toStatus: 'registered',
    actorName: clue.registeredByName,
    reason: null,
    at: clue.createdAt,
  };
  const changes = rows.map((r) => ({
    ...r,
    event: r.event as ClueHistoryEntry['event'],
    fromStatus: r.fromStatus as ClueStatus | null,
    toStatus: r.toStatus as ClueStatus,
  }));
  return { items: [registration, ...changes] };
}

type TeamEvent = 'verify' | 'shelve' | 'reopen';

/** 初步核实 / 留存备查 / 重新核实: the team's own steps (handover events are the handover module's). */
export async function teamStep(ctx: RequestContext, id: string, event: TeamEvent, reason: string) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadReadable(tx, ctx.user, id);
    if (!can(ctx.user, 'clue.update', clueScope(row))) throw forbidden('无权处理该问题线索');
    const from = row.status as ClueStatus;
    if (!nextClueStatus(from, event))
      throw conflict(`问题线索当前状态为“${clueStatusLabel[from]}”，不能${clueEventLabel[event]}`);
    const moved = await moveClue(tx, { clueId: id, event, actorId: ctx.user.id, reason });
    // the reason stays in clue_event (readers only): it may mention the people concerned
    await writeAudit(tx, ctx.actor, {
      action: `clue.${event}`,
      entity: 'clue',
      entityId: id,
      before: moved.from,
      after: moved.to,
    });
    const updated = await loadReadable(tx, ctx.user, id);
    return presentClue(updated, openContent(keyringFor(ctx.config), updated), ctx.user);
  });
}
