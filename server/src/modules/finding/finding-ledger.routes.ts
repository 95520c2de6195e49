import { FindingLedger, FindingLedgerInput, IdParams } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { updateFindingLedger } from './finding-ledger.service.ts';

export function findingLedgerRoutes(app: App, deps: AppDeps) {
  app.patch(
    '/api/findings/:id/ledger',
    {
      config: { permission: 'finding.ledger' },
      schema: { params: IdParams, body: FindingLedgerInput, response: { 200: FindingLedger } },
    },
    (req) => updateFindingLedger(contextOf(deps, req), req.params.id, req.body),
  );
}
