// 巡察报告 (/report) and 反馈意见 draft (/feedback-draft) of an inspection: the same version routes for
// both kinds; submit/approve/return only for the report (the feedback is issued by POST …/feedback).
import {
  IdParams,
  Report,
  ReportApprove,
  ReportAssembled,
  ReportDiff,
  ReportDiffQuery,
  type ReportKind,
  ReportReturn,
  ReportVersion,
  ReportVersionList,
  ReportVersionParams,
  ReportWrite,
  reportKindLabel,
} from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { reportDocumentSpec } from './report.document.ts';
import * as service from './report.service.ts';
import { assembleText } from './report-assemble.service.ts';
import * as versions from './report-version.service.ts';

const KINDS: { kind: ReportKind; path: string }[] = [
  { kind: 'report', path: 'report' },
  { kind: 'feedback', path: 'feedback-draft' },
];

function versionRoutes(app: App, deps: AppDeps, kind: ReportKind, base: string) {
  app.get(
    base,
    { config: { permission: 'report.read' }, schema: { params: IdParams, response: { 200: Report } } },
    (req) => service.getReport(contextOf(deps, req), req.params.id, kind),
  );
  app.put(
    base,
    {
      config: { permission: 'report.write' },
      schema: { params: IdParams, body: ReportWrite, response: { 200: Report } },
    },
    (req) => service.writeReport(contextOf(deps, req), req.params.id, kind, req.body),
  );
  app.get(
    `${base}/versions`,
    { config: { permission: 'report.read' }, schema: { params: IdParams, response: { 200: ReportVersionList } } },
    (req) => versions.listReportVersions(contextOf(deps, req), req.params.id, kind),
  );
  app.get(
    `${base}/versions/:version`,
    {
      config: { permission: 'report.read' },
      schema: { params: ReportVersionParams, response: { 200: ReportVersion } },
    },
    (req) => versions.getReportVersion(contextOf(deps, req), req.params.id, kind, req.params.version),
  );
  app.get(
    `${base}/diff`,
    {
      config: { permission: 'report.read' },
      schema: { params: IdParams, querystring: ReportDiffQuery, response: { 200: ReportDiff } },
    },
    (req) => versions.diffReportVersions(contextOf(deps, req), req.params.id, kind, req.query),
  );
  app.get(
    `${base}/assemble`,
    { config: { permission: 'report.write' }, schema: { params: IdParams, response: { 200: ReportAssembled } } },
    (req) => assembleText(contextOf(deps, req), req.params.id, kind),
  );
  registerDocument(app, deps, {
    path: `${base}/document`,
    permission: 'report.read',
    fileName: async (ctx, id) => {
      const { inspection } = await service.loadReport(ctx.db, ctx.user, id, kind);
      return `${reportKindLabel[kind]}_${inspection.unitName}.docx`;
    },
    build: (ctx, id) => reportDocumentSpec(ctx, id, kind),
  });
}

export function reportRoutes(app: App, deps: AppDeps) {
  for (const { kind, path } of KINDS) versionRoutes(app, deps, kind, `/api/inspections/:id/${path}`);
  const one = { 200: Report };
  app.post(
    '/api/inspections/:id/report/submit',
    { config: { permission: 'report.write' }, schema: { params: IdParams, response: one } },
    (req) => service.submitReport(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/inspections/:id/report/approve',
    { config: { permission: 'report.approve' }, schema: { params: IdParams, body: ReportApprove, response: one } },
    (req) => service.decideReport(contextOf(deps, req), req.params.id, 'approve', req.body),
  );
  app.post(
    '/api/inspections/:id/report/return',
    { config: { permission: 'report.approve' }, schema: { params: IdParams, body: ReportReturn, response: one } },
    (req) => service.decideReport(contextOf(deps, req), req.params.id, 'return', req.body),
  );
}
