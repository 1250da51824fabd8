import type { PricedRefund, TaxEntry } from '../../../shared/pricing';
import { spreadByWeight } from '../../../shared/pricing/spread';

/** What is left of one of the sale's rates, before this refund. */
export interface RateBalance {
  /** The sale's tax at the rate (its `order_taxes` row). */
  soldTaxCents: number;
  /** Σ tax at the rate of the sale's earlier refunds. */
  refundedTaxCents: number;
  /** After this refund, every unit sold at the rate is refunded. */
  takesLastUnits: boolean;
}

/**
 * Rounding per refund can give back a cent more or less tax than the sale took, so partial
 * refunds could add up to more than was paid. As the floor rule does for the net, the refund
 * taking a rate's last units gets what is left of the sale's tax at that rate, and no refund
 * takes more than is left: refunds of every unit add up to the sale's taxes and total exactly.
 */
export function settleRefundTaxes(
  priced: PricedRefund,
  balances: ReadonlyMap<number, RateBalance>,
  pricesIncludeTax: boolean,
): PricedRefund {
  const taxes: TaxEntry[] = priced.taxes.map((entry) => {
    const balance = balances.get(entry.tax_rate_id);
    if (!balance) return entry;
    const left = Math.max(0, balance.soldTaxCents - balance.refundedTaxCents);
    return { ...entry, tax_cents: balance.takesLastUnits ? left : Math.min(entry.tax_cents, left) };
  });
  const lineTaxes = priced.lines.map(() => 0);
  for (const entry of taxes) {
    const indexes = priced.lines.flatMap((line, index) => (line.tax_rate_id === entry.tax_rate_id ? [index] : []));
    const nets = indexes.map((index) => priced.lines[index]?.net_line_cents ?? 0);
    // Nothing left to weigh by (lines refunded at 0): the first line carries the rate's tax.
    const parts = nets.some((net) => net > 0) ? spreadByWeight(entry.tax_cents, nets) : nets.map((_, i) => (i === 0 ? entry.tax_cents : 0));
    indexes.forEach((lineIndex, part) => (lineTaxes[lineIndex] = parts[part] ?? 0));
  }
  const taxCents = taxes.reduce((sum, entry) => sum + entry.tax_cents, 0);
  const netCents = priced.lines.reduce((sum, line) => sum + line.net_line_cents, 0);
  return {
    lines: priced.lines.map((line, index) => ({ ...line, tax_cents: lineTaxes[index] ?? 0 })),
    taxes,
    tax_cents: taxCents,
    total_cents: pricesIncludeTax ? netCents : netCents + taxCents,
  };
}
