import { SHOP_CURRENCY } from './shop-config';

/** Money is integer cents everywhere (docs/contract/API.md); these turn it into text for people and back. */
const moneyFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: SHOP_CURRENCY });

/** Digits after the decimal point in the shop currency (2 for EUR). */
export const CURRENCY_DECIMALS = moneyFormat.resolvedOptions().maximumFractionDigits ?? 2;
const CENTS_PER_UNIT = 10 ** CURRENCY_DECIMALS;

export function formatMoney(cents: number): string {
  return moneyFormat.format(cents / CENTS_PER_UNIT);
}

const wholeMoneyFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: SHOP_CURRENCY, minimumFractionDigits: 0 });

/** Round amounts without their zero cents ("€50"), for buttons. */
export function formatWholeMoney(cents: number): string {
  return wholeMoneyFormat.format(cents / CENTS_PER_UNIT);
}

/** The currency sign as the locale writes it ("€"), for input prefixes. */
export const CURRENCY_SYMBOL = moneyFormat.formatToParts(0).find((part) => part.type === 'currency')?.value ?? SHOP_CURRENCY;

/** Cents as a plain decimal without grouping or symbol ("1234.50"), for CSV and inputs. */
export function decimalFromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  if (CURRENCY_DECIMALS === 0) return `${sign}${abs}`;
  return `${sign}${Math.floor(abs / CENTS_PER_UNIT)}.${String(abs % CENTS_PER_UNIT).padStart(CURRENCY_DECIMALS, '0')}`;
}

/**
 * A decimal amount typed or read from a file ("12.5", "12,50", "€ 3") as whole cents, without
 * floating-point rounding; null when it is not an amount of at most two decimals.
 */
export function centsFromDecimal(input: string | number): number | null {
  const text = (typeof input === 'number' ? String(input) : input).trim().replace(CURRENCY_SYMBOL, '').replace(/\s/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return null;
  const [, units = '0', fraction = ''] = match;
  if (fraction.length > CURRENCY_DECIMALS) return null;
  const cents = Number(units) * CENTS_PER_UNIT + Number(fraction.padEnd(CURRENCY_DECIMALS, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A NumberInput value (a number, or the string it holds while typing) as cents. */
export function centsFromInput(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * CENTS_PER_UNIT) : null;
  return value.trim() === '' ? null : centsFromDecimal(value);
}
