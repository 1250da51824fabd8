import type { OrderDto } from '../../../../shared/schemas/orders';
import { shopDate } from '../../../../shared/shop-date';
import { shopClockFormat, shopTimeZone } from '../../lib/dates';

export type OrderStatus = OrderDto['status'];

export const STATUS_LABELS: Record<OrderStatus, string> = { open: 'Open', completed: 'Completed', cancelled: 'Cancelled' };
export const STATUS_COLORS: Record<OrderStatus, string> = { open: 'blue', completed: 'teal', cancelled: 'gray' };

// On the shop's clock, whatever the zone of the computer showing them.
const whenFormat = () => shopClockFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFormat = () => shopClockFormat({ hour: '2-digit', minute: '2-digit' });
const sameShopDay = (a: Date, b: Date) => shopDate(a, shopTimeZone()) === shopDate(b, shopTimeZone());

/** "Today, 14:05" for today's orders, the full date otherwise. */
export function formatWhen(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return sameShopDay(at, now) ? `Today, ${timeFormat().format(at)}` : whenFormat().format(at);
}

export const formatFullWhen = (iso: string) => whenFormat().format(new Date(iso));

export const itemCountOf = (order: Pick<OrderDto, 'items'>) => order.items.reduce((n, item) => n + item.amount, 0);
