// Routes of the 三张清单: the ledger, edits of tasks (one or many), and its .xlsx export/template/import.
import {
  IdParams,
  LedgerExportQuery,
  LedgerImportResult,
  LedgerPage,
  LedgerQuery,
  LedgerRowsInput,
  TaskBulkResult,
  TaskBulkUpdate,
  TaskDetail,
  TaskUpdate,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import { parseImport } from '../../documents/xlsx/import.ts';
import { readUpload, registerTemplate } from '../../documents/xlsx/import-routes.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { bulkUpdateTasks, updateTask } from './task-edit.service.ts';
import { importLedger } from './task-lists.import.ts';
import { pasteLedgerRows } from './task-lists.rows.ts';
import { ledgerExportRows, listLedger } from './task-lists.service.ts';
import { LEDGER_EXPORT_COLUMNS, LEDGER_IMPORT_SPEC, LEDGER_SHEET } from './task-lists.spec.ts';

export function taskEditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/inspections/:id/lists',
    {
      config: { permission: 'task.read' },
      schema: { params: IdParams, querystring: LedgerQuery, response: { 200: LedgerPage } },
    },
    (req) => listLedger(contextOf(deps, req), req.params.id, req.query),
  );
  app.patch(
    '/api/tasks/bulk',
    { config: { permission: 'task.update' }, schema: { body: TaskBulkUpdate, response: { 200: TaskBulkResult } } },
    (req) => bulkUpdateTasks(contextOf(deps, req), req.body),
  );
  app.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'task.update' },
      schema: { params: IdParams, body: TaskUpdate, response: { 200: TaskDetail } },
    },
    (req) => updateTask(contextOf(deps, req), req.params.id, req.body),
  );
  // one inspection's lists, or (no inspectionId) every list the user may see: the office's committee-wide view
  registerExport(app, deps, {
    path: '/api/task-lists/export',
    permission: 'task.read',
    querystring: LedgerExportQuery,
    sheetName: LEDGER_SHEET,
    fileName: LEDGER_SHEET,
    entity: 'task_lists',
    columns: LEDGER_EXPORT_COLUMNS,
    rows: (ctx, query) => ledgerExportRows(ctx, query),
  });
  registerTemplate(app, deps, {
    path: '/api/task-lists/import-template',
    permission: 'task.update',
    spec: LEDGER_IMPORT_SPEC,
  });
  app.post(
    '/api/inspections/:id/lists/import',
    { config: { permission: 'task.update' }, schema: { params: IdParams, response: { 200: LedgerImportResult } } },
    async (req) => {
      const ctx = contextOf(deps, req);
      const upload = await readUpload(req);
      const { rows } = await parseImport(upload.content, LEDGER_IMPORT_SPEC);
      return withTransaction(ctx.db, async (tx) => {
        const result = { ...(await importLedger(tx, ctx, req.params.id, rows)), imported: rows.length };
        await writeAudit(tx, ctx.actor, {
          action: 'task_lists.import',
          entity: 'inspection',
          entityId: req.params.id,
          after: { fileName: upload.fileName, rows: rows.length, ...result },
        });
        return result;
      });
    },
  );
  // 粘贴导入: rows pasted into the grid, the same checks as the file; `dryRun` for the preview
  app.post(
    '/api/inspections/:id/lists/rows',
    {
      config: { permission: 'task.update' },
      schema: { params: IdParams, body: LedgerRowsInput, response: { 200: LedgerImportResult } },
    },
    (req) => pasteLedgerRows(contextOf(deps, req), req.params.id, req.body),
  );
}
