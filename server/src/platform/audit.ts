// Append-only audit log, written in the same transaction as the change it records. Each entry joins
// the SM3 hash chain (audit-chain.ts); the database refuses updates and deletes (migration 0015).
import { appendAuditEntry } from './audit-chain.ts';
import type { Tx } from './db.ts';

export interface AuditActor {
  userId: string | null;
  userName: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(tx: Tx, actor: AuditActor, record: AuditRecord): Promise<void> {
  await appendAuditEntry(tx, {
    actor_id: actor.userId,
    actor_name: actor.userName,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    before: record.before,
    after: record.after,
    request_id: actor.requestId,
    ip: actor.ip,
  });
}
