import { ResultsLedgerFilter, ResultsLedgerPage, ResultsLedgerQuery, ResultsLedgerSummary } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { resultsExportRoutes } from './results.export.ts';
import * as service from './results.service.ts';

export function resultsRoutes(app: App, deps: AppDeps) {
  resultsExportRoutes(app, deps);
  app.get(
    '/api/results-ledger',
    {
      config: { permission: 'results.read' },
      schema: { querystring: ResultsLedgerQuery, response: { 200: ResultsLedgerPage } },
    },
    (req) => service.listLedger(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/results-ledger/summary',
    {
      config: { permission: 'results.read' },
      schema: { querystring: ResultsLedgerFilter, response: { 200: ResultsLedgerSummary } },
    },
    (req) => service.ledgerSummary(contextOf(deps, req), req.query),
  );
}
