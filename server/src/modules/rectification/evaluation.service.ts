// 整改评估 (综合评估) by 巡察办: on the unit's 整改情况报告, while the case is open. 不合格 → 补课 with a
// new deadline; the case cannot be signed off until a later evaluation passes (rectification.blockers.ts).
import type {
  EvaluationInput,
  EvaluationResult,
  RectificationEvaluation,
  RectificationStatus,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './evaluation.repository.ts';
import { caseRecord } from './rectification.policy.ts';
import { placeOf } from './rectification.present.ts';
import { loadCase } from './rectification.service.ts';
import { isOpenCase } from './rectification.status.ts';

type Row = Awaited<ReturnType<typeof repo.evaluationsOfCase>>[number];
const present = (r: Row): RectificationEvaluation => ({ ...r, result: r.result as EvaluationResult });

function remedialDueOf(input: EvaluationInput, today: string): string | null {
  if (input.result !== 'fail') {
    if (input.remedialDue)
      throw badRequest('只有评估不合格时才需确定补课期限', [
        { path: 'remedialDue', message: '只有评估不合格时才需确定补课期限' },
      ]);
    return null;
  }
  if (!input.remedialDue)
    throw badRequest('评估不合格的，请确定补课期限', [{ path: 'remedialDue', message: '请确定补课期限' }]);
  if (input.remedialDue <= today)
    throw badRequest('补课期限应晚于今天', [{ path: 'remedialDue', message: '补课期限应晚于今天' }]);
  return input.remedialDue;
}

export async function evaluate(
  ctx: RequestContext,
  caseId: string,
  input: EvaluationInput,
): Promise<RectificationEvaluation> {
  const today = shanghaiToday(ctx.clock);
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadCase(tx, ctx, caseId);
    if (!can(ctx.user, 'evaluation.manage', caseRecord(placeOf(row)))) throw forbidden('无权评估该单位的整改情况');
    if (!isOpenCase(row.status as RectificationStatus)) throw conflict('该整改事项已见底清零，不能再评估');
    if (!row.reportSubmitted) throw conflict('单位尚未报送整改情况报告，暂不能评估');
    const remedialDue = remedialDueOf(input, today);
    const id = await repo.insertEvaluation(tx, {
      caseId,
      committeeId: row.committeeId,
      result: input.result,
      comment: input.comment,
      remedialDue,
      by: ctx.user.id,
      at: ctx.clock.now().toISOString(),
    });
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.create',
      entity: 'rectification_evaluation',
      entityId: id,
      after: { caseId, result: input.result, remedialDue },
    });
    const created = await repo.findEvaluation(tx, caseId, id);
    if (!created) throw notFound('评估记录不存在');
    return present(created);
  });
}

export async function listEvaluations(ctx: RequestContext, caseId: string) {
  await loadCase(ctx.db, ctx, caseId);
  return { items: (await repo.evaluationsOfCase(ctx.db, caseId)).map(present) };
}
