// 粘贴导入: rows pasted from Excel into the 三张清单 grid become new tasks through the .xlsx import's own
// checks — each cell read by the import's cell rules, then every row planned against the database — so a
// pasted row and a file row are refused for the same reasons, in the same words. All or nothing.
import type { FieldError, LedgerImportResult, LedgerPastedRow } from '@xuncha/contracts';
import { type ImportColumn, type ImportRow, importInvalid } from '../../documents/xlsx/import.ts';
import { readCell } from '../../documents/xlsx/import-cells.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { importLedger, type LedgerImportOptions } from './task-lists.import.ts';
import { LEDGER_IMPORT_SPEC } from './task-lists.spec.ts';

const PASTED_KEYS = [
  'findingSeq',
  'title',
  'measures',
  'responsibleLeader',
  'responsibleDepartment',
  'ownerName',
  'dueDate',
  'longTerm',
] as const satisfies readonly (keyof LedgerPastedRow)[];

function columnOf(key: string): ImportColumn {
  const column = LEDGER_IMPORT_SPEC.columns.find((c) => c.key === key);
  if (!column) throw new Error(`三张清单没有列 ${key}`);
  return column;
}
const PASTED_COLUMNS = PASTED_KEYS.map((key) => ({ key, column: columnOf(key) }));

/** `rows.6.dueDate`: the 0-based index into the request's rows, as a validation error of the body would say. */
const rowPath = (key: string, rowNumber: number) => `rows.${rowNumber - 1}.${key}`;

/** Each pasted cell read as an .xlsx cell would be; a row with a bad cell is reported and not planned. */
function readPasted(pasted: LedgerPastedRow[]): { rows: ImportRow[]; errors: FieldError[] } {
  const rows: ImportRow[] = [];
  const errors: FieldError[] = [];
  pasted.forEach((cells, index) => {
    const row: ImportRow = { rowNumber: index + 1, taskSeq: null };
    let valid = true;
    for (const { key, column } of PASTED_COLUMNS) {
      const result = readCell(column, cells[key]);
      if (result.ok) row[key] = result.value;
      else {
        valid = false;
        const message = result.reason.startsWith(`“${column.header}”`)
          ? result.reason
          : `“${column.header}”：${result.reason}`;
        errors.push({ path: rowPath(key, row.rowNumber), message });
      }
    }
    if (valid) rows.push(row);
  });
  return { rows, errors };
}

const rowIndex = (e: FieldError) => Number(e.path.split('.')[1] ?? 0);

/** The planner's row errors for the rows whose cells were fine (nothing written), to report all at once. */
async function plannerErrors(tx: Tx, ctx: RequestContext, id: string, rows: ImportRow[], options: LedgerImportOptions) {
  try {
    await importLedger(tx, ctx, id, rows, { ...options, dryRun: true });
    return [];
  } catch (error) {
    if (error instanceof AppError && error.code === 'import_invalid') return error.details ?? [];
    throw error;
  }
}

export function pasteLedgerRows(
  ctx: RequestContext,
  inspectionId: string,
  input: { rows: LedgerPastedRow[]; dryRun: boolean },
): Promise<LedgerImportResult> {
  return withTransaction(ctx.db, async (tx) => {
    // out of scope is a 404 before any row is looked at
    await loadInspection(tx, ctx.user, inspectionId);
    const options: LedgerImportOptions = { ledgerColumns: false, pathOf: rowPath, dryRun: input.dryRun };
    const { rows, errors } = readPasted(input.rows);
    if (errors.length) {
      const all = [...errors, ...(await plannerErrors(tx, ctx, inspectionId, rows, options))];
      all.sort((a, b) => rowIndex(a) - rowIndex(b));
      throw importInvalid(`粘贴的内容有 ${all.length} 处错误，请修改后重新导入；本次未导入任何数据`, all.slice(0, 500));
    }
    const result = { ...(await importLedger(tx, ctx, inspectionId, rows, options)), imported: rows.length };
    if (!input.dryRun) {
      await writeAudit(tx, ctx.actor, {
        action: 'task_lists.paste',
        entity: 'inspection',
        entityId: inspectionId,
        after: { rows: rows.length, created: result.created },
      });
    }
    return result;
  });
}
