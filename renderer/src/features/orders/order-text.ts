import type { OrderDto } from '../../../../shared/schemas/orders';

export type OrderStatus = OrderDto['status'];

export const STATUS_LABELS: Record<OrderStatus, string> = { open: 'Open', completed: 'Completed', cancelled: 'Cancelled' };
export const STATUS_COLORS: Record<OrderStatus, string> = { open: 'blue', completed: 'teal', cancelled: 'gray' };

const whenFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "Today, 14:05" for today's orders, the full date otherwise. */
export function formatWhen(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return sameDay(at, now) ? `Today, ${timeFormat.format(at)}` : whenFormat.format(at);
}

export const formatFullWhen = (iso: string) => whenFormat.format(new Date(iso));

export const itemCountOf = (order: Pick<OrderDto, 'items'>) => order.items.reduce((n, item) => n + item.amount, 0);
