// 密级标记 of a clue (等保 安全标记): 敏感 keeps its content to need-to-know readers; 内部/公开 also lets the
// team that counts it (clue.count) read it (clue.access.ts). Only a need-to-know reader by role (clue.read in
// scope: 组长, 巡察办主任) relabels, and each change is audited.
import { Clue, IdParams, SensitivityChange } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf, type RequestContext } from '../../platform/http/context.ts';
import { clueScope } from './clue.policy.ts';
import { openContent, presentClue } from './clue.present.ts';
import { loadReadable } from './clue.service.ts';

export async function relabelClue(ctx: RequestContext, id: string, input: SensitivityChange) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadReadable(tx, ctx.user, id);
    if (!can(ctx.user, 'clue.read', clueScope(row))) throw forbidden('只有组长或巡察办主任可以调整线索的密级标记');
    if (row.sensitivity === input.sensitivity) throw conflict('线索已是该密级标记');
    const moved = await tx
      .updateTable('clue')
      .set({ sensitivity: input.sensitivity })
      .where('id', '=', id)
      .where('sensitivity', '=', row.sensitivity)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw conflict('密级标记已被他人修改，请刷新后重试');
    await writeAudit(tx, ctx.actor, {
      action: 'clue.relabel',
      entity: 'clue',
      entityId: id,
      before: { sensitivity: row.sensitivity },
      after: { sensitivity: input.sensitivity },
    });
    const updated = await loadReadable(tx, ctx.user, id);
    return presentClue(updated, openContent(keyringFor(ctx.config), updated), ctx.user);
  });
}

export function clueSensitivityRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/clues/:id/sensitivity',
    {
      config: { permission: 'clue.read' },
      schema: { params: IdParams, body: SensitivityChange, response: { 200: Clue } },
    },
    (req) => relabelClue(contextOf(deps, req), req.params.id, req.body),
  );
}
