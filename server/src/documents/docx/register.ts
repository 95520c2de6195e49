// GET route that generates a 公文 from a record the user may see, sends it as .docx and audits it.
import { IdParams, type Permission } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { attachmentDisposition, DOCX_MIME } from '../download.ts';
import { buildOfficialDocument, type OfficialDocumentSpec } from './layout.ts';
import { plainTitle } from './parts.ts';

export interface DocumentOptions {
  /** With an `:id` parameter, e.g. `/api/inspections/:id/announcement.docx`. */
  path: string;
  permission: Permission;
  /** The download name, with extension. */
  fileName(ctx: RequestContext, id: string): string | Promise<string>;
  /**
   * Loads the record through its scoped repository (not visible → 404) and fills the layout.
   * `origin` is the site address the user downloads from, for links printed in the document.
   */
  build(ctx: RequestContext, id: string, request: { origin: string }): Promise<OfficialDocumentSpec>;
}

export function registerDocument(app: App, deps: AppDeps, options: DocumentOptions) {
  app.get(
    options.path,
    { config: { permission: options.permission }, schema: { params: IdParams } },
    async (req, reply) => {
      const ctx = contextOf(deps, req);
      const id = req.params.id;
      const spec = await options.build(ctx, id, { origin: `${req.protocol}://${req.host}` });
      const [content, fileName] = await Promise.all([buildOfficialDocument(spec), options.fileName(ctx, id)]);
      await withTransaction(ctx.db, (tx) =>
        writeAudit(tx, ctx.actor, {
          action: 'document.generate',
          entity: 'document',
          entityId: id,
          after: {
            path: req.routeOptions.url,
            title: plainTitle(spec.title),
            docNumber: spec.docNumber ?? null,
            fileName,
          },
        }),
      );
      return reply
        .header('Content-Type', DOCX_MIME)
        .header('Content-Disposition', attachmentDisposition(fileName))
        .header('Cache-Control', 'no-store')
        .send(content);
    },
  );
}
