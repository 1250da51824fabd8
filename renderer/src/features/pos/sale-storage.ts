import { newSale, saleReducer, type CartLine, type Sale } from './cart';
import { isDiscount } from './discount';

/**
 * The sale in progress survives a trip to another page or a reload of this tab (not another
 * cashier's sign-in: it is kept per user). Its idempotency key goes with it, so a checkout
 * retried after a reload still cannot sell twice.
 */
const storageKey = (userId: number) => `shopdesk.pos.sale.${userId}`;

export function loadSale(userId: number): Sale {
  try {
    const stored = sessionStorage.getItem(storageKey(userId));
    if (!stored) return newSale();
    const sale = JSON.parse(stored) as Partial<Sale>;
    if (typeof sale.key !== 'string' || !Array.isArray(sale.lines)) return newSale();
    // A sale stored before discounts existed has none; one that no longer fits is dropped by `load`.
    const lines = sale.lines.map((line: CartLine) => ({
      ...line,
      discount: isDiscount(line.discount) ? line.discount : null,
    }));
    const discount = isDiscount(sale.discount) ? sale.discount : null;
    const loaded = saleReducer(newSale(), { type: 'load', lines, discount });
    return { ...loaded, key: sale.key, selected: sale.selected ?? loaded.selected, problems: sale.problems ?? {} };
  } catch {
    return newSale();
  }
}

export function storeSale(userId: number, sale: Sale): void {
  try {
    if (sale.lines.length === 0) sessionStorage.removeItem(storageKey(userId));
    else sessionStorage.setItem(storageKey(userId), JSON.stringify(sale));
  } catch {
    // A full or disabled storage only costs the reload safety net.
  }
}
