// GET /api/handovers/:id/document: 问题线索移交函 (clue handovers, for the clue's readers only: it carries the
// subject and allegation, and opening them is audited) or 问题移交函 (finding handovers).
import { type ClueCategory, clueCategory } from '@xuncha/contracts';
import type { OfficialDocumentSpec } from '../../documents/docx/layout.ts';
import { registerDocument } from '../../documents/docx/register.ts';
import { clueLetter, type HandoverLetterBase } from '../../documents/templates/handover-clue.ts';
import { problemLetter } from '../../documents/templates/handover-problem.ts';
import { writeAudit } from '../../platform/audit.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { openJson } from '../../platform/crypto/sealed.ts';
import { withTransaction } from '../../platform/db.ts';
import { forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps, RequestContext } from '../../platform/http/context.ts';
import type { ClueContent } from '../clue/clue.content.ts';
import { mayPrintLetter } from './handover.policy.ts';
import { stateOf } from './handover.present.ts';
import { sealedParts } from './handover.repository.ts';
import { loadHandover } from './handover.service.ts';
import { committeeOf, decisionMeetingTitle } from './handover-write.repository.ts';

async function buildLetter(ctx: RequestContext, id: string): Promise<OfficialDocumentSpec> {
  const row = await loadHandover(ctx.db, ctx, id);
  if (!mayPrintLetter(ctx.user, stateOf(row))) throw forbidden('无权生成该移交函');
  const [committee, sealed, meeting] = await Promise.all([
    committeeOf(ctx.db, row.committeeId),
    sealedParts(ctx.db, id),
    row.decisionId ? decisionMeetingTitle(ctx.db, row.decisionId) : null,
  ]);
  const base: HandoverLetterBase = {
    committeeName: committee.name,
    docNumber: row.letterNo ?? row.code,
    recipientName: row.recipientName,
    unitName: row.unitName,
    roundName: row.roundName,
    decision: meeting ? `${meeting}研究同意` : null,
    dueDate: row.dueDate,
    sentOn: row.sentOn,
  };
  if (row.kind !== 'clue')
    return problemLetter({
      ...base,
      kindLabel: row.kind === 'cadre' ? '选人用人问题' : '有关问题',
      findingTitle: row.findingTitle ?? '',
      findingFacts: sealed.findingFacts ?? '',
    });
  const content = openJson<ClueContent>(keyringFor(ctx.config), sealed.clueSealed ?? '');
  await withTransaction(ctx.db, (tx) =>
    writeAudit(tx, ctx.actor, {
      action: 'clue.read_content',
      entity: 'clue',
      entityId: row.clueId,
      after: { via: 'handover_letter', handoverId: id },
    }),
  );
  return clueLetter({
    ...base,
    clueCode: row.clueCode ?? '',
    categoryLabel: clueCategory.labels[row.clueCategory as ClueCategory],
    ...content,
  });
}

export function handoverDocumentRoutes(app: App, deps: AppDeps) {
  registerDocument(app, deps, {
    path: '/api/handovers/:id/document',
    permission: 'handover.read',
    fileName: async (ctx, id) => {
      const row = await loadHandover(ctx.db, ctx, id);
      const name = row.kind === 'clue' ? '问题线索移交函' : '问题移交函';
      return `${name}_${row.unitName}_${row.code}.docx`;
    },
    build: (ctx, id) => buildLetter(ctx, id),
  });
}
