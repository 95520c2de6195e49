// 转办: a public report becomes one of the team's own records — a 来信来访 record (fieldwork, sensitive,
// channel 网络举报) or a 问题线索 (source 网上举报) — through the existing services, with their own checks,
// sealing and audit. Those services open their own transaction, so the conversion is: check (nothing
// written on refusal) → create → move to 已转办 with a conditional update. Two leaders converting the same
// report at the same instant would leave one extra record behind with a 409 for the slower one; the
// report itself is converted once. Attachments stay with the report (readers open them there).
import {
  ClueCreate,
  FieldworkCreate,
  type PublicReportConvert,
  type PublicReportKind,
  publicReportKind,
} from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { open, openJson } from '../../platform/crypto/sealed.ts';
import { withTransaction } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { createClue } from '../clue/clue.service.ts';
import { createFieldwork } from '../fieldwork/fieldwork.service.ts';
import type { ReportRow } from './public-report.repository.ts';
import { loadForStep, loadReadable, moveOrConflict, present } from './public-report.service.ts';

interface Contact {
  name: string | null;
  phone: string | null;
}

const filedOn = (row: ReportRow) => shanghaiToday({ now: () => new Date(row.filedAt) });

async function createTarget(ctx: RequestContext, row: ReportRow, input: PublicReportConvert): Promise<string> {
  const keyring = keyringFor(ctx.config);
  const text = open(keyring, row.contentSealed);
  const contact = row.contactSealed ? openJson<Contact>(keyring, row.contactSealed) : null;
  const person = contact ? { name: contact.name ?? '（未留姓名）', contact: contact.phone ?? undefined } : undefined;
  const label = publicReportKind.labels[row.kind as PublicReportKind];
  if (input.target === 'petition') {
    const record = FieldworkCreate.parse({
      kind: 'petition',
      title: `群众网上${label}（第 ${row.seq} 号）`,
      occurredOn: filedOn(row),
      summary: text,
      sensitive: true,
      details: { channel: 'online', anonymous: person === undefined, petitioner: person },
    });
    return (await createFieldwork(ctx, row.inspectionId, record)).id;
  }
  const clue = ClueCreate.parse({
    subjectName: input.subjectName,
    subjectPost: input.subjectPost,
    allegation: text,
    category: input.category,
    source: 'public_report',
    receivedOn: filedOn(row),
    whistleblower: person ? { ...person, note: `网上${label}第 ${row.seq} 号` } : undefined,
  });
  return (await createClue(ctx, row.inspectionId, clue)).id;
}

export async function convertReport(ctx: RequestContext, id: string, input: PublicReportConvert) {
  const { row } = await withTransaction(ctx.db, (tx) => loadForStep(tx, ctx, id, 'transfer'));
  const convertedId = await createTarget(ctx, row, input);
  return withTransaction(ctx.db, async (tx) => {
    const { from, to } = await loadForStep(tx, ctx, id, 'transfer');
    await moveOrConflict(tx, {
      id,
      event: 'transfer',
      from,
      to,
      actorId: ctx.user.id,
      at: ctx.clock.now().toISOString(),
      set: { converted_to: input.target, converted_id: convertedId },
    });
    await writeAudit(tx, ctx.actor, {
      action: 'public_report.transfer',
      entity: 'public_report',
      entityId: id,
      before: from,
      after: { status: to, target: input.target, convertedId },
    });
    return present(tx, keyringFor(ctx.config), ctx.user, await loadReadable(tx, ctx.user, id));
  });
}
