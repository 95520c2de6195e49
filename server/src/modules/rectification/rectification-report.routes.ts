// Multipart upload of the unit's reports (the same form reader as 佐证材料), the list, and the download.
import { IdParams, RectificationReport, RectificationReportList, ReportParams } from '@xuncha/contracts';
import { attachmentDisposition } from '../../documents/download.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { readEvidenceForm as readUploadForm } from '../task/evidence.routes.ts';
import { assertMayReport, listReports, openReportFile, submitReport } from './rectification-report.service.ts';

// the report text (≤ 20,000 characters, up to 3 bytes each in UTF-8) must fit in one multipart field
const REPORT_FIELD_BYTES = 64 * 1024;

export function rectificationReportRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/rectifications/:id/reports',
    {
      config: { permission: 'rectification_report.submit' },
      schema: { params: IdParams, response: { 200: RectificationReport } },
    },
    async (req) => {
      const ctx = contextOf(deps, req);
      await assertMayReport(ctx.db, ctx, req.params.id);
      const { fields, file } = await readUploadForm(req, deps.config.filesDir, REPORT_FIELD_BYTES);
      return submitReport(ctx, req.params.id, fields, file);
    },
  );
  app.get(
    '/api/rectifications/:id/reports',
    {
      config: { permission: 'rectification.read' },
      schema: { params: IdParams, response: { 200: RectificationReportList } },
    },
    (req) => listReports(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/rectifications/:id/reports/:rid/file',
    { config: { permission: 'rectification.read' }, schema: { params: ReportParams } },
    async (req, reply) => {
      const file = await openReportFile(contextOf(deps, req), req.params.id, req.params.rid);
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', file.size)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', attachmentDisposition(file.fileName))
        .send(file.stream);
    },
  );
}
