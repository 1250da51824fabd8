import { priceOrder, PricingInputError, type PricedOrder, type TaxRateRef } from '../../../shared/pricing';
import type { DiscountInput } from '../../../shared/schemas/orders';
import { invalidField } from '../errors';
import type { SaleLine } from './sale-lines';

/** A line with the product's price and rate as read inside the sale's transaction. */
export interface PricedSaleLine extends SaleLine {
  unitPriceCents: number;
  taxRate: TaxRateRef | null;
}

/** The body's name of a pricing input: `lines.<i>` is `items.<where the line was in the body>`. */
function fieldOf(path: readonly (string | number)[], lines: readonly PricedSaleLine[]): string {
  const [head, index, ...rest] = path;
  if (head === 'lines' && typeof index === 'number') return ['items', lines[index]?.itemIndex ?? index, ...rest].join('.');
  return path.join('.');
}

function messageOf(path: readonly (string | number)[], error: PricingInputError): string {
  const [head, , ...rest] = path;
  if (head === 'lines' && rest.join('.') === 'discount.value') return 'An amount discount is at most the line’s price × amount.';
  return error.message;
}

/**
 * The sale priced by the one pricing function (shared/pricing), with the prices and rates read
 * in the transaction. What it refuses is 400 `validation_failed` naming the body's field
 * (e.g. `items.2.discount.value` for an amount discount above the line's gross).
 */
export function priceSale(lines: readonly PricedSaleLine[], discount: DiscountInput | null, pricesIncludeTax: boolean): PricedOrder {
  try {
    return priceOrder({
      lines: lines.map((line) => ({
        unit_price_cents: line.unitPriceCents,
        amount: line.amount,
        tax_rate: line.taxRate,
        discount: line.discount,
      })),
      discount,
      prices_include_tax: pricesIncludeTax,
    });
  } catch (error) {
    if (error instanceof PricingInputError) throw invalidField(fieldOf(error.path, lines), messageOf(error.path, error));
    throw error;
  }
}
