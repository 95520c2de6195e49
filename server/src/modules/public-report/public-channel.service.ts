// The public side (no login): which inspections accept reports now, filing one, and reading its status by
// receipt code. What leaves the server is only what DOMAIN.md §7 allows: targets' unit, team, period and
// published contact; for a code, its status, the team's reply and dates. The audit entry of a filing holds
// ids and counts, never the text, the contact or the caller's IP (an anonymous reporter stays anonymous).
import {
  type InspectionPhase,
  inspectionPhaseLabel,
  type PublicReportCreate,
  type PublicReportReceipt,
  type PublicReportStatus,
  type PublicReportStatusView,
  type PublicReportTarget,
  publicReportKind,
} from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { open, seal, sealJson } from '../../platform/crypto/sealed.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { commitFile } from '../../platform/files.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { notify } from '../notification/notify.ts';
import * as repo from './public-channel.repository.ts';
import { discardUploads, type SealedUpload } from './public-report.files.ts';
import { acceptsPublicReports } from './public-report.status.ts';
import { groupReceiptCode, newReceiptCode, receiptDigest } from './receipt.ts';

/** The one answer to every unknown code: same words whether the code was mistyped or never existed. */
export const CODE_NOT_FOUND = '未查询到该回执码对应的反映，请核对回执码后重试';

export async function listTargets(deps: AppDeps, page: { page: number; pageSize: number }) {
  const { items, total } = await repo.acceptingTargets(deps.db, pageWindow(page));
  const targets: PublicReportTarget[] = items.map((t) => ({
    id: t.id,
    unitName: t.unitName,
    teamName: t.teamName ?? '',
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    contact: t.announced
      ? { phone: t.phone, mailbox: t.mailbox, address: t.address, email: t.email, receptionHours: t.receptionHours }
      : null,
  }));
  return pageResult(targets, total, page);
}

/** What is sealed as the report's content: the text as typed. The contact is sealed on its own. */
interface ReportContact {
  name: string | null;
  phone: string | null;
}

export async function fileReport(
  deps: AppDeps,
  requestId: string,
  input: PublicReportCreate,
  files: SealedUpload[],
): Promise<PublicReportReceipt> {
  const keyring = keyringFor(deps.config);
  const code = newReceiptCode();
  const filedAt = deps.clock.now().toISOString();
  const contact: ReportContact | null = input.anonymous
    ? null
    : { name: input.contactName || null, phone: input.contactPhone || null };
  try {
    await withTransaction(deps.db, async (tx) => {
      const target = await repo.lockTarget(tx, input.inspectionId);
      if (!target) throw notFound('未找到该巡察，请从受理列表中选择');
      const phase = target.phase as InspectionPhase;
      if (!acceptsPublicReports(phase))
        throw conflict(
          `该巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，巡察组已不在进驻期，不再受理网上举报和意见。如需反映问题，请通过信访等其他渠道。`,
        );
      const created = await repo.insertReport(tx, {
        committeeId: target.committeeId,
        inspectionId: input.inspectionId,
        kind: input.kind,
        receiptDigest: receiptDigest(code),
        contentSealed: seal(keyring, input.text),
        contactSealed: contact ? sealJson(keyring, contact) : null,
        filedAt,
      });
      await repo.insertAttachments(tx, created.id, files);
      await writeAudit(
        tx,
        { userId: null, userName: '群众（网上反映）', requestId, ip: null },
        {
          action: 'public_report.file',
          entity: 'public_report',
          entityId: created.id,
          after: {
            inspectionId: input.inspectionId,
            seq: created.seq,
            kind: input.kind,
            anonymous: contact === null,
            files: files.length,
          },
        },
      );
      await notify(tx, await repo.teamLeaders(tx, input.inspectionId), {
        kind: 'public_report',
        title: `收到群众网上${publicReportKind.labels[input.kind]}（第 ${created.seq} 号）`,
        body: '请在“群众举报”中查看和办理。',
        link: `/public-reports?inspectionId=${input.inspectionId}`,
        subjectType: 'public_report',
        subjectId: created.id,
      });
    });
  } catch (error) {
    await discardUploads(deps.config.filesDir, files);
    throw error;
  }
  for (const file of files) await commitFile(deps.config.filesDir, file);
  return { code: groupReceiptCode(code), filedAt };
}

export async function reportStatus(deps: AppDeps, code: string): Promise<PublicReportStatusView> {
  const row = await repo.findByDigest(deps.db, receiptDigest(code));
  if (!row) throw notFound(CODE_NOT_FOUND);
  return {
    status: row.status as PublicReportStatus,
    filedAt: row.filedAt,
    updatedAt: row.updatedAt,
    reply: row.replySealed ? open(keyringFor(deps.config), row.replySealed) : null,
    repliedAt: row.repliedAt,
  };
}
