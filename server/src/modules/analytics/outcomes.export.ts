// 成果运用 drill-downs as .xlsx: the rows of /api/analytics/outcomes/evidence and /persons for the same query,
// streamed in batches and audited as analytics.export by registerExport.
import {
  evidenceKind,
  form,
  handoverKind,
  OutcomeEvidenceQuery,
  OutcomePersonQuery,
  taskStatusLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import type { EvidenceDrillRow, PersonDrillRow } from './outcomes.repository.ts';
import { evidenceDrillRows, personDrillRows } from './outcomes.service.ts';

const EVIDENCE_COLUMNS = [
  { header: '巡察轮次', key: 'roundName', width: 24 },
  { header: '被巡察单位', key: 'unitName', width: 24 },
  { header: '整改任务', key: 'taskTitle', width: 32 },
  { header: '任务状态', key: 'taskStatus', labels: taskStatusLabel },
  { header: '材料类别', key: 'kind', labels: evidenceKind.labels, width: 14 },
  { header: '材料说明', key: 'description', width: 32 },
  { header: '金额(元)', key: 'amount', type: 'money' as const, width: 14 },
  { header: '制度名称', key: 'institutionName', width: 28 },
  { header: '文号', key: 'institutionDocNo', width: 18 },
  { header: '印发日期', key: 'institutionDate', type: 'date' as const },
  { header: '处理人数', key: 'personsCount', type: 'number' as const },
  { header: '提交时间', key: 'at', width: 22 },
];

const PERSON_COLUMNS = [
  { header: '巡察轮次', key: 'roundName', width: 24 },
  { header: '被巡察单位', key: 'unitName', width: 24 },
  { header: '移交编号', key: 'handoverNo', width: 14 },
  { header: '移交类别', key: 'handoverKind', labels: handoverKind.labels, width: 14 },
  { header: '接收单位', key: 'recipientName', width: 20 },
  { header: '人员序号', key: 'seq', type: 'number' as const },
  { header: '处理形态', key: 'form', labels: form.labels, width: 14 },
  { header: '决定日期', key: 'decidedOn', type: 'date' as const },
];

const BATCH = 2000;

export function outcomesExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/analytics/outcomes/evidence/export',
    permission: 'analytics.read',
    entity: 'analytics',
    querystring: OutcomeEvidenceQuery,
    sheetName: '成果运用明细',
    fileName: '成果运用明细',
    columns: EVIDENCE_COLUMNS,
    rows: async function* (ctx, query) {
      const rows = await evidenceDrillRows(ctx, query);
      yield* exportBatches<EvidenceDrillRow>(({ offset, limit }) => rows.page({ offset, limit }), BATCH);
    },
  });
  registerExport(app, deps, {
    path: '/api/analytics/outcomes/persons/export',
    permission: 'analytics.read',
    entity: 'analytics',
    querystring: OutcomePersonQuery,
    sheetName: '处理人员明细',
    fileName: '处理人员明细',
    columns: PERSON_COLUMNS,
    rows: async function* (ctx, query) {
      const rows = await personDrillRows(ctx, query);
      for await (const row of exportBatches<PersonDrillRow>(
        ({ offset, limit }) => rows.page({ offset, limit }),
        BATCH,
      )) {
        yield { ...row, handoverNo: `${row.handoverYear}-${row.handoverSeq}` };
      }
    },
  });
}
