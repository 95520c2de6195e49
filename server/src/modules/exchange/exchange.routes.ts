// 数据报送交换 (issue 9 §5, across deployments): identity, export and list of packages sent; trusted keys,
// import with verification, and the packages received. docs/exchange.md describes the package.
import {
  ExchangeCommitteeQuery,
  ExchangeExportInput,
  ExchangeExportPage,
  ExchangeIdentity,
  ExchangeIdentityView,
  ExchangeImportBody,
  ExchangeImportDetail,
  ExchangeImportPage,
  ExchangeListQuery,
  ExchangePackage,
  IdParams,
  TrustedKey,
  TrustedKeyInput,
  TrustedKeyPage,
} from '@xuncha/contracts';
import { attachmentDisposition, datedFileName } from '../../documents/download.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { exchangeExportRoutes } from './exchange.export.ts';
import * as service from './exchange.service.ts';
import * as importing from './exchange-import.service.ts';

/** A package is a few hundred bytes per round (at most 500 rounds): far below this. */
const IMPORT_BODY_LIMIT = 512 * 1024;

export function exchangeRoutes(app: App, deps: AppDeps): void {
  exchangeExportRoutes(app, deps);
  app.get(
    '/api/exchange/identity',
    { config: { permission: 'exchange.export' }, schema: { response: { 200: ExchangeIdentityView } } },
    (req) => service.identity(contextOf(deps, req)),
  );
  app.post(
    '/api/exchange/identity',
    { config: { permission: 'exchange.export' }, schema: { response: { 200: ExchangeIdentity } } },
    (req) => service.makeIdentity(contextOf(deps, req)),
  );
  app.post(
    '/api/exchange/packages',
    {
      config: { permission: 'exchange.export' },
      schema: { body: ExchangeExportInput, response: { 200: ExchangePackage } },
    },
    async (req, reply) => {
      const ctx = contextOf(deps, req);
      const pkg = await service.exportPackage(ctx, req.body);
      const name = datedFileName(`数据报送包_${pkg.source.committeeName}`, 'json', ctx.clock);
      return reply
        .header('Content-Disposition', attachmentDisposition(name))
        .header('Cache-Control', 'no-store')
        .send(pkg);
    },
  );
  app.get(
    '/api/exchange/packages',
    {
      config: { permission: 'exchange.export' },
      schema: { querystring: ExchangeListQuery, response: { 200: ExchangeExportPage } },
    },
    (req) => service.listExports(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/exchange/packages/:id',
    { config: { permission: 'exchange.export' }, schema: { params: IdParams, response: { 200: ExchangePackage } } },
    async (req, reply) => {
      const ctx = contextOf(deps, req);
      const pkg = await service.downloadExport(ctx, req.params.id);
      const name = datedFileName(`数据报送包_${pkg.source.committeeName}`, 'json', ctx.clock);
      return reply
        .header('Content-Disposition', attachmentDisposition(name))
        .header('Cache-Control', 'no-store')
        .send(pkg);
    },
  );
  app.get(
    '/api/exchange/trusted-keys',
    {
      config: { permission: 'exchange.import' },
      schema: { querystring: ExchangeListQuery, response: { 200: TrustedKeyPage } },
    },
    (req) => importing.listTrustedKeys(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/exchange/trusted-keys',
    { config: { permission: 'exchange.import' }, schema: { body: TrustedKeyInput, response: { 200: TrustedKey } } },
    (req) => importing.registerTrustedKey(contextOf(deps, req), req.body),
  );
  app.post(
    '/api/exchange/trusted-keys/:id/revoke',
    { config: { permission: 'exchange.import' }, schema: { params: IdParams, response: { 200: TrustedKey } } },
    (req) => importing.revokeTrustedKey(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/exchange/imports',
    {
      config: { permission: 'exchange.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        querystring: ExchangeCommitteeQuery,
        body: ExchangeImportBody,
        response: { 200: ExchangeImportDetail },
      },
    },
    (req) => importing.importPackage(contextOf(deps, req), req.query.committeeId, req.body),
  );
  app.get(
    '/api/exchange/imports',
    {
      config: { permission: 'exchange.import' },
      schema: { querystring: ExchangeListQuery, response: { 200: ExchangeImportPage } },
    },
    (req) => importing.listImports(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/exchange/imports/:id',
    {
      config: { permission: 'exchange.import' },
      schema: { params: IdParams, response: { 200: ExchangeImportDetail } },
    },
    (req) => importing.importDetail(contextOf(deps, req), req.params.id),
  );
}
