import type { DbOrTx } from '../../../db/client';
import type { CashSessionRow } from '../../../db/schema';
import type { CashSessionDto } from '../../../shared/schemas/cash';
import { cashTotals } from './cash-totals';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The contract's session; `expected_cash_cents` runs while open and is the frozen value once closed. */
export function toCashSessionDto(db: DbOrTx, row: CashSessionRow): CashSessionDto {
  return {
    id: row.id,
    register_id: row.registerId,
    status: row.status,
    opened_by: row.openedBy,
    opened_at: new Date(row.openedAt).toISOString(),
    opening_float_cents: row.openingFloatCents,
    // A closed session's figure is frozen in its row: a page of them costs no sums.
    expected_cash_cents:
      row.status === 'closed' && row.expectedCashCents !== null ? row.expectedCashCents : cashTotals(db, row).expected_cents,
    closed_by: row.closedBy,
    closed_at: iso(row.closedAt),
    counted_cash_cents: row.countedCashCents,
    variance_cents: row.varianceCents,
    note: row.note,
  };
}
