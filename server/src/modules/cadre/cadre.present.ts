// Rows as the API shows them: codes typed for the contracts, abilities for the UI's buttons.
import type { Appraisal, Cadre } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import type { AppraisalRow } from './appraisal.repository.ts';
import { cadreAbilities } from './cadre.policy.ts';
import type { CadreRow } from './cadre.repository.ts';

export function presentCadre(row: CadreRow, user: SessionUser): Cadre {
  const { committeeId, ...rest } = row;
  return {
    ...rest,
    gender: rest.gender as Cadre['gender'],
    skills: rest.skills as Cadre['skills'],
    abilities: cadreAbilities(user, committeeId),
  };
}

export function presentAppraisal(row: AppraisalRow): Appraisal {
  return { ...row, grade: row.grade as Appraisal['grade'] };
}
