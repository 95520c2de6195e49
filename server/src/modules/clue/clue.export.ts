// 线索处置台账 (.xlsx): the same readable rows, filters and order as GET /api/clues, with the handover's
// recipient, status and disposition. No keyword filter: the infrastructure audits an export's filters,
// and a search word may be a person's name.
import {
  ClueExportQuery,
  clueCategory,
  clueSource,
  clueStatusLabel,
  dispositionShort,
  handoverStatusLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { clueCode, openContent } from './clue.present.ts';
import { readableRows } from './clue.repository.ts';

const CLUE_COLUMNS = [
  { header: '线索编号', key: 'code', width: 18 },
  { header: '被巡察单位', key: 'unitName', width: 24 },
  { header: '巡察轮次', key: 'roundName', width: 24 },
  { header: '被反映人', key: 'subjectName', width: 12 },
  { header: '职务', key: 'subjectPost', width: 24 },
  { header: '类别', key: 'category', labels: clueCategory.labels, width: 16 },
  { header: '来源', key: 'source', labels: clueSource.labels, width: 14 },
  { header: '收到日期', key: 'receivedOn', type: 'date' as const },
  { header: '线索状态', key: 'status', labels: clueStatusLabel },
  { header: '移交对象', key: 'recipientName', width: 18 },
  { header: '移交状态', key: 'handoverStatus', labels: handoverStatusLabel },
  { header: '处置方式', key: 'disposition', labels: dispositionShort },
  { header: '办结日期', key: 'concludedOn', type: 'date' as const },
];

export function registerClueExport(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/clues/export',
    watermark: true,
    // the ledger of 组长 and 巡察办主任; handlers export what was handed to them from the handover portal
    permission: 'clue.read',
    querystring: ClueExportQuery,
    sheetName: '线索处置台账',
    fileName: '线索处置台账',
    columns: CLUE_COLUMNS,
    rows: (ctx, filter) => {
      const keyring = keyringFor(ctx.config);
      return exportBatches(async ({ offset, limit }) => {
        const rows = await readableRows(ctx.db, ctx.user, filter, { offset, limit });
        return rows.map((row) => {
          const content = openContent(keyring, row);
          return {
            code: clueCode(row),
            unitName: row.unitName,
            roundName: row.roundName,
            subjectName: content.subjectName,
            subjectPost: content.subjectPost,
            category: row.category,
            source: row.source,
            receivedOn: row.receivedOn,
            status: row.status,
            recipientName: row.handoverRecipientName,
            handoverStatus: row.handoverStatus,
            disposition: row.handoverDisposition,
            concludedOn: row.handoverConcludedOn,
          };
        });
      }, 500);
    },
  });
}
