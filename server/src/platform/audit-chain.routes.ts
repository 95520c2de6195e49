// GET /api/audit/verify: the auditor checks the audit log's SM3 hash chain (the same check as
// `npm run xuncha -- verify-audit`). The check itself is audited with its outcome and the head it saw,
// so a later check can tell whether entries were cut off the end.
import { AuditChainReport } from '@xuncha/contracts';
import { writeAudit } from './audit.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { withTransaction } from './db.ts';
import type { App } from './http/app.ts';
import { type AppDeps, contextOf } from './http/context.ts';

export function auditChainRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/audit/verify',
    { config: { permission: 'audit.read' }, schema: { response: { 200: AuditChainReport } } },
    async (req) => {
      const ctx = contextOf(deps, req);
      const report = await verifyAuditChain(ctx.db);
      const { ok, checked, broken, firstBreak, head } = report;
      await withTransaction(ctx.db, (tx) =>
        writeAudit(tx, ctx.actor, {
          action: 'audit.verify',
          entity: 'audit_entry',
          entityId: null,
          after: { ok, checked, broken, firstBreak: firstBreak && { id: firstBreak.id, kind: firstBreak.kind }, head },
        }),
      );
      return report;
    },
  );
}
