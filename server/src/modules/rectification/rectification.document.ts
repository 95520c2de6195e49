// The case's 公文: the 整改情况报告 template for the unit (prefilled from the three lists) and the
// office's 整改评估报告. Both load the case through its scope (404 otherwise); generation is audited.
import { type EvaluationResult, evaluationResult, type TaskStatus, taskStatusLabel } from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { evaluationReport } from '../../documents/templates/evaluation.ts';
import { rectificationReportTemplate } from '../../documents/templates/rectification-report.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps, RequestContext } from '../../platform/http/context.ts';
import * as repo from './evaluation.repository.ts';
import { loadCase } from './rectification.service.ts';

async function templateSpec(ctx: RequestContext, id: string) {
  const row = await loadCase(ctx.db, ctx, id);
  const [committee, [findings, tasks]] = await Promise.all([
    repo.committeeName(ctx.db, row.committeeId),
    repo.threeLists(ctx.db, row.inspectionId),
  ]);
  return rectificationReportTemplate({
    committeeName: committee.name,
    unitName: row.unitName,
    roundName: row.roundName,
    teamName: row.teamName,
    feedbackDate: row.feedbackDate,
    today: shanghaiToday(ctx.clock),
    findings: findings.map((f) => ({
      title: f.title,
      tasks: tasks
        .filter((t) => t.findingId === f.id)
        .map((t) => ({ ...t, statusLabel: taskStatusLabel[t.status as TaskStatus] })),
    })),
  });
}

async function evaluationCase(ctx: RequestContext, evaluationId: string) {
  const found = await repo.findEvaluationCase(ctx.db, ctx.user, evaluationId);
  if (!found) throw notFound('评估记录不存在');
  const [row, evaluation] = await Promise.all([
    loadCase(ctx.db, ctx, found.caseId),
    repo.findEvaluation(ctx.db, found.caseId, evaluationId),
  ]);
  if (!evaluation) throw notFound('评估记录不存在');
  return { row, evaluation };
}

async function evaluationSpec(ctx: RequestContext, evaluationId: string) {
  const { row, evaluation } = await evaluationCase(ctx, evaluationId);
  const committee = await repo.committeeName(ctx.db, row.committeeId);
  return evaluationReport({
    committeeName: committee.name,
    unitName: row.unitName,
    roundName: row.roundName,
    feedbackDate: row.feedbackDate,
    findings: Number(row.findings),
    tasksTotal: Number(row.tasksTotal ?? 0),
    tasksClosed: Number(row.tasksClosed ?? 0),
    tasksOverdue: Number(row.tasksOverdue ?? 0),
    resultLabel: evaluationResult.labels[evaluation.result as EvaluationResult],
    comment: evaluation.comment,
    remedialDue: evaluation.remedialDue,
    evaluatedOn: shanghaiToday({ now: () => new Date(evaluation.evaluatedAt) }),
  });
}

export function rectificationDocumentRoutes(app: App, deps: AppDeps) {
  registerDocument(app, deps, {
    path: '/api/rectifications/:id/report-template',
    permission: 'rectification.read',
    fileName: async (ctx, id) => `整改情况报告（模板）_${(await loadCase(ctx.db, ctx, id)).unitName}.docx`,
    build: (ctx, id) => templateSpec(ctx, id),
  });
  registerDocument(app, deps, {
    path: '/api/evaluations/:id/document',
    permission: 'rectification.read',
    fileName: async (ctx, id) => `整改评估报告_${(await evaluationCase(ctx, id)).row.unitName}.docx`,
    build: (ctx, id) => evaluationSpec(ctx, id),
  });
}
