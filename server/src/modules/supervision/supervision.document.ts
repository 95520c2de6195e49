// GET /api/supervision-orders/:id/document: the 督办通知单 of an order the user may see.
import { type SupervisionReason, supervisionReason } from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { supervisionNotice } from '../../documents/templates/supervision.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { committeeOf } from '../handover/handover-write.repository.ts';
import { loadOrder } from './supervision.service.ts';

export function supervisionDocumentRoutes(app: App, deps: AppDeps) {
  registerDocument(app, deps, {
    path: '/api/supervision-orders/:id/document',
    permission: 'supervision.read',
    fileName: async (ctx, id) => {
      const row = await loadOrder(ctx.db, ctx, id);
      return `督办通知单_${row.unitName}_${row.code}.docx`;
    },
    build: async (ctx, id) => {
      const row = await loadOrder(ctx.db, ctx, id);
      const committee = await committeeOf(ctx.db, row.committeeId);
      return supervisionNotice({
        committeeName: committee.name,
        code: row.code,
        unitName: row.unitName,
        reasonLabel: supervisionReason.labels[row.reason as SupervisionReason],
        taskTitle: row.taskTitle,
        content: row.content,
        responseDue: row.responseDue,
        issuedOn: row.issuedAt.slice(0, 10),
      });
    },
  });
}
