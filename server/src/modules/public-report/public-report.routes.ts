// The team's side of 群众举报/意见. Reading is `authenticated`: designated readers hold no permission by
// role, and readerWhere decides in SQL (a non-reader gets 403 for an inbox, 404 for a report). Acting needs
// public_report.reply (the team leader), designating readers public_report.grant.
import {
  Id,
  IdParams,
  PublicReportConvert,
  PublicReportDetail,
  PublicReportGrantCandidates,
  PublicReportGrantCreate,
  PublicReportGrantList,
  PublicReportGrantParams,
  PublicReportInboxList,
  PublicReportListQuery,
  PublicReportPage,
  PublicReportReply,
} from '@xuncha/contracts';
import { z } from 'zod';
import { attachmentDisposition } from '../../documents/download.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { registerPublicReportExport } from './public-report.export.ts';
import * as service from './public-report.service.ts';
import { convertReport } from './public-report-convert.service.ts';
import * as grants from './public-report-grant.service.ts';

const AttachmentParams = z.object({ id: Id, attachmentId: Id });
const readers = { authenticated: true } as const;
const actors = { permission: 'public_report.reply' } as const;
const granters = { permission: 'public_report.grant' } as const;

export function publicReportRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/public-report-inboxes',
    { config: readers, schema: { response: { 200: PublicReportInboxList } } },
    (req) => service.listInboxes(contextOf(deps, req)),
  );
  app.get(
    '/api/inspections/:id/public-reports',
    {
      config: readers,
      schema: { params: IdParams, querystring: PublicReportListQuery, response: { 200: PublicReportPage } },
    },
    (req) => service.listReports(contextOf(deps, req), req.params.id, req.query),
  );
  registerPublicReportExport(app, deps);
  app.get(
    '/api/public-reports/:id',
    { config: readers, schema: { params: IdParams, response: { 200: PublicReportDetail } } },
    (req) => service.getReport(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/public-reports/:id/attachments/:attachmentId',
    { config: readers, schema: { params: AttachmentParams } },
    async (req, reply) => {
      const file = await service.openReportAttachment(contextOf(deps, req), req.params.id, req.params.attachmentId);
      return reply
        .header('Content-Type', file.mime)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', attachmentDisposition(file.fileName))
        .send(file.bytes);
    },
  );
  app.post(
    '/api/public-reports/:id/reply',
    { config: actors, schema: { params: IdParams, body: PublicReportReply, response: { 200: PublicReportDetail } } },
    (req) => service.replyReport(contextOf(deps, req), req.params.id, req.body.text),
  );
  app.post(
    '/api/public-reports/:id/start',
    { config: actors, schema: { params: IdParams, response: { 200: PublicReportDetail } } },
    (req) => service.startReport(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/public-reports/:id/reopen',
    { config: actors, schema: { params: IdParams, response: { 200: PublicReportDetail } } },
    (req) => service.reopenReport(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/public-reports/:id/convert',
    { config: actors, schema: { params: IdParams, body: PublicReportConvert, response: { 200: PublicReportDetail } } },
    (req) => convertReport(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/inspections/:id/public-report-grants',
    { config: granters, schema: { params: IdParams, response: { 200: PublicReportGrantList } } },
    (req) => grants.listReaderGrants(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/inspections/:id/public-report-grant-candidates',
    { config: granters, schema: { params: IdParams, response: { 200: PublicReportGrantCandidates } } },
    (req) => grants.grantCandidates(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/inspections/:id/public-report-grants',
    {
      config: granters,
      schema: { params: IdParams, body: PublicReportGrantCreate, response: { 200: PublicReportGrantList } },
    },
    (req) => grants.grantReader(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/inspections/:id/public-report-grants/:grantId/revoke',
    { config: granters, schema: { params: PublicReportGrantParams, response: { 200: PublicReportGrantList } } },
    (req) => grants.revokeReader(contextOf(deps, req), req.params.id, req.params.grantId),
  );
}
