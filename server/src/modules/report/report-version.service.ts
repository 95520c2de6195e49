// Reading the versions of a report or feedback draft, and comparing two of them line by line.
import type { ReportDiff, ReportKind } from '@xuncha/contracts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { diffLines } from './report.diff.ts';
import * as repo from './report.repository.ts';
import { loadReport } from './report.service.ts';

const what = (kind: ReportKind) => (kind === 'report' ? '巡察报告' : '反馈意见');

export async function listReportVersions(ctx: RequestContext, inspectionId: string, kind: ReportKind) {
  const { row } = await loadReport(ctx.db, ctx.user, inspectionId, kind);
  return { items: row ? await repo.listVersions(ctx.db, row.id) : [] };
}

export async function getReportVersion(ctx: RequestContext, inspectionId: string, kind: ReportKind, version: number) {
  const { row } = await loadReport(ctx.db, ctx.user, inspectionId, kind);
  const found = row && (await repo.findVersion(ctx.db, row.id, version));
  if (!found) throw notFound(`${what(kind)}第 ${version} 版不存在`);
  return found;
}

export async function diffReportVersions(
  ctx: RequestContext,
  inspectionId: string,
  kind: ReportKind,
  range: { from: number; to: number },
): Promise<ReportDiff> {
  if (range.from === range.to)
    throw badRequest('请选择两个不同的版本进行比较', [{ path: 'to', message: '请选择另一个版本' }]);
  const [before, after] = await Promise.all([
    getReportVersion(ctx, inspectionId, kind, range.from),
    getReportVersion(ctx, inspectionId, kind, range.to),
  ]);
  const lines = diffLines(before.content, after.content);
  return {
    from: range.from,
    to: range.to,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
    lines,
  };
}
