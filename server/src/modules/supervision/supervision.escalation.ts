// The escalation sweeper (registered in reminder/sweepers.ts): an order still unanswered when its response
// date plus the committee's 督办单逾期未答复提级 working days has passed goes to the 领导小组. The update is
// conditional (status = 'issued') and the notice has a dedupe key, so a second run changes nothing.
import { addTimeLimit } from '@xuncha/contracts';
import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import type { Sweeper } from '../reminder/sweepers.ts';
import { timeLimitOf } from '../time-limit/time-limit.repository.ts';
import { notifyLeaders } from './supervision-step.service.ts';
import { insertEvent, moveOrder, unansweredBefore } from './supervision-write.repository.ts';

const SYSTEM = { userId: null, userName: '系统', requestId: null, ip: null };

export async function escalateUnanswered(tx: Db, asOf: string): Promise<number> {
  const candidates = await unansweredBefore(tx, asOf);
  if (candidates.length === 0) return 0;
  const isWorkday = await loadWorkCalendar(tx);
  const limits = new Map<string, Awaited<ReturnType<typeof timeLimitOf>>>();
  let created = 0;
  for (const o of candidates) {
    let limit = limits.get(o.committeeId);
    if (!limit) {
      limit = await timeLimitOf(tx, o.committeeId, 'supervision_escalation');
      limits.set(o.committeeId, limit);
    }
    if (addTimeLimit(o.responseDue, limit, isWorkday) >= asOf) continue;
    if (!(await moveOrder(tx, o.id, 'issued', 'escalated', { escalated_at: sql<string>`now()` }))) continue;
    await insertEvent(tx, {
      orderId: o.id,
      event: 'escalate',
      from: 'issued',
      to: 'escalated',
      comment: '逾期未答复，系统自动提级',
      actorId: null,
    });
    // the sweep runs every sweeper inside its own transaction (runSweep), so this is that transaction
    await writeAudit(tx as Tx, SYSTEM, {
      action: 'supervision.escalate',
      entity: 'supervision_order',
      entityId: o.id,
      before: { status: 'issued' },
      after: { status: 'escalated', asOf },
    });
    created += await notifyLeaders(tx, { ...o, code: `督办〔${o.year}〕${o.seq}号` });
  }
  return created;
}

export const supervisionEscalationSweeper: Sweeper = {
  name: 'supervision_escalation',
  run: escalateUnanswered,
};
