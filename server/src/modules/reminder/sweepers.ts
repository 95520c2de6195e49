// The registry of reminder sweepers run by runSweep (ARCHITECTURE "jobs"). Each sweeper is one or a few
// set-based statements that insert notices with a dedupe key, so running it again, or concurrently in
// another process, creates nothing twice. Add a sweeper with one line in the list below.
import type { Tx } from '../../platform/db.ts';
import { supervisionEscalationSweeper } from '../supervision/supervision.escalation.ts';
import { remindPlans, remindReports } from './case-reminders.ts';
import { remindTasks } from './task-reminders.ts';

export interface Sweeper {
  /** the key of its count in sweep_run.details and in the API's answer */
  name: string;
  /** Creates the notices due on `asOf` (a Shanghai calendar date); returns how many were new. */
  run(tx: Tx, asOf: string): Promise<number>;
}

export const sweepers: Sweeper[] = [
  { name: 'tasks', run: remindTasks },
  { name: 'plans', run: remindPlans },
  { name: 'reports', run: remindReports },
  supervisionEscalationSweeper,
];
