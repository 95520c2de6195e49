// Public routes (no login) under /api/public/: D's rate limit applies to the whole prefix. The filing is a
// multipart body (fields + up to three files under `files`), validated by the same zod contract as the rest.
import {
  PageQuery,
  PublicReportCreate,
  PublicReportReceipt,
  PublicReportStatusView,
  PublicReportTargetPage,
  ReceiptLookup,
} from '@xuncha/contracts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { badRequest } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import * as service from './public-channel.service.ts';
import { discardUploads, readFiling } from './public-report.files.ts';

export function publicChannelRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/public/report-targets',
    { config: { public: true }, schema: { querystring: PageQuery, response: { 200: PublicReportTargetPage } } },
    (req) => service.listTargets(deps, req.query),
  );
  app.post(
    '/api/public/reports',
    { config: { public: true }, schema: { response: { 200: PublicReportReceipt } } },
    async (req) => {
      const { fields, files } = await readFiling(
        req,
        deps.config.filesDir,
        keyringFor(deps.config),
        deps.config.uploadMaxBytes,
      );
      const parsed = PublicReportCreate.safeParse(fields);
      if (!parsed.success) {
        await discardUploads(deps.config.filesDir, files);
        const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw badRequest(`填写有误：${details.map((d) => d.message).join('；')}`, details);
      }
      return service.fileReport(deps, req.id, parsed.data, files);
    },
  );
  // POST, not GET: the code stays out of URLs, browser history and proxy logs
  app.post(
    '/api/public/reports/status',
    { config: { public: true }, schema: { body: ReceiptLookup, response: { 200: PublicReportStatusView } } },
    (req) => service.reportStatus(deps, req.body.code),
  );
}
