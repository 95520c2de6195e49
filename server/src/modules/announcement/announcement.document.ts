// GET /api/inspections/:id/announcement.docx: the 巡察公告 as a 公文 for printing and posting at the unit.
import { type InspectionType, inspectionType } from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { announcementDocument } from '../../documents/templates/announcement.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps, RequestContext } from '../../platform/http/context.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { committeeName } from './announcement.repository.ts';
import { getAnnouncement, publicPath } from './announcement.service.ts';

async function buildAnnouncement(ctx: RequestContext, id: string, origin: string) {
  const inspection = await loadInspection(ctx.db, ctx.user, id);
  const a = await getAnnouncement(ctx, id);
  const { periodStart, periodEnd, phone, mailbox, address, receptionHours } = a;
  if (a.missing.length || !periodStart || !periodEnd || !phone || !mailbox || !address || !receptionHours)
    throw conflict(`巡察公告尚未填写完整，请先填写${a.missing.join('、')}，再下载公告`);
  // a published 公告 is dated the day it went out; a draft is dated today
  const dated = a.publishedAt ? { now: () => new Date(a.publishedAt as string) } : ctx.clock;
  return announcementDocument({
    committeeName: await committeeName(ctx.db, inspection.committeeId),
    teamName: a.teamName,
    unitName: a.unitName,
    typeLabel: inspectionType.labels[inspection.type as InspectionType],
    periodStart,
    periodEnd,
    phone,
    mailbox,
    address,
    receptionHours,
    email: a.email,
    publicUrl: `${origin}${publicPath(id)}`,
    date: shanghaiToday(dated),
  });
}

export function announcementDocumentRoutes(app: App, deps: AppDeps) {
  registerDocument(app, deps, {
    path: '/api/inspections/:id/announcement.docx',
    permission: 'inspection.read',
    fileName: async (ctx, id) => `巡察公告_${(await getAnnouncement(ctx, id)).unitName}.docx`,
    build: (ctx, id, request) => buildAnnouncement(ctx, id, request.origin),
  });
}
