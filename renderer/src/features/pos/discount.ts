import type { Discount } from '../../../../shared/pricing';
import { formatMoney } from '../../lib/money';

/** Why a discount cannot be given as typed; null when it can. */
export type DiscountRefusal = 'not_whole' | 'negative' | 'percent_above_100' | 'amount_above_price';

/**
 * The rules of API-SELLING.md "Discounts": a percent is a whole 0–100, an amount whole cents at
 * most what it discounts (`maxCents`: the line's gross, or the sale after its line discounts).
 */
export function discountRefusal(discount: Discount, maxCents: number): DiscountRefusal | null {
  if (!Number.isSafeInteger(discount.value)) return 'not_whole';
  if (discount.value < 0) return 'negative';
  if (discount.type === 'percent' && discount.value > 100) return 'percent_above_100';
  if (discount.type === 'amount' && discount.value > maxCents) return 'amount_above_price';
  return null;
}

/** A discount of nothing is no discount: the line shows no badge and the order sends none. */
export const isNoDiscount = (discount: Discount | null | undefined): boolean => !discount || discount.value === 0;

/** An amount discount never outgrows what it discounts (a quantity lowered, a price changed). */
export function fitDiscount(discount: Discount | null, maxCents: number): Discount | null {
  if (discount === null || discount.type === 'percent' || discount.value <= maxCents) return discount;
  return maxCents === 0 ? null : { type: 'amount', value: maxCents };
}

/** "−10 %" or "−€1.00", for the badge on a line and the sale. */
export const discountBadge = (discount: Discount): string =>
  discount.type === 'percent' ? `−${discount.value} %` : `−${formatMoney(discount.value)}`;

/** Whether a stored value (sessionStorage, an order's `discount`) is a discount. */
export function isDiscount(value: unknown): value is Discount {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('value' in value)) return false;
  return (value.type === 'percent' || value.type === 'amount') && typeof value.value === 'number';
}
