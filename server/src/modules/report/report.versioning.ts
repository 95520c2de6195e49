// Appending a version to a report or feedback draft: shared by saving a draft and by issuing feedback
// whose text was edited in the issuing dialog (the issued text is then a version of its own).
import type { ReportKind, ReportWrite } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './report.repository.ts';

export const STALE = '报告已被他人更新，请刷新后重试';

/**
 * Creates the draft on first use, then bumps the version conditionally on the one the caller read
 * (two people saving at once: the second gets 409), stores the text, its 'write' event and an audit
 * entry that holds numbers only, never the text.
 */
export async function appendVersion(
  tx: Tx,
  ctx: RequestContext,
  at: { inspectionId: string; kind: ReportKind; expectedVersion: number },
  input: ReportWrite,
) {
  const report = await repo.ensureReport(tx, at.inspectionId, at.kind);
  const version = await repo.bumpVersion(tx, report.id, at.expectedVersion);
  if (version === undefined) throw conflict(STALE);
  const note = input.note || null;
  await repo.insertVersion(tx, { reportId: report.id, version, content: input.content, note, authorId: ctx.user.id });
  await repo.insertEvent(tx, {
    reportId: report.id,
    event: 'write',
    from: report.status,
    to: report.status,
    version,
    actorId: ctx.user.id,
  });
  await writeAudit(tx, ctx.actor, {
    action: `${at.kind}.write`,
    entity: 'report',
    entityId: report.id,
    after: { version, length: input.content.length },
  });
  return { reportId: report.id, version };
}
