import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orders, users } from '../../../db/schema';
import { addDays, shopDate, startOfShopDate, wallClock } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { requirePermission } from '../permissions';

export interface SalesStatsDeps {
  /** The shop's `time_zone`, read at each call: its days and hours are the dashboard's. */
  timeZone(): string;
}

/**
 * Sales are summed per quarter hour in SQL, then placed in the shop's days and hours here: every
 * zone's offset, and every change of it, falls on a quarter hour, so no bucket straddles two.
 */
const QUARTER_HOUR_MS = 900_000;

/** The index of the last boundary at or before `at` (boundaries ascending, `at` after the first). */
function dayIndexOf(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? Infinity) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The dashboard's figures, from completed sales only, in the shop's time zone. */
export function createSalesStats(db: Db, deps: SalesStatsDeps) {
  return {
    summary(actor: Actor, now = new Date()) {
      requirePermission(actor, 'sales_stats.read');
      const timeZone = deps.timeZone();
      const today = shopDate(now, timeZone);
      const dates = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
      const dayStarts = dates.map((date) => startOfShopDate(date, timeZone));
      const todayStart = dayStarts[29] ?? startOfShopDate(today, timeZone);
      const monthStart = dayStarts[0] ?? todayStart;
      const tomorrowStart = startOfShopDate(addDays(today, 1), timeZone);
      const completed = eq(orders.status, 'completed');
      const quarter = sql<number>`${orders.createdAt} / ${sql.raw(String(QUARTER_HOUR_MS))}`;

      const quarterRows = db
        .select({ quarter, orders: sql<number>`count(*)`, total: sql<number>`sum(${orders.totalCents})` })
        .from(orders)
        .where(and(completed, gte(orders.createdAt, monthStart), lt(orders.createdAt, tomorrowStart)))
        .groupBy(quarter)
        .all();
      const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, total_cents: 0 }));
      const days = dates.map((date) => ({ date, orders: 0, total_cents: 0 }));
      for (const row of quarterRows) {
        const start = row.quarter * QUARTER_HOUR_MS;
        const day = days[dayIndexOf(dayStarts, start)];
        if (day) {
          day.orders += row.orders;
          day.total_cents += row.total;
        }
        const hour = start >= todayStart ? hours[wallClock(start, timeZone).hour] : undefined;
        if (hour) {
          hour.orders += row.orders;
          hour.total_cents += row.total;
        }
      }
      const byCashier = db
        .select({
          user_id: orders.userId,
          username: users.username,
          first_name: users.firstName,
          last_name: users.lastName,
          orders: sql<number>`count(*)`,
          total_cents: sql<number>`sum(${orders.totalCents})`,
        })
        .from(orders)
        .innerJoin(users, eq(users.id, orders.userId))
        .where(and(completed, gte(orders.createdAt, monthStart)))
        .groupBy(orders.userId)
        .orderBy(sql`sum(${orders.totalCents}) desc`)
        .all();

      return {
        today: {
          orders: hours.reduce((n, h) => n + h.orders, 0),
          total_cents: hours.reduce((n, h) => n + h.total_cents, 0),
          by_hour: hours,
        },
        last_30_days: days,
        by_cashier: byCashier,
      };
    },
  };
}
