import { priceOrder, type PricedOrder, type TaxRateRef } from '../../../../shared/pricing';
import type { TaxRateDto } from '../../../../shared/schemas/tax-rates';
import type { Sale } from './cart';

/** Why the sale on screen has no price yet. */
export type UnpricedReason = 'rates_unknown';

export type PricedSale = { kind: 'priced'; priced: PricedOrder } | { kind: 'unpriced'; reason: UnpricedReason };

/**
 * The sale on screen priced by the one pricing the server uses (shared/pricing), so the screen
 * never shows a total the server would compute differently. `rates` is every tax rate, inactive
 * ones too (a product keeps a rate deactivated later, and is still taxed at it); undefined until
 * read. A product whose rate is not in the list cannot be priced yet: the list is stale.
 */
export function priceSale(
  sale: Pick<Sale, 'lines' | 'discount'>,
  rates: readonly TaxRateDto[] | undefined,
  pricesIncludeTax: boolean,
): PricedSale {
  const byId = new Map<number, TaxRateRef>((rates ?? []).map((rate) => [rate.id, { id: rate.id, name: rate.name, rate_bp: rate.rate_bp }]));
  const lines = [];
  for (const line of sale.lines) {
    const rateId = line.product.tax_rate_id;
    const taxRate = rateId === null ? null : byId.get(rateId);
    if (taxRate === undefined) return { kind: 'unpriced', reason: 'rates_unknown' };
    lines.push({ unit_price_cents: line.product.price_cents, amount: line.qty, tax_rate: taxRate, discount: line.discount });
  }
  return { kind: 'priced', priced: priceOrder({ lines, discount: sale.discount, prices_include_tax: pricesIncludeTax }) };
}
