import { SecurityPolicy, SecurityPolicyView } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { getPolicy, updatePolicy } from './security-policy.service.ts';

export function securityPolicyRoutes(app: App, deps: AppDeps) {
  const manage = { permission: 'security.manage' as const };
  app.get('/api/security-policy', { config: manage, schema: { response: { 200: SecurityPolicyView } } }, (req) =>
    getPolicy(contextOf(deps, req)),
  );
  app.put(
    '/api/security-policy',
    { config: manage, schema: { body: SecurityPolicy, response: { 200: SecurityPolicyView } } },
    (req) => updatePolicy(contextOf(deps, req), req.body),
  );
}
