// The reasons of a signal in words, from what the scan stored in `details` (signal.scan.repository.ts), e.g.
// 「2026 年 4 月 30 日一天内销号 6 项，距集中整改期结束 1 天」. Pure: the list, the export and the tests share it.
import { SIGNAL_RULES, type SignalKind, type SignalRow } from '@xuncha/contracts';
import type { SignalRecord } from './signal.repository.ts';

interface ThinDetails {
  reasons: string[];
  files?: number;
  kb?: number;
  taskDays?: number;
}
interface BulkDetails {
  day: string;
  count: number;
  caseTasks: number;
  deadline: string;
  deadlineKind: 'period' | 'due';
  daysBefore: number;
}
interface ReboundDetails {
  reopenedCount: number;
  visitKind?: 'revisit' | 'look_back';
  visitedOn?: string;
  note?: string;
  newFinding?: boolean;
}
interface Details {
  thin?: ThinDetails;
  bulk?: BulkDetails;
  rebound?: ReboundDetails;
}

/** '2026-04-30' → '2026 年 4 月 30 日' */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

function thinReasons(t: ThinDetails): string[] {
  return t.reasons.map((code) => {
    switch (code) {
      case 'none':
        return '佐证单薄：无任何佐证材料即销号';
      case 'few_small':
        return t.files
          ? `佐证单薄：仅 ${t.files} 个文件、合计 ${t.kb ?? 0} KB（不足 ${SIGNAL_RULES.thinMaxKb} KB），无制度、资金或人员处理记录`
          : '佐证单薄：佐证只有文字说明，没有文件，也无制度、资金或人员处理记录';
      case 'no_institution':
        return '佐证单薄：问题属“制度缺失”，佐证中没有制度文件';
      case 'no_money_or_person':
        return '佐证单薄：问题涉及廉洁纪律，佐证中没有挽回资金或人员处理记录';
      case 'rushed':
        return `佐证单薄：整改历时 ${t.taskDays ?? 0} 天，佐证全部在申请销号前 ${SIGNAL_RULES.rushMinutes} 分钟内集中上传`;
      default:
        return `佐证单薄：${code}`;
    }
  });
}

function bulkReason(b: BulkDetails): string {
  const deadline = b.deadlineKind === 'period' ? '集中整改期结束' : '完成时限';
  const distance =
    b.daysBefore === 0 ? `当天即为${deadline}` : `距${deadline}（${chineseDate(b.deadline)}）${b.daysBefore} 天`;
  return `突击销号：${chineseDate(b.day)}一天内销号 ${b.count} 项（该单位共 ${b.caseTasks} 项整改任务），${distance}`;
}

function reboundReason(r: ReboundDetails): string {
  const visit = r.visitKind === 'look_back' ? '回头看' : '回访';
  const parts: string[] = [];
  if (r.visitedOn) {
    const after = r.newFinding ? '，另立问题' : r.reopenedCount > 0 ? '，任务已重新打开整改' : '';
    parts.push(`${chineseDate(r.visitedOn)}${visit}发现反弹${after}`);
  } else {
    parts.push(`销号后被重新打开整改 ${r.reopenedCount} 次`);
  }
  if (r.note) parts.push(`（${r.note}）`);
  return `回访反弹：${parts.join('')}`;
}

export function signalReasons(details: unknown): string[] {
  const d = (details ?? {}) as Details;
  return [
    ...(d.thin ? thinReasons(d.thin) : []),
    ...(d.bulk ? [bulkReason(d.bulk)] : []),
    ...(d.rebound ? [reboundReason(d.rebound)] : []),
  ];
}

export function signalKinds(r: Pick<SignalRecord, 'thinEvidence' | 'bulkClose' | 'rebound'>): SignalKind[] {
  const kinds: SignalKind[] = [];
  if (r.thinEvidence) kinds.push('thin_evidence');
  if (r.bulkClose) kinds.push('bulk_close');
  if (r.rebound) kinds.push('rebound');
  return kinds;
}

export function presentSignal(r: SignalRecord, canHandle: boolean): SignalRow {
  return {
    taskId: r.taskId,
    taskSeq: r.taskSeq,
    taskTitle: r.taskTitle,
    taskStatus: r.taskStatus,
    findingTitle: r.findingTitle,
    unitId: r.unitId,
    unitName: r.unitName,
    unitKind: r.unitKind,
    roundName: r.roundName,
    rectificationId: r.rectificationId,
    dueDate: r.dueDate,
    closedOn: r.closedOn,
    kinds: signalKinds(r),
    reasons: signalReasons(r.details),
    status: r.status,
    note: r.note,
    handledByName: r.handledByName,
    handledAt: r.handledAt,
    detectedAt: r.detectedAt,
    canHandle: canHandle && r.status === 'open',
  };
}
