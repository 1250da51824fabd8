import { shopDate } from '../../../shared/shop-date';
import type { TimeEntriesRange } from '../../../shared/schemas/time-entries';
import { invalidField } from '../errors';

const MAX_RANGE_DAYS = 366;

export interface ShopDateRange {
  from: string;
  to: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Shop dates, both ends included. Left out, the range is the pay period a shop looks at most:
 * `to` today, `from` the first of `to`'s month.
 */
export function resolveRange(range: TimeEntriesRange, timeZone: string, now: number): ShopDateRange {
  const to = range.to ?? (range.from && range.from > shopDate(now, timeZone) ? range.from : shopDate(now, timeZone));
  const from = range.from ?? `${to.slice(0, -2)}01`;
  if (to < from) throw invalidField('to', 'The end of the range is before its start.');
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw invalidField('to', `Ask for at most ${MAX_RANGE_DAYS} days at once.`);
  return { from, to };
}
