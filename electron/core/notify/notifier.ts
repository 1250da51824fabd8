import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';
import { normalizePhone } from '../../../shared/contact';
import type { ResetChannel } from '../../../shared/schemas/password-reset';
import type { Actor } from '../actor';
import type { EnvConfig } from '../config';
import { requirePermission } from '../permissions';
import type { SettingsService } from '../settings/settings-service';
import { createEmailChannel, createSmsChannel, type Channel, type OutgoingMessage } from './channels';
import { readNotifyConfig } from './notify-config';

/** Seconds before each retry of a failed delivery; then the message is given up on. */
const RETRY_DELAYS_S = [5, 30, 120, 600, 3600];
const POLL_INTERVAL_MS = 2_000;

/**
 * Once a message has left (or been given up on), the database keeps no readable PIN: only the
 * outbox, where a person must relay it, holds one.
 */
function maskCodes(text: string): string {
  return text.replace(/\b\d{6}\b/g, '••••••');
}

export type Log = (line: string) => void;

/** A message just written to the outbox: `pending` until sent, `outbox` when no channel is set. */
export interface QueuedMessage {
  id: number;
  status: 'pending' | 'outbox';
}

/**
 * Messages to people (reset PINs, test messages). Each is written to the outbox table first,
 * in the caller's transaction, then delivered in the background with retries, so a slow or
 * failing mail server never changes what the requester sees. With no channel configured the
 * message stays in the outbox, where only the Super Admin can read it.
 */
export function createNotifier(db: Db, env: Partial<EnvConfig>, settings: SettingsService, log: Log) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let passWanted = false;
  // After stop() no pass may start: the database is about to close under it.
  let stopped = false;

  function isConfigured(kind: ResetChannel): boolean {
    const config = readNotifyConfig(env, settings);
    return (kind === 'email' ? config.smtpUrl : config.smsWebhookUrl) !== null;
  }

  function channelFor(kind: ResetChannel): Channel | null {
    const config = readNotifyConfig(env, settings);
    if (kind === 'email') return config.smtpUrl ? createEmailChannel(config.smtpUrl, config.mailFrom) : null;
    return config.smsWebhookUrl ? createSmsChannel(config.smsWebhookUrl) : null;
  }

  async function deliverDue(now = Date.now()): Promise<void> {
    const due = db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
      .orderBy(asc(outboxMessages.id))
      .limit(20)
      .all();
    for (const message of due) {
      const channel = channelFor(message.channel);
      if (!channel) {
        db.update(outboxMessages).set({ status: 'outbox' }).where(eq(outboxMessages.id, message.id)).run();
        log(`message ${message.id} kept in the outbox: no ${message.channel} channel is configured`);
        continue;
      }
      try {
        await channel.send({ to: message.recipient, subject: message.subject, text: message.body, html: message.html ?? undefined });
        db.update(outboxMessages)
          .set({ status: 'sent', body: maskCodes(message.body), sentAt: Date.now(), attempts: message.attempts + 1, lastError: null })
          .where(eq(outboxMessages.id, message.id))
          .run();
      } catch (error) {
        const attempts = message.attempts + 1;
        const delay = RETRY_DELAYS_S[attempts - 1];
        const reason = error instanceof Error ? error.message : String(error);
        db.update(outboxMessages)
          .set({
            attempts,
            lastError: reason.slice(0, 500),
            ...(delay === undefined
              ? { status: 'failed' as const, body: maskCodes(message.body), nextAttemptAt: null }
              : { nextAttemptAt: Date.now() + delay * 1000 }),
          })
          .where(eq(outboxMessages.id, message.id))
          .run();
        log(
          `delivery of message ${message.id} by ${message.channel} failed (attempt ${attempts}): ${reason}${delay === undefined ? '; given up' : `; retrying in ${delay} s`}`,
        );
      }
    }
  }

  /** Runs a delivery pass now; one asked for during a pass runs right after it. */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      passWanted = true;
      return running;
    }
    running = deliverDue().finally(() => {
      running = undefined;
      if (passWanted) {
        passWanted = false;
        void kick();
      }
    });
    return running;
  }

  return {
    /**
     * Queues a message inside the caller's transaction; delivery starts after it commits. Says
     * which row it is and whether it will be sent (`pending`) or only kept (`outbox`).
     */
    enqueue(tx: DbOrTx, channel: ResetChannel, message: OutgoingMessage, now = Date.now()): QueuedMessage {
      const configured = isConfigured(channel);
      const status = configured ? 'pending' : 'outbox';
      const row = tx
        .insert(outboxMessages)
        .values({
          channel,
          recipient: message.to,
          subject: message.subject,
          body: message.text,
          html: message.html ?? null,
          status,
          nextAttemptAt: configured ? now : null,
          createdAt: now,
        })
        .returning({ id: outboxMessages.id })
        .get();
      if (!configured)
        log(
          `a message to send by ${channel} was kept in the outbox: no ${channel} channel is configured (the Super Admin can read it in the UI)`,
        );
      return { id: row.id, status };
    },

    kick,

    /** Masks the PINs of earlier messages to a recipient once they can no longer be used. */
    retire(tx: DbOrTx, recipient: string): void {
      const rows = tx
        .select({ id: outboxMessages.id, body: outboxMessages.body })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.status, 'outbox')))
        .all();
      for (const row of rows)
        tx.update(outboxMessages)
          .set({ body: maskCodes(row.body) })
          .where(eq(outboxMessages.id, row.id))
          .run();
    },

    start(): void {
      timer ??= setInterval(() => void kick().catch((error: unknown) => log(`delivery pass failed: ${String(error)}`)), POLL_INTERVAL_MS);
      timer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },

    /** Sends at once, for "send a test message" on the settings screen. */
    async sendTest(actor: Actor, channel: ResetChannel, rawTo: string): Promise<{ ok: boolean; error?: string }> {
      requirePermission(actor, 'notify.send_test');
      const to = channel === 'phone' ? normalizePhone(rawTo) : rawTo.trim();
      const target = channelFor(channel);
      if (!target) return { ok: false, error: `No ${channel === 'email' ? 'SMTP server' : 'SMS gateway'} is configured.` };
      try {
        await target.send({ to, subject: 'ShopDesk test message', text: 'This is a test message from ShopDesk. Delivery works.' });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    /** The outbox and delivery log, for the Super Admin only (never an API response). */
    list(actor: Actor, limit = 100) {
      requirePermission(actor, 'outbox.read');
      return db
        .select()
        .from(outboxMessages)
        .where(inArray(outboxMessages.status, ['outbox', 'pending', 'failed', 'sent']))
        .orderBy(desc(outboxMessages.id))
        .limit(limit)
        .all()
        .map((m) => ({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          subject: m.subject,
          // Only a message waiting to be relayed by hand shows its PIN.
          body: m.status === 'outbox' ? m.body : maskCodes(m.body),
          status: m.status,
          attempts: m.attempts,
          last_error: m.lastError,
          created_at: new Date(m.createdAt).toISOString(),
          sent_at: m.sentAt === null ? null : new Date(m.sentAt).toISOString(),
        }));
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
