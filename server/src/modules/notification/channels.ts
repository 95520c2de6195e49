// Outside channels (e-mail, SMS, 政务微信 …) for notices. The in-app notice is the source of truth: a
// channel only relays it, and each relay is recorded in notification_delivery (sent or failed, with the
// error), which is also what keeps a notice from being relayed twice on one channel. A gateway is
// plugged in by writing an adapter and naming it in XUNCHA_NOTIFY_CHANNELS (comma separated).
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export interface OutsideNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

export interface Recipient {
  userId: string;
  username: string;
  displayName: string;
}

export interface NotificationChannel {
  name: string;
  /** Relays one notice; throws when the gateway refuses (recorded as failed, not retried). */
  send(notice: OutsideNotice, recipient: Recipient): Promise<void>;
}

/** Records each delivery and writes one log line: the reference adapter, and a trail for audits. */
export function outboxLogChannel(log: (line: string) => void = () => {}): NotificationChannel {
  return {
    name: 'outbox-log',
    send: async (notice, recipient) => log(`[outbox] ${recipient.username}: ${notice.title}`),
  };
}

const ADAPTERS: Record<string, () => NotificationChannel> = {
  'outbox-log': () => outboxLogChannel((line) => console.log(line)),
};

/** The channels named in the configuration; an unknown name stops the start (a typo must not go unnoticed). */
export function channelsFromConfig(names: readonly string[]): NotificationChannel[] {
  return names.map((name) => {
    const adapter = ADAPTERS[name];
    if (!adapter)
      throw new Error(
        `XUNCHA_NOTIFY_CHANNELS 中的通知渠道 "${name}" 不存在，可用：${Object.keys(ADAPTERS).join('、')}`,
      );
    return adapter();
  });
}

/** Notices younger than this are relayed; older ones (e.g. from before a channel was enabled) are not. */
const RELAY_WINDOW = sql`interval '3 days'`;
/** Only one process relays at a time, so a notice is not sent twice by two processes. */
const DELIVERY_LOCK = 0x58434456;
const BATCH = 500;

/** Relays notices not yet handed to each channel; returns how many deliveries were recorded. */
export async function deliverPending(db: Db, channels: readonly NotificationChannel[]): Promise<number> {
  let recorded = 0;
  for (const channel of channels) {
    recorded += await db.transaction().execute(async (tx) => {
      const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${DELIVERY_LOCK}) AS locked`.execute(
        tx,
      );
      if (!lock.rows[0]?.locked) return 0;
      const pending = await tx
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .select([
          'n.id',
          'n.kind',
          'n.title',
          'n.body',
          'n.link',
          'u.id as userId',
          'u.username',
          'u.display_name as displayName',
        ])
        .where('n.created_at', '>', sql<string>`now() - ${RELAY_WINDOW}`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notification_delivery as d')
                .select('d.channel')
                .whereRef('d.notification_id', '=', 'n.id')
                .where('d.channel', '=', channel.name),
            ),
          ),
        )
        .orderBy('n.created_at')
        .limit(BATCH)
        .execute();
      for (const row of pending) {
        const error = await channel.send(row, row).then(
          () => null,
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        await tx
          .insertInto('notification_delivery')
          .values({ notification_id: row.id, channel: channel.name, status: error ? 'failed' : 'sent', error })
          .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
          .execute();
      }
      return pending.length;
    });
  }
  return recorded;
}
