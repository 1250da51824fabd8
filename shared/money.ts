/**
 * Money as people read it: integer cents (docs/contract/API.md) in the shop's currency, which
 * has 0 (JPY), 2 (EUR) or 3 (BHD) digits after the point. One formatter for the screens
 * (renderer/src/lib/money.ts), the receipts and the labels, so a price reads the same on each.
 */
export interface MoneyFormat {
  /** With the currency's sign: "€12.50". */
  format(cents: number): string;
  /** Without it: "12.50" (narrow columns, a printer's code page). */
  plain(cents: number): string;
  /** Digits after the point (2 for EUR, 0 for JPY, 3 for BHD). */
  decimals: number;
  /** Cents in one unit of the currency (10 ** decimals). */
  centsPerUnit: number;
  /** The sign as the locale writes it ("€", "$"). */
  symbol: string;
}

const cache = new Map<string, MoneyFormat>();

/** The format of `currency` (ISO 4217) in the runtime's locale, made once per currency. */
export function moneyFormatOf(currency: string): MoneyFormat {
  const known = cache.get(currency);
  if (known) return known;
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const decimals = money.resolvedOptions().maximumFractionDigits ?? 2;
  const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const centsPerUnit = 10 ** decimals;
  const made: MoneyFormat = {
    format: (cents) => money.format(cents / centsPerUnit),
    plain: (cents) => plain.format(cents / centsPerUnit),
    decimals,
    centsPerUnit,
    symbol: money.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency,
  };
  cache.set(currency, made);
  return made;
}
