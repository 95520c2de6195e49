// 审计日志 (安全审计员, audit.read): filtered keyset pages, one entry with its before/after, and an .xlsx
// export (audited itself as audit.export). The chain verification route is the audit chain's own.
import { AuditEntry, AuditIdParams, AuditPage, AuditQuery } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import * as repo from './audit-log.repository.ts';

const EXPORT_COLUMNS = [
  { header: '编号', key: 'id', width: 10 },
  { header: '时间', key: 'at', width: 26 },
  { header: '操作人', key: 'actorName', width: 14 },
  { header: '操作', key: 'action', width: 26 },
  { header: '对象类型', key: 'entity', width: 18 },
  { header: '对象编号', key: 'entityId', width: 38 },
  { header: 'IP', key: 'ip', width: 16 },
];

export function auditLogRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/audit-log',
    { config: { permission: 'audit.read' }, schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => {
      const { after, limit, ...filter } = req.query;
      // one row more than the page tells whether there is a next page without counting 1M rows
      const rows = await repo.pageOfEntries(deps.db, filter, after, limit + 1);
      const items = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? (items[items.length - 1]?.id ?? null) : null;
      return { items, nextCursor, retentionMonths: deps.config.auditRetentionMonths };
    },
  );
  registerExport(app, deps, {
    path: '/api/audit-log/export',
    permission: 'audit.read',
    entity: 'audit',
    querystring: AuditQuery.omit({ after: true, limit: true }),
    sheetName: '审计日志',
    fileName: '审计日志',
    columns: EXPORT_COLUMNS,
    watermark: true,
    rows: (ctx, filter) =>
      exportBatches<repo.AuditRow>(({ after, limit }) => repo.pageOfEntries(ctx.db, filter, after?.id, limit), 2000),
  });
  app.get(
    '/api/audit-log/:id',
    { config: { permission: 'audit.read' }, schema: { params: AuditIdParams, response: { 200: AuditEntry } } },
    async (req) => {
      const entry = await repo.findEntry(deps.db, req.params.id);
      if (!entry) throw notFound('审计记录不存在');
      return entry;
    },
  );
}
