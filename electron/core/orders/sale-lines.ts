import type { CreateOrderInput, DiscountInput } from '../../../shared/schemas/orders';
import { DomainError, invalidField } from '../errors';

/** A line of the sale as it will be stored: one per product, with its own discount. */
export interface SaleLine {
  productId: number;
  amount: number;
  discount: DiscountInput | null;
  /** Where the line (its first mention) is in the body's `items`, to name a field. */
  itemIndex: number;
}

/**
 * Lines naming the same product are merged (amounts added; docs/api.md). A discount belongs to
 * one line: a product with a discount must be on one line only, since "10 % off" on one of two
 * lines of it has no single meaning once they are one line.
 */
export function mergeSaleLines(items: CreateOrderInput['items']): SaleLine[] {
  const byProduct = new Map<number, SaleLine>();
  items.forEach((item, index) => {
    const discount = item.discount ?? null;
    const seen = byProduct.get(item.product_id);
    if (!seen) {
      byProduct.set(item.product_id, { productId: item.product_id, amount: item.amount, discount, itemIndex: index });
      return;
    }
    if (seen.discount !== null || discount !== null) {
      throw invalidField(
        `items.${index}.discount`,
        'A product with a discount must be on one line only: put all its units on the discounted line.',
      );
    }
    seen.amount += item.amount;
  });
  return [...byProduct.values()];
}

/** The units asked of each product, for the customer's caps and the stock check. */
export function amountsOf(lines: readonly SaleLine[]): Map<number, number> {
  return new Map(lines.map((line) => [line.productId, line.amount]));
}

/** 403 `approval_required`: the sale's discount share is above what the creator may give alone. */
export function discountApprovalRequired(discountCents: number, subtotalCents: number, maxPercent: number): DomainError {
  return new DomainError(
    'approval_required',
    `This discount is more than ${maxPercent} % of the sale, the most you may give; a manager must approve it.`,
    { details: [{ discount_cents: discountCents, subtotal_cents: subtotalCents, max_discount_percent: maxPercent }] },
  );
}
