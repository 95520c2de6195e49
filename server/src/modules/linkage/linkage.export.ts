// The .xlsx of the lower committees' figures: one row per committee (the one looked from first), the same
// numbers as the page, rates as percentages with one decimal.
import { inspectionPhaseLabel, type LinkageCommitteeRow } from '@xuncha/contracts';
import type { XlsxColumn } from '../../documents/xlsx/columns.ts';

const n = (header: string, key: string): XlsxColumn => ({ header, key, type: 'number' });
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export const LINKAGE_COLUMNS: XlsxColumn[] = [
  { header: '党委', key: 'name', width: 28 },
  { header: '层级', key: 'level' },
  { header: '届内规划', key: 'termPlanName', width: 24 },
  n('应覆盖单位', 'unitsToCover'),
  n('已覆盖单位', 'unitsCovered'),
  { header: '覆盖率(%)', key: 'coveragePercent', type: 'number', width: 12 },
  n('轮次数', 'rounds'),
  { header: '当前轮次', key: 'currentRoundName', width: 24 },
  { header: '当前阶段', key: 'currentRoundPhase', labels: inspectionPhaseLabel },
  n('巡察数', 'inspections'),
  n('问题数', 'findings'),
  n('党的领导', 'party_leadership'),
  n('党的建设', 'party_building'),
  n('全面从严治党', 'strict_governance'),
  n('党风廉政建设和反腐败', 'anti_corruption'),
  n('整改任务', 'tasks'),
  n('已销号', 'tasksClosed'),
  n('逾期', 'tasksOverdue'),
  { header: '整改完成率(%)', key: 'rectificationPercent', type: 'number', width: 14 },
  { header: '按期完成率(%)', key: 'onTimePercent', type: 'number', width: 14 },
  n('移交', 'handoversSent'),
  n('已有结果', 'handoversWithResult'),
  n('移交逾期', 'handoversOverdue'),
];

export function exportRow(row: LinkageCommitteeRow): Record<string, unknown> {
  return {
    ...row,
    ...row.findingsByAspect,
    coveragePercent: pct(row.coverageRate),
    rectificationPercent: pct(row.rectificationRate),
    onTimePercent: pct(row.onTimeRate),
  };
}
