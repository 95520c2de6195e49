// Helpers for the org API tests: row counts of this area's tables and PATCH through the harness.
import { sql } from 'kysely';
import type { Client, Harness } from '../../test/harness.ts';

type OrgTable = 'committee' | 'org_unit' | 'org_unit_event' | 'committee_member' | 'user_role' | 'audit_entry';

export async function count(h: Harness, table: OrgTable): Promise<number> {
  const row = await h.database.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts of every table a refused org request must leave alone. */
export async function snapshot(h: Harness): Promise<Record<OrgTable, number>> {
  const tables: OrgTable[] = [
    'committee',
    'org_unit',
    'org_unit_event',
    'committee_member',
    'user_role',
    'audit_entry',
  ];
  const counts = await Promise.all(tables.map(async (t) => [t, await count(h, t)] as const));
  return Object.fromEntries(counts) as Record<OrgTable, number>;
}

export function patch(client: Client, url: string, body: unknown) {
  return client.request({ method: 'PATCH', url, payload: body as object });
}

/** A demo id looked up by key (the demo maps are Records, so a lookup may be undefined). */
export function must(id: string | undefined): string {
  if (!id) throw new Error('unknown demo id');
  return id;
}
