// The unit's reports: monthly 整改进展报告 during 集中整改期, the 整改情况报告 and the principal's 履职报告.
// The upload is received first (type/size checked), the record written in one transaction (superseding
// the earlier report of the same kind and period), and only then is the file moved into place.
import { createReadStream } from 'node:fs';
import {
  type ProgressPeriod,
  type RectificationReport,
  type RectificationReportFields,
  type RectificationReportKind,
  type RectificationReportList,
  type RectificationStatus,
  RectificationReportFields as ReportFieldsSchema,
} from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import {
  badRequest,
  conflict,
  forbidden,
  insertOrConflict,
  notFound,
  unsupportedMedia,
} from '../../platform/errors.ts';
import { commitFile, discardFile, type StoredFile, storedPath } from '../../platform/files.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type CaseClocks, clocksOf, limitsLoader } from './rectification.clocks.ts';
import { mayReport } from './rectification.policy.ts';
import { placeOf } from './rectification.present.ts';
import type { CaseRow } from './rectification.repository.ts';
import { loadCase } from './rectification.service.ts';
import { isOpenCase } from './rectification.status.ts';
import * as repo from './rectification-report.repository.ts';

/** Reports are documents: no spreadsheets or photos in place of a signed report. */
const REPORT_EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'ofd']);

const fieldError = (path: string, message: string) => badRequest(message, [{ path, message }]);

/** Refused before the upload is read, so a caller out of scope or without the right cannot make us store a file. */
export async function assertMayReport(db: Db, ctx: RequestContext, caseId: string): Promise<CaseRow> {
  const row = await loadCase(db, ctx, caseId);
  if (!mayReport(ctx.user, placeOf(row), 'progress')) throw forbidden('无权报送该单位的整改报告');
  if (!isOpenCase(row.status as RectificationStatus)) throw conflict('该整改事项已见底清零，不能再报送报告');
  return row;
}

function parseFields(raw: Record<string, string>): RectificationReportFields {
  const parsed = ReportFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw badRequest(`报告填写有误：${details.map((d) => d.message).join('；')}`, details);
  }
  return parsed.data;
}

function checkReport(
  fields: RectificationReportFields,
  file: StoredFile | null,
  clocks: CaseClocks,
  feedbackDate: string,
) {
  if (!fields.content && !file) throw fieldError('file', '请填写报告正文或上传报告文件');
  if (file && !REPORT_EXTENSIONS.has(file.extension))
    throw unsupportedMedia('报告文件只能是 PDF、Word（doc/docx）或 OFD 格式');
  if (fields.kind !== 'progress') {
    if (fields.period) throw fieldError('period', '只有整改进展报告需要填写报告期');
    return null;
  }
  if (!fields.period) throw fieldError('period', '请填写整改进展报告的报告期（YYYY-MM）');
  if (fields.period < feedbackDate.slice(0, 7) || fields.period > clocks.reportDue.slice(0, 7))
    throw fieldError(
      'period',
      `报告期应在集中整改期内（${feedbackDate.slice(0, 7)} 至 ${clocks.reportDue.slice(0, 7)}）`,
    );
  return fields.period;
}

export async function submitReport(
  ctx: RequestContext,
  caseId: string,
  raw: Record<string, string>,
  file: StoredFile | null,
): Promise<RectificationReport> {
  try {
    const fields = parseFields(raw);
    const id = await withTransaction(ctx.db, async (tx) => {
      const row = await assertMayReport(tx, ctx, caseId);
      if (!mayReport(ctx.user, placeOf(row), fields.kind as RectificationReportKind))
        throw forbidden('整改情况报告和履职报告须由单位主要负责人报送');
      const clocks = clocksOf(row.feedbackDate, await limitsLoader(tx)(row.committeeId));
      const period = checkReport(fields, file, clocks, row.feedbackDate);
      const at = ctx.clock.now().toISOString();
      const superseded = await repo.supersede(tx, caseId, fields.kind, period, at);
      const created = await insertOrConflict(
        () =>
          repo.insertReport(tx, {
            caseId,
            committeeId: row.committeeId,
            unitId: row.unitId,
            kind: fields.kind,
            period,
            title: fields.title,
            content: fields.content || null,
            file,
            by: ctx.user.id,
            at,
          }),
        '同一报告正在被他人报送，请刷新后重试',
      );
      await writeAudit(tx, ctx.actor, {
        action: 'rectification_report.submit',
        entity: 'rectification_report',
        entityId: created,
        after: {
          caseId,
          kind: fields.kind,
          period,
          fileName: file?.fileName ?? null,
          sm3: file?.sm3 ?? null,
          superseded,
        },
      });
      return created;
    });
    if (file) await commitFile(ctx.config.filesDir, file);
    const all = await repo.reportsOfCase(ctx.db, caseId);
    const created = all.find((r) => r.id === id);
    if (!created) throw notFound('报告不存在');
    return presentReport(created);
  } catch (error) {
    if (file) await discardFile(ctx.config.filesDir, file);
    throw error;
  }
}

type ReportRow = Awaited<ReturnType<typeof repo.reportsOfCase>>[number];
const presentReport = (r: ReportRow): RectificationReport => ({
  ...r,
  kind: r.kind as RectificationReportKind,
  size: r.size === null ? null : Number(r.size),
});

const dayOf = (timestamp: string) => shanghaiToday({ now: () => new Date(timestamp) } satisfies Clock);

/** Each expected monthly report: on time, late, missing (past due, none) or not yet due. */
export function progressStates(clocks: CaseClocks, reports: ReportRow[], today: string): ProgressPeriod[] {
  return clocks.expectedProgress.map(({ period, dueDate }) => {
    const report = reports.find((r) => r.kind === 'progress' && r.period === period && r.supersededAt === null);
    if (!report) return { period, dueDate, state: dueDate < today ? 'missing' : 'pending', submittedAt: null };
    const submittedAt = report.submittedAt;
    return { period, dueDate, state: dayOf(submittedAt) <= dueDate ? 'on_time' : 'late', submittedAt };
  });
}

export async function listReports(ctx: RequestContext, caseId: string): Promise<RectificationReportList> {
  const row = await loadCase(ctx.db, ctx, caseId);
  const [reports, limits] = await Promise.all([
    repo.reportsOfCase(ctx.db, caseId),
    limitsLoader(ctx.db)(row.committeeId),
  ]);
  const clocks = clocksOf(row.feedbackDate, limits);
  return {
    items: reports.map(presentReport),
    expectedProgress: progressStates(clocks, reports, shanghaiToday(ctx.clock)),
  };
}

export async function openReportFile(ctx: RequestContext, caseId: string, reportId: string) {
  const row = await repo.findReportFile(ctx.db, ctx.user, caseId, reportId);
  if (!row?.storedName) throw notFound('文件不存在');
  return {
    fileName: row.fileName ?? '报告',
    mime: row.mime ?? 'application/octet-stream',
    size: Number(row.size ?? 0),
    stream: createReadStream(storedPath(ctx.config.filesDir, row.storedName)),
  };
}
