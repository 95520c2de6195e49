// 成果运用 (GET /api/analytics/outcomes/summary) and its drill-downs: evidence rows (money, 制度, 人员处理)
// and the people of handover results by 形态. Which rows count is explained in outcomes.repository.ts.
import {
  type AnalyticsFilter,
  form,
  type OutcomeEvidenceQuery,
  type OutcomePersonQuery,
  type OutcomesSummary,
  unitKind,
} from '@xuncha/contracts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { resolveFilter } from './analytics.filter.ts';
import * as repo from './outcomes.repository.ts';

type Window = { limit: number; offset: number };

export async function outcomesSummary(ctx: RequestContext, query: AnalyticsFilter): Promise<OutcomesSummary> {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const [totals, byKind, byForm] = await Promise.all([
    repo.evidenceTotals(ctx.db, filter),
    repo.moneyByUnitKind(ctx.db, filter),
    repo.personsByForm(ctx.db, filter),
  ]);
  const forms = form.codes.map((code) => ({ code, count: Number(byForm.find((r) => r.code === code)?.n ?? 0) }));
  return {
    money: {
      amount: Number(totals?.amount ?? 0),
      evidenceCount: Number(totals?.moneyEvidence ?? 0),
      taskCount: Number(totals?.moneyTasks ?? 0),
    },
    institutions: { count: Number(totals?.institutions ?? 0), taskCount: Number(totals?.institutionTasks ?? 0) },
    evidencePersons: { persons: Number(totals?.persons ?? 0), evidenceCount: Number(totals?.personEvidence ?? 0) },
    forms,
    formsTotal: forms.reduce((sum, f) => sum + f.count, 0),
    moneyByUnitKind: unitKind.codes.map((code) => ({
      code,
      amount: Number(byKind.find((r) => r.code === code)?.amount ?? 0),
    })),
  };
}

export type EvidenceDrillQuery = Omit<OutcomeEvidenceQuery, 'page' | 'pageSize'>;
export type PersonDrillQuery = Omit<OutcomePersonQuery, 'page' | 'pageSize'>;

/** The list page and the export batches read the same rows through these. */
export async function evidenceDrillRows(ctx: RequestContext, query: EvidenceDrillQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return {
    page: (window: Window) => repo.evidencePage(ctx.db, filter, query, window),
    count: () => repo.evidenceCount(ctx.db, filter, query),
  };
}

export async function personDrillRows(ctx: RequestContext, query: PersonDrillQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return {
    page: (window: Window) => repo.personPage(ctx.db, filter, query.form, window),
    count: () => repo.personCount(ctx.db, filter, query.form),
  };
}

export async function evidenceDrill(ctx: RequestContext, query: OutcomeEvidenceQuery) {
  const rows = await evidenceDrillRows(ctx, query);
  const [items, total] = await Promise.all([rows.page(pageWindow(query)), rows.count()]);
  return pageResult(items, total, query);
}

export async function personDrill(ctx: RequestContext, query: OutcomePersonQuery) {
  const rows = await personDrillRows(ctx, query);
  const [items, total] = await Promise.all([rows.page(pageWindow(query)), rows.count()]);
  return pageResult(items, total, query);
}
