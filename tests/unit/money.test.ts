// Money in the renderer (renderer/src/lib/money.ts): integer cents in, text out, and back.
import { describe, expect, it } from 'vitest';
import {
  centsFromDecimal,
  centsFromInput,
  CURRENCY_DECIMALS,
  CURRENCY_SYMBOL,
  decimalFromCents,
  formatMoney,
  formatWholeMoney,
} from '../../renderer/src/lib/money';
import { SHOP_CURRENCY } from '../../renderer/src/lib/shop-config';

// The locale is the machine's: compare with what Intl itself writes.
const intl = (amount: number, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: SHOP_CURRENCY, ...options }).format(amount);

describe('money', () => {
  it('uses two decimals for the euro', () => {
    expect(CURRENCY_DECIMALS).toBe(2);
    expect(CURRENCY_SYMBOL).toBe(intl(0).replace(/[\d\s.,\u00a0]/gu, ''));
  });

  it('formats cents in the shop currency', () => {
    expect(formatMoney(123_456)).toBe(intl(1234.56));
    expect(formatMoney(5)).toBe(intl(0.05));
    expect(formatMoney(-250)).toBe(intl(-2.5));
    expect(formatWholeMoney(5000)).toBe(intl(50, { minimumFractionDigits: 0 }));
    expect(formatWholeMoney(5050)).toBe(intl(50.5, { minimumFractionDigits: 0 }));
  });

  it('writes cents as a plain decimal for CSV and inputs', () => {
    expect(decimalFromCents(0)).toBe('0.00');
    expect(decimalFromCents(5)).toBe('0.05');
    expect(decimalFromCents(123_450)).toBe('1234.50');
    expect(decimalFromCents(-199)).toBe('-1.99');
  });

  it('reads decimals with a point or a comma, with or without the symbol, without float rounding', () => {
    expect(centsFromDecimal('12.5')).toBe(1250);
    expect(centsFromDecimal('12,50')).toBe(1250);
    expect(centsFromDecimal(' 3 ')).toBe(300);
    expect(centsFromDecimal(`${CURRENCY_SYMBOL} 3`)).toBe(300);
    expect(centsFromDecimal('0.29')).toBe(29);
    expect(centsFromDecimal('1.005')).toBeNull();
    expect(centsFromDecimal('4.')).toBe(400);
    expect(centsFromDecimal(19.99)).toBe(1999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-1', '1.2.3', '1,234.50', '12e3', '9'.repeat(20)]) expect(centsFromDecimal(text)).toBeNull();
  });

  it('reads a number input (a number, or the text it holds while typing)', () => {
    expect(centsFromInput(2.49)).toBe(249);
    expect(centsFromInput(0.1 + 0.2)).toBe(30);
    expect(centsFromInput('2,49')).toBe(249);
    expect(centsFromInput('')).toBeNull();
    expect(centsFromInput(-1)).toBeNull();
    expect(centsFromInput(Number.NaN)).toBeNull();
  });

  it('round-trips every amount through its decimal', () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 101, 12_345, 99_999_999]) expect(centsFromDecimal(decimalFromCents(cents))).toBe(cents);
  });
});
