import type { OutboxMessage } from './settings-text';

/** A PIN lives 10 minutes (docs/contract/API.md, Auth). */
const PIN_LIFETIME_MS = 10 * 60 * 1000;

export const OUTBOX_STATUS: Record<OutboxMessage['status'], { label: string; color: string; hint: string }> = {
  outbox: {
    label: 'Not sent — relay by hand',
    color: 'orange',
    hint: 'No mail server or SMS gateway was set up: pass this message on yourself.',
  },
  pending: { label: 'Pending', color: 'blue', hint: 'Being sent; failed attempts are retried.' },
  sent: { label: 'Sent', color: 'teal', hint: 'Delivered to the mail server or SMS gateway.' },
  failed: { label: 'Failed', color: 'red', hint: 'Every attempt failed; ShopDesk gave up. The person can ask for a new PIN.' },
};

/** Whether the PIN of a message written then can no longer be used (at `now`, epoch ms). */
export function isPinExpired(message: Pick<OutboxMessage, 'created_at'>, now: number): boolean {
  return now - new Date(message.created_at).getTime() > PIN_LIFETIME_MS;
}

/** How many PINs still wait for someone to pass them on by hand. */
export function pinsWaiting(messages: readonly OutboxMessage[], now: number): number {
  return messages.filter((m) => m.status === 'outbox' && !isPinExpired(m, now)).length;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago". */
export function ago(iso: string, now: number): string {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
