// The inbox as .xlsx: the same readable rows, filters and order as the list — metadata only (number, kind,
// status, dates, counts); never the text, the contact or the reply.
import { Id, PublicReportExportQuery, publicReportKind, publicReportStatusLabel } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { readableRows } from './public-report.repository.ts';
import { assertInboxReader } from './public-report.service.ts';

const CONVERTED_LABEL = { petition: '来信来访记录', clue: '问题线索' };

const COLUMNS = [
  { header: '编号', key: 'seq', width: 8 },
  { header: '类型', key: 'kind', labels: publicReportKind.labels },
  { header: '状态', key: 'status', labels: publicReportStatusLabel },
  { header: '提交时间', key: 'filedAt', width: 20 },
  { header: '最近办理', key: 'updatedAt', width: 20 },
  { header: '实名/匿名', key: 'identity' },
  { header: '附件数', key: 'attachmentCount' },
  { header: '答复时间', key: 'repliedAt', width: 20 },
  { header: '转办去向', key: 'convertedTo', labels: CONVERTED_LABEL, width: 14 },
];

const localTime = (iso: string | null) =>
  iso === null ? null : new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function registerPublicReportExport(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/public-reports/export',
    permission: 'public_report.read',
    querystring: PublicReportExportQuery.extend({ inspectionId: Id }),
    sheetName: '群众举报意见登记表',
    fileName: '群众举报意见登记表',
    columns: COLUMNS,
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        if (offset === 0) await assertInboxReader(ctx.db, ctx.user, filter.inspectionId);
        const rows = await readableRows(ctx.db, ctx.user, filter, { offset, limit });
        return rows.map((r) => ({
          seq: r.seq,
          kind: r.kind,
          status: r.status,
          filedAt: localTime(r.filedAt),
          updatedAt: localTime(r.updatedAt),
          identity: r.anonymous ? '匿名' : '实名',
          attachmentCount: r.attachmentCount,
          repliedAt: localTime(r.repliedAt),
          convertedTo: r.convertedTo,
        }));
      }, 500),
  });
}
