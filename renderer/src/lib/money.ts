/**
 * Money is integer cents everywhere (docs/contract/API.md): integer minor units of the shop's
 * currency, which may have 0 (JPY), 2 (EUR) or 3 (BHD) digits after the point. These turn it
 * into text for people and back. The currency is the shop's settings' (configureShopFormats in
 * shop-config.ts sets it after sign-in); the euro until then.
 */
import { moneyFormatOf } from '../../../shared/money';

const DEFAULT_CURRENCY = 'EUR';

function formatsOf(currency: string) {
  return {
    ...moneyFormatOf(currency),
    whole: new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 0 }),
  };
}

/** A currency's minor unit and sign, for a form about to switch the shop to it. */
export function currencyFacts(currency: string): { decimals: number; symbol: string } {
  const { decimals, symbol } = formatsOf(currency);
  return { decimals, symbol };
}

let formats = formatsOf(DEFAULT_CURRENCY);

// Live bindings: importers read what configureMoney last set, not the value at their import.
/** Digits after the decimal point in the shop currency (2 for EUR, 0 for JPY, 3 for BHD). */
export let CURRENCY_DECIMALS = formats.decimals;
/** The currency sign as the locale writes it ("€", "$"), for input prefixes. */
export let CURRENCY_SYMBOL = formats.symbol;

/** Every amount from now on is in `currency` (ISO 4217), with its own minor unit. */
export function configureMoney(currency: string): void {
  formats = formatsOf(currency);
  CURRENCY_DECIMALS = formats.decimals;
  CURRENCY_SYMBOL = formats.symbol;
}

export function formatMoney(cents: number): string {
  return formats.format(cents);
}

/** Cents in a currency that is not (yet) the shop's, for a form about to switch to it. */
export function formatMoneyIn(cents: number, currency: string): string {
  return moneyFormatOf(currency).format(cents);
}

/** Round amounts without their zero cents ("€50"), for buttons. */
export function formatWholeMoney(cents: number): string {
  return formats.whole.format(cents / formats.centsPerUnit);
}

/**
 * Cents as a plain decimal without grouping or symbol ("1234.50"), for CSV and inputs; in the
 * shop currency's decimals unless told others.
 */
export function decimalFromCents(cents: number, decimals = CURRENCY_DECIMALS): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  if (decimals === 0) return `${sign}${abs}`;
  const perUnit = 10 ** decimals;
  return `${sign}${Math.floor(abs / perUnit)}.${String(abs % perUnit).padStart(decimals, '0')}`;
}

/**
 * A decimal amount typed or read from a file ("12.5", "12,50", "€ 3") as whole cents, without
 * floating-point rounding; null when it is not an amount with at most the currency's decimals.
 */
export function centsFromDecimal(input: string | number, decimals = CURRENCY_DECIMALS): number | null {
  const text = (typeof input === 'number' ? String(input) : input).trim().replace(CURRENCY_SYMBOL, '').replace(/\s/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return null;
  const [, units = '0', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const cents = Number(units) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A NumberInput value (a number, or the string it holds while typing) as cents. */
export function centsFromInput(value: string | number, decimals = CURRENCY_DECIMALS): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 10 ** decimals) : null;
  return value.trim() === '' ? null : centsFromDecimal(value, decimals);
}
