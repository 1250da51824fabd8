// The shop's currency and time zone in the renderer (renderer/src/lib/shop-config.ts): once
// configured from the shop's settings, every amount has the currency's own minor unit, and
// "today" and instants are the shop's, whatever the computer's zone.
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimestamp, parseShopDate, todayShopDate, weekStart } from '../../renderer/src/lib/dates';
import {
  centsFromDecimal,
  centsFromInput,
  CURRENCY_DECIMALS,
  CURRENCY_SYMBOL,
  decimalFromCents,
  formatMoney,
  formatMoneyIn,
  formatWholeMoney,
} from '../../renderer/src/lib/money';
import { configureShopFormats, SHOP_CURRENCY, SHOP_TIME_ZONE } from '../../renderer/src/lib/shop-config';
import { shopDate } from '../../shared/shop-date';

const intl = (currency: string, amount: number, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, ...options }).format(amount);
const symbolOf = (currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value;

describe('configureShopFormats', () => {
  const machineZone = SHOP_TIME_ZONE;
  afterAll(() => configureShopFormats({ currency: 'EUR', timeZone: machineZone }));

  it('starts in euros, in the computer’s zone', () => {
    expect(SHOP_CURRENCY).toBe('EUR');
    expect(CURRENCY_DECIMALS).toBe(2);
    expect(SHOP_TIME_ZONE).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('writes US dollars with their sign', () => {
    configureShopFormats({ currency: 'USD', timeZone: 'America/New_York' });
    expect(SHOP_CURRENCY).toBe('USD');
    expect(CURRENCY_SYMBOL).toBe(symbolOf('USD'));
    expect(formatMoney(123_456)).toBe(intl('USD', 1234.56));
    expect(formatWholeMoney(5000)).toBe(intl('USD', 50, { minimumFractionDigits: 0 }));
    expect(centsFromDecimal(`${CURRENCY_SYMBOL}3.10`)).toBe(310);
  });

  it('has no decimals for the yen: 1 is ¥1, and "12.5" is no amount', () => {
    configureShopFormats({ currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(CURRENCY_DECIMALS).toBe(0);
    expect(formatMoney(1234)).toBe(intl('JPY', 1234));
    expect(decimalFromCents(1234)).toBe('1234');
    expect(centsFromDecimal('1234')).toBe(1234);
    expect(centsFromDecimal('12.5')).toBeNull();
    expect(centsFromInput(500)).toBe(500);
  });

  it('has three for the Bahraini dinar', () => {
    configureShopFormats({ currency: 'BHD', timeZone: 'Asia/Bahrain' });
    expect(CURRENCY_DECIMALS).toBe(3);
    expect(formatMoney(1234)).toBe(intl('BHD', 1.234));
    expect(decimalFromCents(1234)).toBe('1.234');
    expect(decimalFromCents(-5)).toBe('-0.005');
    expect(centsFromDecimal('1.5')).toBe(1500);
    expect(centsFromDecimal('0,125')).toBe(125);
    expect(centsFromDecimal('1.2345')).toBeNull();
    expect(centsFromInput(2.5)).toBe(2500);
    for (const cents of [0, 1, 999, 1000, 123_456]) expect(centsFromDecimal(decimalFromCents(cents))).toBe(cents);
  });

  it('converts in another currency on request, whatever the shop’s is', () => {
    configureShopFormats({ currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(formatMoneyIn(500, 'JPY')).toBe(intl('JPY', 500));
    expect(decimalFromCents(500, 0)).toBe('500');
    expect(centsFromInput('5', 3)).toBe(5000);
    expect(formatMoney(500)).toBe(intl('EUR', 5));
  });

  it('takes "today" and dates of instants from the shop’s zone', () => {
    // Kiritimati (+14) and Pago Pago (−11) are never on the same date.
    configureShopFormats({ currency: 'EUR', timeZone: 'Pacific/Kiritimati' });
    const ahead = todayShopDate();
    configureShopFormats({ currency: 'EUR', timeZone: 'Pacific/Pago_Pago' });
    const behind = todayShopDate();
    expect(ahead).not.toBe(behind);
    expect(behind).toBe(shopDate(new Date(), 'Pacific/Pago_Pago'));

    const lateSunday = '2026-03-29T22:30:00Z';
    const written = (date: string) =>
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(parseShopDate(date));
    configureShopFormats({ currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(formatTimestamp(lateSunday)).toBe(written('2026-03-30'));
    configureShopFormats({ currency: 'EUR', timeZone: 'America/New_York' });
    expect(formatTimestamp(lateSunday)).toBe(written('2026-03-29'));
  });

  it('finds the Monday of a week by the calendar alone', () => {
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(weekStart('2026-03-30')).toBe('2026-03-30');
    expect(weekStart('2026-11-01')).toBe('2026-10-26');
  });
});
