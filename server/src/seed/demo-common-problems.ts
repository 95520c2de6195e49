// issue 9 — demo data of this part, filled in by it.
import type { Tx } from '../platform/db.ts';
import type { DistrictContext } from './demo-district.ts';

export async function seedDemoCommonProblems(_tx: Tx, _context: DistrictContext): Promise<void> {}
