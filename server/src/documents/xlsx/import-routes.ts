// Upload routes for imports and their templates. An import is parsed and checked completely first,
// then applied in ONE transaction together with its audit entry: either every row lands or none.
import type { Permission } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, payloadTooLarge } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { attachmentDisposition, datedFileName, XLSX_MIME } from '../download.ts';
import { columnLetter, defaultWidth, numberFormat, safeSheetName } from './columns.ts';
import { IMPORT_MAX_BYTES, type ImportRow, type ImportSpec, parseImport } from './import.ts';

export interface ImportOptions {
  path: string;
  permission: Permission;
  spec: ImportSpec;
  /** Audited as `<entity>.import`; defaults to the permission's resource. */
  entity?: string;
  /** Writes the rows; may throw `importInvalid(…)` for rule errors (unknown parent, duplicate in the database). */
  apply(tx: Tx, ctx: RequestContext, rows: ImportRow[]): Promise<void>;
}

export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传 .xlsx 文件');
  const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw badRequest('请选择要导入的 .xlsx 文件（字段名为 file）', [{ path: 'file', message: '缺少文件' }]);
  }
  try {
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw payloadTooLarge('导入文件不能超过 10 MB，请分批导入');
    }
    throw error;
  }
}

export function registerImport(app: App, deps: AppDeps, options: ImportOptions) {
  const entity = options.entity ?? options.permission.split('.')[0] ?? 'import';
  app.post(options.path, { config: { permission: options.permission } }, async (req) => {
    const ctx = contextOf(deps, req);
    const upload = await readUpload(req);
    const { rows } = await parseImport(upload.content, options.spec);
    await withTransaction(ctx.db, async (tx) => {
      await options.apply(tx, ctx, rows);
      await writeAudit(tx, ctx.actor, {
        action: `${entity}.import`,
        entity,
        entityId: null,
        after: { fileName: upload.fileName, rows: rows.length },
      });
    });
    return { imported: rows.length };
  });
}

/** exceljs supports whole-range validations (`A2:A10001`) but does not declare them in its types. */
function rangeValidations(sheet: ExcelJS.Worksheet) {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** An empty sheet with the expected headers, dropdowns for option columns and formats for dates. */
export async function buildTemplate(spec: ImportSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  // Options live on a hidden sheet: an inline list is limited to 255 characters.
  const options = workbook.addWorksheet('选项', { state: 'veryHidden' });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: defaultWidth(c) }));
  sheet.getRow(1).font = { bold: true };
  let optionColumn = 0;
  spec.columns.forEach((column, index) => {
    const letter = columnLetter(index + 1);
    const range = `${letter}2:${letter}10001`;
    const format = numberFormat(column.type);
    if (format) sheet.getColumn(index + 1).numFmt = format;
    const choices = column.labels ? Object.keys(column.labels) : column.type === 'bool' ? ['是', '否'] : null;
    if (column.required) sheet.getCell(`${letter}1`).note = '必填';
    if (!choices) return;
    optionColumn += 1;
    const optionLetter = columnLetter(optionColumn);
    choices.forEach((choice, i) => {
      options.getCell(`${optionLetter}${i + 1}`).value = choice;
    });
    rangeValidations(sheet).add(range, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`'选项'!$${optionLetter}$1:$${optionLetter}$${choices.length}`],
      showErrorMessage: true,
      errorTitle: '无效选项',
      error: `请从下拉列表中选择“${column.header}”`,
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerTemplate(
  app: App,
  deps: AppDeps,
  options: { path: string; permission: Permission; spec: ImportSpec },
) {
  app.get(options.path, { config: { permission: options.permission } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const fileName = datedFileName(`${options.spec.sheetName}导入模板`, 'xlsx', ctx.clock);
    return reply
      .header('Content-Type', XLSX_MIME)
      .header('Content-Disposition', attachmentDisposition(fileName))
      .send(await buildTemplate(options.spec));
  });
}
