import { and, eq, isNotNull, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { cashMovements, payments, type CashSessionRow } from '../../../db/schema';

export interface CashTotals {
  opening_float_cents: number;
  sales_cents: number;
  refunds_cents: number;
  in_cents: number;
  out_cents: number;
  expected_cents: number;
}

const total = (amount: AnyColumn) => sql<number>`coalesce(sum(${amount}), 0)`.mapWith(Number);

function cashPaid(db: DbOrTx, sessionId: number, side: AnyColumn): number {
  const row = db
    .select({ cents: total(payments.amountCents) })
    .from(payments)
    .where(and(eq(payments.cashSessionId, sessionId), eq(payments.method, 'cash'), isNotNull(side)))
    .get();
  return row?.cents ?? 0;
}

function moved(db: DbOrTx, sessionId: number, type: 'in' | 'out'): number {
  const row = db
    .select({ cents: total(cashMovements.amountCents) })
    .from(cashMovements)
    .where(and(eq(cashMovements.cashSessionId, sessionId), eq(cashMovements.type, type)))
    .get();
  return row?.cents ?? 0;
}

/**
 * The drawer's cash from the session's own rows: the float, cash taken for sales (amounts, not
 * tendered: the change went back out), cash paid back for refunds, and the movements. A
 * closed session answers its frozen `expected_cash_cents`, so its report never changes.
 */
export function cashTotals(db: DbOrTx, session: CashSessionRow): CashTotals {
  const sales = cashPaid(db, session.id, payments.orderId);
  const refunds = cashPaid(db, session.id, payments.refundId);
  const cashIn = moved(db, session.id, 'in');
  const cashOut = moved(db, session.id, 'out');
  const running = session.openingFloatCents + sales - refunds + cashIn - cashOut;
  return {
    opening_float_cents: session.openingFloatCents,
    sales_cents: sales,
    refunds_cents: refunds,
    in_cents: cashIn,
    out_cents: cashOut,
    expected_cents: session.status === 'closed' && session.expectedCashCents !== null ? session.expectedCashCents : running,
  };
}
