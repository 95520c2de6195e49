// The sheet of the 三张清单: the export and the import template share one column layout, so an
// exported file imports back unchanged. Informational columns (单位, 问题, 状态, …) are ignored on import.
import { findingCompletion, taskStatusLabel } from '@xuncha/contracts';
import { columnLetter, type XlsxColumn } from '../../documents/xlsx/columns.ts';
import type { ImportColumn, ImportSpec } from '../../documents/xlsx/import.ts';

export const LEDGER_SHEET = '三张清单';

const completionByLabel = Object.fromEntries(
  Object.entries(findingCompletion.labels).map(([code, label]) => [label, code]),
);

interface LedgerColumn {
  export: XlsxColumn;
  import: ImportColumn;
}

const col = (exported: XlsxColumn, imported: Omit<ImportColumn, 'header' | 'key'> = {}): LedgerColumn => ({
  export: exported,
  import: { header: exported.header, key: exported.key, ...imported },
});

// `info` columns are read as plain text and then ignored, whatever the user typed there.
const info = (exported: XlsxColumn): LedgerColumn => ({
  export: exported,
  import: { header: exported.header, key: `info_${exported.key}` },
});

const COLUMNS: LedgerColumn[] = [
  info({ header: '单位', key: 'unitName', width: 20 }),
  col({ header: '问题序号', key: 'findingSeq', type: 'number', width: 10 }, { required: true, type: 'number' }),
  info({ header: '问题', key: 'findingTitle', width: 36 }),
  col(
    { header: '完成情况', key: 'completion', labels: findingCompletion.labels, width: 12 },
    { required: true, labels: completionByLabel },
  ),
  col({ header: '是否常态化坚持', key: 'ongoing', type: 'bool' }, { required: true, type: 'bool' }),
  col({ header: '是否集中整改期内完成', key: 'doneInPeriod', type: 'bool' }, { type: 'bool' }),
  col({ header: '是否重点关注', key: 'keyFocus', type: 'bool' }, { required: true, type: 'bool' }),
  col({ header: '任务序号', key: 'taskSeq', type: 'number', width: 10 }, { type: 'number' }),
  col({ header: '整改任务', key: 'title', width: 36 }, { maxLength: 200 }),
  col({ header: '整改措施', key: 'measures', width: 48 }, { maxLength: 5000 }),
  col({ header: '责任领导', key: 'responsibleLeader', width: 12 }, { maxLength: 50 }),
  col({ header: '责任部门', key: 'responsibleDepartment', width: 16 }, { maxLength: 100 }),
  col({ header: '责任人', key: 'ownerName', width: 12 }, { maxLength: 50 }),
  col({ header: '完成时限', key: 'dueDate', type: 'date' }, { type: 'date' }),
  col({ header: '长期坚持', key: 'longTerm', type: 'bool' }, { type: 'bool' }),
  info({ header: '状态', key: 'status', labels: taskStatusLabel }),
  info({ header: '是否逾期', key: 'overdue', type: 'bool' }),
  info({ header: '下次检查时间', key: 'nextCheckpoint', type: 'date' }),
];

export const LEDGER_EXPORT_COLUMNS: XlsxColumn[] = COLUMNS.map((c) => c.export);
export const LEDGER_IMPORT_SPEC: ImportSpec = { sheetName: LEDGER_SHEET, columns: COLUMNS.map((c) => c.import) };

/** `三张清单!H7`: where an error points, by the shared layout. */
export function cellPath(key: string, rowNumber: number): string {
  return `${LEDGER_SHEET}!${columnLetter(COLUMNS.findIndex((c) => c.import.key === key) + 1)}${rowNumber}`;
}
