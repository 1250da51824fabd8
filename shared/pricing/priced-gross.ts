import { sumExact } from './integer-math';

/** What a stored sale or refund keeps of its pricing: its lines' net, its tax, its total. */
export interface StoredPricing {
  readonly total_cents: number;
  readonly tax_cents: number;
  readonly items: readonly { readonly net_line_cents: number }[];
}

/**
 * Whether a stored sale (or refund) was priced with tax included, read off its own figures and
 * not off today's shop setting: a net-priced total adds the tax to the lines
 * (`total = Σ net_line_cents + tax`), a gross one does not (`total = Σ net_line_cents`). With no
 * tax both read the same, and it counts as gross, as the refunds count it.
 */
export function pricesIncludedTax(stored: StoredPricing): boolean {
  if (stored.tax_cents === 0) return true;
  const net = sumExact(stored.items.map((item) => item.net_line_cents));
  return stored.total_cents !== sumExact([net, stored.tax_cents]);
}
