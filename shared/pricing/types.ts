export type DiscountType = 'percent' | 'amount';

/** A discount as asked for: percent 0–100, or cents. */
export interface Discount {
  readonly type: DiscountType;
  readonly value: number;
}

/** A tax rate as copied onto a line at the time of sale. */
export interface TaxRateRef {
  readonly id: number;
  readonly name: string;
  readonly rate_bp: number;
}

/** One rate's tax over a sale or a refund (the `order_taxes` / `refund_taxes` row). */
export interface TaxEntry {
  readonly tax_rate_id: number;
  readonly name: string;
  readonly rate_bp: number;
  readonly taxable_cents: number;
  readonly tax_cents: number;
}
