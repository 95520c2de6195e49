// Append-only audit log, written in the same transaction as the change it records.
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
  await tx
    .insertInto('audit_entry')
    .values({
      actor_id: actor.userId,
      actor_name: actor.userName,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      request_id: actor.requestId,
      ip: actor.ip,
    })
    .execute();
}
