// The deployment's security policy, read and changed by the 安全管理员; every change is audited with the
// policy before and after.
import type { SecurityPolicy, SecurityPolicyView } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { addressAllowed, invalidNetworks } from '../../platform/auth/network.ts';
import { loadStoredPolicy } from '../../platform/auth/policy.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';

export async function getPolicy(ctx: RequestContext): Promise<SecurityPolicyView> {
  const stored = await loadStoredPolicy(ctx.db, ctx.config);
  const editor = stored.updatedBy
    ? await ctx.db.selectFrom('app_user').select('display_name').where('id', '=', stored.updatedBy).executeTakeFirst()
    : undefined;
  return { policy: stored.policy, updatedAt: stored.updatedAt, updatedByName: editor?.display_name ?? null };
}

function checkNetworks(policy: SecurityPolicy, ip: string | null): void {
  for (const field of ['allowedNetworks', 'adminAllowedNetworks'] as const) {
    const invalid = invalidNetworks(policy[field]);
    if (invalid.length > 0)
      throw badRequest(`网段格式不正确：${invalid.join('、')}`, [{ path: field, message: '网段格式不正确' }]);
  }
  // the editor is a 三员 account: saving a list that leaves out their own address would lock them out
  for (const field of ['allowedNetworks', 'adminAllowedNetworks'] as const) {
    if (!addressAllowed(policy[field], ip))
      throw badRequest(`保存后您当前的地址（${ip ?? '未知'}）将无法登录，请把它包含在允许的网段中`, [
        { path: field, message: '未包含当前地址' },
      ]);
  }
}

export async function updatePolicy(ctx: RequestContext, policy: SecurityPolicy): Promise<SecurityPolicyView> {
  checkNetworks(policy, ctx.actor.ip);
  await withTransaction(ctx.db, async (tx) => {
    const before = (await loadStoredPolicy(tx, ctx.config)).policy;
    const now = ctx.clock.now().toISOString();
    await tx
      .insertInto('security_policy')
      .values({ settings: JSON.stringify(policy), updated_at: now, updated_by: ctx.user.id })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ settings: JSON.stringify(policy), updated_at: now, updated_by: ctx.user.id }),
      )
      .execute();
    await writeAudit(tx, ctx.actor, {
      action: 'security_policy.updated',
      entity: 'security_policy',
      entityId: null,
      before,
      after: policy,
    });
  });
  return getPolicy(ctx);
}
