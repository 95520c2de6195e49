// Import templates: the sheet the import expects (headers, widths, formats, a dropdown for every option
// column, a date check for date columns) and a 填写说明 sheet telling what each column takes. Small
// files, so the in-memory Workbook is used: the streaming writer cannot write data validations.
import ExcelJS from 'exceljs';
import { columnLetter, DATE_FORMAT, defaultWidth, numberFormat, safeSheetName, styleHeader } from './columns.ts';
import type { ImportColumn, ImportSpec } from './import.ts';
import { IMPORT_MAX_BYTES } from './import.ts';

/** Rows of the template that carry the validations (Excel stores one range per column, not per cell). */
export const TEMPLATE_ROWS = 10_000;
export const INSTRUCTIONS_SHEET = '填写说明';
const OPTIONS_SHEET = '选项';

/** exceljs supports whole-range validations (`A2:A10001`) but does not declare them in its types. */
function rangeValidations(sheet: ExcelJS.Worksheet) {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function choicesOf(column: ImportColumn): string[] | null {
  if (column.labels) return Object.keys(column.labels);
  return column.type === 'bool' ? ['是', '否'] : null;
}

function formatOf(column: ImportColumn): string {
  const choices = choicesOf(column);
  if (choices) return `从下拉列表选择：${choices.join('、')}`;
  switch (column.type) {
    case 'date':
      return '日期，如 2026-06-30';
    case 'number':
      return '数字';
    case 'money':
      return '金额，最多两位小数';
    default:
      return column.maxLength ? `文字，不超过 ${column.maxLength} 个字` : '文字';
  }
}

function addInstructions(workbook: ExcelJS.Workbook, spec: ImportSpec) {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '列', key: 'header', width: 24 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'format', width: 60 },
  ];
  styleHeader(sheet.getRow(1), 3);
  for (const column of spec.columns) {
    sheet.addRow({ header: column.header, required: column.required ? '必填' : '选填', format: formatOf(column) });
  }
  const unique = spec.uniqueKey?.map((k) => spec.columns.find((c) => c.key === k)?.header ?? k).join('、');
  const rules = [
    `数据请填在“${spec.sheetName}”工作表，不要修改第 1 行表头和工作表名称。`,
    '导入时逐行检查全部数据：任何一处有误，整份文件都不会导入，并列出每处错误所在的行和列。',
    '单元格请填写数值，不要使用公式（含公式的单元格会被拒绝）；以 = + - @ 开头的文字按文字保存。',
    `文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB；数据较多时请分批导入。`,
    ...(unique ? [`同一文件中“${unique}”不能重复。`] : []),
  ];
  sheet.addRow([]);
  for (const rule of rules) sheet.addRow([rule]);
}

/** An empty sheet with the expected headers, dropdowns for option columns and formats for dates. */
export async function buildTemplate(spec: ImportSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  addInstructions(workbook, spec);
  // Options live on a hidden sheet: an inline list is limited to 255 characters.
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'veryHidden' });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: defaultWidth(c) }));
  styleHeader(sheet.getRow(1), spec.columns.length);
  let optionColumn = 0;
  spec.columns.forEach((column, index) => {
    const letter = columnLetter(index + 1);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const format = numberFormat(column.type);
    if (format) sheet.getColumn(index + 1).numFmt = format;
    if (column.required) sheet.getCell(`${letter}1`).note = '必填';
    if (column.type === 'date') {
      rangeValidations(sheet).add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: !column.required,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorTitle: '日期无效',
        error: `“${column.header}”请填写日期，格式 ${DATE_FORMAT.toUpperCase()}`,
      });
    }
    const choices = choicesOf(column);
    if (!choices) return;
    optionColumn += 1;
    const optionLetter = columnLetter(optionColumn);
    choices.forEach((choice, i) => {
      options.getCell(`${optionLetter}${i + 1}`).value = choice;
    });
    rangeValidations(sheet).add(range, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`'${OPTIONS_SHEET}'!$${optionLetter}$1:$${optionLetter}$${choices.length}`],
      showErrorMessage: true,
      errorTitle: '无效选项',
      error: `请从下拉列表中选择“${column.header}”`,
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
