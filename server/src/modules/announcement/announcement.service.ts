// 巡察公告 use cases: read (with what is still missing), save the draft, publish once — before or during 进驻.
import {
  type Announcement,
  type AnnouncementSave,
  announcementRequired,
  type InspectionPhase,
  inspectionPhaseLabel,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import * as repo from './announcement.repository.ts';

type InspectionRow = Awaited<ReturnType<typeof loadInspection>>;
type Stored = NonNullable<Awaited<ReturnType<typeof repo.findAnnouncement>>>;

const EMPTY: Stored = {
  periodStart: null,
  periodEnd: null,
  phone: null,
  mailbox: null,
  address: null,
  email: null,
  receptionHours: null,
  publishedAt: null,
};

/** The announcement is published to the public before or while the team is on site (准备, 进驻, 了解). */
export function acceptsAnnouncement(phase: InspectionPhase): boolean {
  return phase === 'preparing' || phase === 'stationed' || phase === 'investigating';
}

export function publicPath(inspectionId: string): string {
  return `/public/inspections/${inspectionId}`;
}

function missingFields(stored: Stored): string[] {
  return Object.entries(announcementRequired)
    .filter(([key]) => !stored[key as keyof typeof announcementRequired])
    .map(([, label]) => label);
}

function present(inspection: InspectionRow, stored: Stored, user: SessionUser): Announcement {
  const missing = missingFields(stored);
  const update =
    !stored.publishedAt &&
    acceptsAnnouncement(inspection.phase as InspectionPhase) &&
    can(user, 'announcement.manage', inspectionScope(inspection));
  return {
    inspectionId: inspection.id,
    unitName: inspection.unitName,
    teamName: inspection.teamName,
    ...stored,
    publicPath: publicPath(inspection.id),
    missing,
    abilities: { update, publish: update && missing.length === 0 },
  };
}

async function load(db: Db, user: SessionUser, inspectionId: string) {
  const inspection = await loadInspection(db, user, inspectionId);
  return { inspection, stored: (await repo.findAnnouncement(db, inspectionId)) ?? EMPTY };
}

export async function getAnnouncement(ctx: RequestContext, inspectionId: string) {
  const { inspection, stored } = await load(ctx.db, ctx.user, inspectionId);
  return present(inspection, stored, ctx.user);
}

/** Loads for a change: in scope (404), permitted (403), not yet published and in an accepting phase (409). */
async function loadForChange(db: Db, user: SessionUser, inspectionId: string) {
  const loaded = await load(db, user, inspectionId);
  if (!can(user, 'announcement.manage', inspectionScope(loaded.inspection))) throw forbidden('无权维护巡察公告');
  if (loaded.stored.publishedAt) throw conflict('巡察公告已发布，不能再修改或重复发布');
  const phase = loaded.inspection.phase as InspectionPhase;
  if (!acceptsAnnouncement(phase))
    throw conflict(`巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，巡察公告只能在进驻前或进驻期间发布`);
  return loaded;
}

export async function saveAnnouncement(ctx: RequestContext, inspectionId: string, input: AnnouncementSave) {
  return withTransaction(ctx.db, async (tx) => {
    await loadForChange(tx, ctx.user, inspectionId);
    if (!(await repo.saveDraft(tx, inspectionId, input, ctx.user.id)))
      throw conflict('巡察公告已发布，不能再修改或重复发布');
    await writeAudit(tx, ctx.actor, {
      action: 'announcement.update',
      entity: 'announcement',
      entityId: inspectionId,
      after: input,
    });
    return getAnnouncement({ ...ctx, db: tx }, inspectionId);
  });
}

export async function publishAnnouncement(ctx: RequestContext, inspectionId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const { stored } = await loadForChange(tx, ctx.user, inspectionId);
    const missing = missingFields(stored);
    if (missing.length) throw conflict(`请先填写${missing.join('、')}，再发布巡察公告`);
    if (!(await repo.publish(tx, inspectionId, ctx.user.id))) throw conflict('巡察公告已发布，不能再修改或重复发布');
    await writeAudit(tx, ctx.actor, { action: 'announcement.publish', entity: 'announcement', entityId: inspectionId });
    return getAnnouncement({ ...ctx, db: tx }, inspectionId);
  });
}
