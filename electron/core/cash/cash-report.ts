import { and, asc, eq, inArray, isNotNull, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { orders, orderTaxes, payments, refunds, refundTaxes, users, type CashSessionRow } from '../../../db/schema';
import type { CashReportDto } from '../../../shared/schemas/cash';
import { toCashSessionDto } from './cash-session-dto';
import { cashTotals } from './cash-totals';

const sum = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
const count = () => sql<number>`count(*)`.mapWith(Number);

function sales(db: DbOrTx, sessionId: number): CashReportDto['sales'] {
  const row = db
    .select({
      count: count(),
      subtotal_cents: sum(orders.subtotalCents),
      discount_cents: sum(orders.discountCents),
      tax_cents: sum(orders.taxCents),
      total_cents: sum(orders.totalCents),
    })
    .from(orders)
    .where(and(eq(orders.cashSessionId, sessionId), eq(orders.status, 'completed')))
    .get();
  return row ?? { count: 0, subtotal_cents: 0, discount_cents: 0, tax_cents: 0, total_cents: 0 };
}

function refundTotals(db: DbOrTx, sessionId: number): CashReportDto['refunds'] {
  const row = db
    .select({ count: count(), total_cents: sum(refunds.totalCents), tax_cents: sum(refunds.taxCents) })
    .from(refunds)
    .where(eq(refunds.cashSessionId, sessionId))
    .get();
  return row ?? { count: 0, total_cents: 0, tax_cents: 0 };
}

/** Tax per rate, sales' minus refunds', for the rates that have rows. */
function taxes(db: DbOrTx, sessionId: number): CashReportDto['taxes'] {
  const sold = db
    .select({ rate_bp: orderTaxes.rateBp, taxable_cents: sum(orderTaxes.taxableCents), tax_cents: sum(orderTaxes.taxCents) })
    .from(orderTaxes)
    .innerJoin(orders, eq(orders.id, orderTaxes.orderId))
    .where(and(eq(orders.cashSessionId, sessionId), eq(orders.status, 'completed')))
    .groupBy(orderTaxes.rateBp)
    .all();
  const refunded = db
    .select({ rate_bp: refundTaxes.rateBp, taxable_cents: sum(refundTaxes.taxableCents), tax_cents: sum(refundTaxes.taxCents) })
    .from(refundTaxes)
    .innerJoin(refunds, eq(refunds.id, refundTaxes.refundId))
    .where(eq(refunds.cashSessionId, sessionId))
    .groupBy(refundTaxes.rateBp)
    .all();
  const byRate = new Map<number, { taxable_cents: number; tax_cents: number }>();
  for (const [rows, sign] of [
    [sold, 1],
    [refunded, -1],
  ] as const) {
    for (const r of rows) {
      const line = byRate.get(r.rate_bp) ?? { taxable_cents: 0, tax_cents: 0 };
      byRate.set(r.rate_bp, { taxable_cents: line.taxable_cents + sign * r.taxable_cents, tax_cents: line.tax_cents + sign * r.tax_cents });
    }
  }
  return [...byRate.entries()].sort(([a], [b]) => a - b).map(([rate_bp, line]) => ({ rate_bp, ...line }));
}

function tenders(db: DbOrTx, sessionId: number, side: AnyColumn): CashReportDto['tenders'] {
  return db
    .select({ method: payments.method, count: count(), amount_cents: sum(payments.amountCents) })
    .from(payments)
    .where(and(eq(payments.cashSessionId, sessionId), isNotNull(side)))
    .groupBy(payments.method)
    .orderBy(asc(payments.method))
    .all();
}

/** Sales by who completed them. */
function cashiers(db: DbOrTx, sessionId: number): CashReportDto['cashiers'] {
  const rows = db
    .select({ user_id: orders.completedBy, count: count(), total_cents: sum(orders.totalCents) })
    .from(orders)
    .where(and(eq(orders.cashSessionId, sessionId), eq(orders.status, 'completed'), isNotNull(orders.completedBy)))
    .groupBy(orders.completedBy)
    .orderBy(asc(orders.completedBy))
    .all();
  const ids = rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id]));
  const people = ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids)).all();
  return rows.flatMap((r) => {
    if (r.user_id === null) return [];
    const person = people.find((u) => u.id === r.user_id);
    const name = person ? `${person.firstName} ${person.lastName}`.trim() || person.username : '';
    return [{ user_id: r.user_id, name, count: r.count, total_cents: r.total_cents }];
  });
}

/** The lowest and highest receipt numbers of the session's sales and refunds (null when none). */
function receiptRange(db: DbOrTx, sessionId: number): { first: number | null; last: number | null } {
  const sold = db
    .select({ first: sql<number | null>`min(${orders.receiptNo})`, last: sql<number | null>`max(${orders.receiptNo})` })
    .from(orders)
    .where(eq(orders.cashSessionId, sessionId))
    .get();
  const refunded = db
    .select({ first: sql<number | null>`min(${refunds.receiptNo})`, last: sql<number | null>`max(${refunds.receiptNo})` })
    .from(refunds)
    .where(eq(refunds.cashSessionId, sessionId))
    .get();
  const firsts = [sold?.first, refunded?.first].filter((n): n is number => typeof n === 'number');
  const lasts = [sold?.last, refunded?.last].filter((n): n is number => typeof n === 'number');
  return { first: firsts.length ? Math.min(...firsts) : null, last: lasts.length ? Math.max(...lasts) : null };
}

/** The X report (open) or Z report (closed) of one session, never from a date range. */
export function cashReport(db: DbOrTx, session: CashSessionRow): CashReportDto {
  const range = receiptRange(db, session.id);
  return {
    session: toCashSessionDto(db, session),
    sales: sales(db, session.id),
    refunds: refundTotals(db, session.id),
    taxes: taxes(db, session.id),
    tenders: tenders(db, session.id, payments.orderId),
    refund_tenders: tenders(db, session.id, payments.refundId),
    cash: cashTotals(db, session),
    cashiers: cashiers(db, session.id),
    first_receipt_no: range.first,
    last_receipt_no: range.last,
  };
}
