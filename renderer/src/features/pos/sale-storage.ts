import { newSale, type Sale } from './cart';

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
    return { key: sale.key, lines: sale.lines, selected: sale.selected ?? null, problems: sale.problems ?? {} };
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
