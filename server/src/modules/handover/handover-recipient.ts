// Who receives a handover: 纪委监委 for clues, 组织部 for 选人用人 problems (both named after the committee
// unless the sender types the name), or a competent department — an active unit of the committee that is
// not the inspected unit nor inside it (a unit never handles problems found about itself).
import type { HandoverCreate } from '@xuncha/contracts';
import type { Tx } from '../../platform/db.ts';
import { badRequest } from '../../platform/errors.ts';
import type { InspectionRow } from '../inspection/inspection.repository.ts';
import { committeeOf, unitOfCommittee } from './handover-write.repository.ts';

/** The bodies are named the way the committee calls itself: 区委 → 区纪委监委, 中共某县委 → 某县纪委监委. */
export function disciplineBodyName(committeeName: string): string {
  const place = committeeName.replace(/^中共/, '').replace(/(党)?委$/, '');
  return `${place}纪委监委`;
}

/** 区委 → 区委组织部 */
export const organizationBodyName = (committeeName: string) => `${committeeName}组织部`;

export async function resolveRecipient(tx: Tx, inspection: InspectionRow, input: HandoverCreate) {
  const typed = input.recipientName || null;
  if (input.kind !== 'other') {
    if (typed) return { unitId: null, name: typed };
    const committee = await committeeOf(tx, inspection.committeeId);
    const own = committee.shortName ?? committee.name;
    return { unitId: null, name: input.kind === 'clue' ? disciplineBodyName(own) : organizationBodyName(own) };
  }
  const unit = await unitOfCommittee(tx, input.recipientUnitId as string, inspection.committeeId);
  if (!unit?.active || unit.path.startsWith(inspection.unitPath)) {
    const message = '接收部门应为本党委的其他在用单位，不能是被巡察单位';
    throw badRequest(message, [{ path: 'recipientUnitId', message }]);
  }
  return { unitId: unit.id, name: typed ?? unit.name };
}
