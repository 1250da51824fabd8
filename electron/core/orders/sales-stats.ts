import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orders, users } from '../../../db/schema';
import { addDays, shopDate, startOfShopDate } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { requirePermission } from '../permissions';

/** The dashboard's figures, from completed sales only, in the shop's local time. */
export function createSalesStats(db: Db) {
  return {
    summary(actor: Actor, now = new Date()) {
      requirePermission(actor, 'sales_stats.read');
      const today = shopDate(now);
      const todayStart = startOfShopDate(today);
      const monthStart = startOfShopDate(addDays(today, -29));
      const completed = eq(orders.status, 'completed');
      const localHour = sql<string>`strftime('%H', ${orders.createdAt} / 1000, 'unixepoch', 'localtime')`;
      const localDay = sql<string>`strftime('%Y-%m-%d', ${orders.createdAt} / 1000, 'unixepoch', 'localtime')`;

      const byHourRows = db
        .select({ hour: localHour, orders: sql<number>`count(*)`, total: sql<number>`sum(${orders.totalCents})` })
        .from(orders)
        .where(and(completed, gte(orders.createdAt, todayStart)))
        .groupBy(localHour)
        .all();
      const byDayRows = db
        .select({ day: localDay, orders: sql<number>`count(*)`, total: sql<number>`sum(${orders.totalCents})` })
        .from(orders)
        .where(and(completed, gte(orders.createdAt, monthStart)))
        .groupBy(localDay)
        .all();
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

      const hours = Array.from({ length: 24 }, (_, h) => {
        const row = byHourRows.find((r) => Number(r.hour) === h);
        return { hour: h, orders: row?.orders ?? 0, total_cents: row?.total ?? 0 };
      });
      const days = Array.from({ length: 30 }, (_, i) => {
        const day = addDays(today, i - 29);
        const row = byDayRows.find((r) => r.day === day);
        return { date: day, orders: row?.orders ?? 0, total_cents: row?.total ?? 0 };
      });
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
