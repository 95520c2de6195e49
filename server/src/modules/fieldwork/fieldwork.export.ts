// 了解情况台账 export: the list's rows for one inspection, as that user's list shows them — sensitive notes
// are never in it (the list has none), and a petitioner never is (kept out of `details`).
import { describeFieldworkDetails, FieldworkExportQuery, type FieldworkKind, fieldworkKind } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { exportBatch } from './fieldwork.repository.ts';

const SEALED_NOTE = '（敏感内容，不导出）';

const FIELDWORK_COLUMNS = [
  { header: '序号', key: 'seq', type: 'number' as const, width: 8 },
  { header: '方式', key: 'kind', labels: fieldworkKind.labels, width: 14 },
  { header: '标题', key: 'title', width: 36 },
  { header: '日期', key: 'occurredOn', type: 'date' as const },
  { header: '时间', key: 'startTime', width: 8 },
  { header: '地点', key: 'place', width: 20 },
  { header: '敏感', key: 'sensitive', type: 'bool' as const, width: 8 },
  { header: '要点', key: 'digest', width: 40 },
  { header: '情况摘要', key: 'summary', width: 60 },
  { header: '附件数', key: 'attachmentCount', type: 'number' as const, width: 8 },
  { header: '登记人', key: 'createdByName' },
];

export function fieldworkExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/fieldwork/export',
    watermark: true,
    permission: 'fieldwork.read',
    querystring: FieldworkExportQuery,
    sheetName: '了解情况',
    fileName: '了解情况台账',
    columns: FIELDWORK_COLUMNS,
    async *rows(ctx, { inspectionId, ...filter }) {
      await loadInspection(ctx.db, ctx.user, inspectionId); // out of scope → 404 before any byte is sent
      const batches = exportBatches((batch: { offset: number; limit: number }) =>
        exportBatch(ctx.db, ctx.user, inspectionId, filter, batch),
      );
      for await (const row of batches) {
        yield {
          ...row,
          digest: describeFieldworkDetails(row.kind as FieldworkKind, row.details as Record<string, unknown>),
          summary: row.sensitive ? SEALED_NOTE : row.summary,
        };
      }
    },
  });
}
