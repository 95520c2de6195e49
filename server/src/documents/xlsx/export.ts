// `.xlsx` exports of list endpoints: the same filters and scope as the list, no paging, streamed
// row by row (a 100,000-row ledger never sits in memory) and audited once the last row is out.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { Permission } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { attachmentDisposition, datedFileName, XLSX_MIME } from '../download.ts';
import {
  cellValue,
  columnLetter,
  defaultWidth,
  numberFormat,
  safeSheetName,
  styleHeader,
  type XlsxColumn,
} from './columns.ts';
import { applyWatermark, exportWatermark, type Watermark } from './watermark.ts';

type ListQuerySchema = z.ZodObject<z.ZodRawShape>;
/** The list's query without its paging: an export always has every matching row. */
export type ExportQuery<S extends ListQuerySchema> = Omit<z.output<S>, 'page' | 'pageSize'>;
export type ExportRow = Record<string, unknown>;

export interface ExportOptions<S extends ListQuerySchema> {
  path: string;
  permission: Permission;
  /** The list endpoint's query schema; page and pageSize are accepted and ignored. */
  querystring: S;
  sheetName: string;
  /** Without date or extension: `整改台账` becomes `整改台账_20260615.xlsx`. */
  fileName: string;
  columns: XlsxColumn[];
  /** Audited as `<entity>.export`; defaults to the permission's resource (`task.read` → `task`). */
  entity?: string;
  /** Sensitive data: a banner row and print header/footer name the exporting user and time (watermark.ts). */
  watermark?: boolean;
  /** Exactly the rows the list would show this user, in list order. */
  rows(ctx: RequestContext, query: ExportQuery<S>): AsyncIterable<ExportRow>;
}

const ignoredPaging = z.unknown().optional();

export function registerExport<S extends ListQuerySchema>(app: App, deps: AppDeps, options: ExportOptions<S>) {
  const querystring = options.querystring.extend({ page: ignoredPaging, pageSize: ignoredPaging });
  const entity = options.entity ?? options.permission.split('.')[0] ?? 'export';
  app.get(
    options.path,
    { config: { permission: options.permission, rateLimitGroup: 'export' }, schema: { querystring, hide: false } },
    async (req, reply) => {
      const ctx = contextOf(deps, req);
      const { page: _page, pageSize: _pageSize, ...filters } = req.query as Record<string, unknown>;
      const rows = options.rows(ctx, filters as ExportQuery<S>)[Symbol.asyncIterator]();
      // Pull the first row before any header is sent, so a refused filter still answers 404/409 as JSON.
      const first = await rows.next();
      const body = new PassThrough();
      const watermark = options.watermark ? exportWatermark(ctx.user, ctx.clock) : undefined;
      void streamWorkbook(body, { ...options, watermark }, first, rows)
        .then((count) => auditExport(ctx, entity, filters, count))
        .then(
          () => body.end(),
          (error: unknown) => {
            req.log.error({ err: error }, 'xlsx export failed');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
      return reply
        .header('Content-Type', XLSX_MIME)
        .header('Content-Disposition', attachmentDisposition(datedFileName(options.fileName, 'xlsx', ctx.clock)))
        .header('Cache-Control', 'no-store')
        .send(body);
    },
  );
}

async function auditExport(ctx: RequestContext, entity: string, filters: unknown, count: number) {
  await withTransaction(ctx.db, (tx) =>
    writeAudit(tx, ctx.actor, {
      action: `${entity}.export`,
      entity,
      entityId: null,
      after: { filters, rows: count },
    }),
  );
}

/**
 * Writes the workbook into `out` without ending it (the caller ends it once the export is audited,
 * so a client never receives a complete file whose export went unrecorded). Returns the row count.
 */
export async function streamWorkbook(
  out: Writable,
  spec: { sheetName: string; columns: XlsxColumn[]; watermark?: Watermark | undefined },
  first: IteratorResult<ExportRow>,
  rest: AsyncIterator<ExportRow>,
): Promise<number> {
  const headerRow = spec.watermark ? 2 : 1;
  const zip = new PassThrough();
  zip.pipe(out, { end: false });
  const zipEnded = once(zip, 'end');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  const styles = columnStyles(spec.columns);
  sheet.columns = spec.columns.map((c, i) => ({
    // with a watermark the banner is row 1 (in the first column, merged across) and the headers row 2
    header: spec.watermark ? [i === 0 ? spec.watermark.banner : '', c.header] : c.header,
    key: c.key,
    width: defaultWidth(c),
    style: styles[i],
  }));
  styleHeader(sheet.getRow(headerRow), spec.columns.length);
  sheet.autoFilter = `A${headerRow}:${columnLetter(spec.columns.length)}${headerRow}`;
  if (spec.watermark) applyWatermark(sheet, spec.watermark, spec.columns.length);
  let count = 0;
  for (let next = first; !next.done; next = await rest.next()) {
    const row = next.value;
    const added = sheet.addRow(spec.columns.map((column) => cellValue(column, row[column.key])));
    shareColumnStyles(added, styles);
    added.commit();
    count += 1;
    // let the compressor and the socket catch up instead of buffering the whole file
    if (count % 1000 === 0 && zip.writableNeedDrain) await once(zip, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  await zipEnded;
  return count;
}

/** One style object per column, shared by every cell of that column. */
function columnStyles(columns: XlsxColumn[]): Partial<ExcelJS.Style>[] {
  return columns.map((c) => {
    const numFmt = numberFormat(c.type);
    return numFmt ? { numFmt } : {};
  });
}

/**
 * exceljs gives every new cell its own copy of the column style and then, per cell, serialises that
 * copy to XML to find its style id (half the export time at 100,000 rows). Its id cache is keyed by
 * object identity, so handing every cell of a column the same object makes that a lookup.
 */
function shareColumnStyles(row: ExcelJS.Row, styles: Partial<ExcelJS.Style>[]) {
  for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
}

export interface BatchRequest<T> {
  /** The last row of the previous batch (keyset paging), null for the first batch. */
  after: T | null;
  /** Rows already returned (offset paging, where no keyset exists). */
  offset: number;
  limit: number;
}

/**
 * Turns a page-fetch function into an async iterable of rows, one database round trip per batch.
 * The next batch is already being fetched while this one is written, so the database and the
 * spreadsheet writer work at the same time (two batches in memory at most).
 */
export async function* exportBatches<T>(
  fetchPage: (request: BatchRequest<T>) => Promise<T[]>,
  batchSize = 1000,
): AsyncGenerator<T> {
  let offset = 0;
  let pending = fetchPage({ after: null, offset, limit: batchSize });
  for (;;) {
    const batch = await pending;
    const more = batch.length === batchSize;
    offset += batch.length;
    if (more) {
      pending = fetchPage({ after: batch[batch.length - 1] ?? null, offset, limit: batchSize });
      // if the download is abandoned mid-way nobody awaits this batch: its failure must not crash the process
      pending.catch(() => {});
    }
    yield* batch;
    if (!more) return;
  }
}
