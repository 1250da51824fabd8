import { describe, expect, it } from 'vitest';
import { countedTotal, denominationsFor, hasCounts } from '../../renderer/src/features/till/denominations';

const cents = (currency: string, decimals = 2) => denominationsFor(currency, decimals).map((d) => d.cents);

describe('the coins and notes a drawer is counted by', () => {
  it('are the euro coins from 1 cent to €2 and the notes from €5 to €200', () => {
    const euro = denominationsFor('EUR', 2);
    expect(euro.filter((d) => d.kind === 'coin').map((d) => d.cents)).toEqual([1, 2, 5, 10, 20, 50, 100, 200]);
    expect(euro.filter((d) => d.kind === 'note').map((d) => d.cents)).toEqual([500, 1000, 2000, 5000, 10_000, 20_000]);
  });

  it('follow each known currency (the quarter, no Swiss cent coins) and are sorted and unique', () => {
    expect(cents('USD')).toContain(25);
    expect(cents('chf')[0]).toBe(5);
    for (const currency of ['EUR', 'USD', 'GBP', 'CHF', 'SEK']) {
      const values = cents(currency);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('fall back to the 1-2-5 series of the minor unit, coins below 5 units, for other currencies', () => {
    const krona = denominationsFor('SEK', 2);
    expect(krona[0]).toEqual({ cents: 1, kind: 'coin' });
    expect(krona.find((d) => d.cents === 200)?.kind).toBe('coin');
    expect(krona.find((d) => d.cents === 500)?.kind).toBe('note');
    expect(krona.at(-1)?.cents).toBe(50_000);
    // Without decimals (the yen), notes start at 1,000.
    const yen = denominationsFor('JPY', 0);
    expect(yen.find((d) => d.cents === 500)?.kind).toBe('coin');
    expect(yen.find((d) => d.cents === 1000)?.kind).toBe('note');
    // A known currency with an unexpected minor unit is not trusted to its table.
    expect(cents('EUR', 3)[0]).toBe(1);
    expect(cents('EUR', 3).at(-1)).toBe(500_000);
  });

  it('add up what was counted', () => {
    expect(countedTotal({ 2000: 6, 500: 1, 100: 1, 50: 1 })).toBe(12_650);
    expect(countedTotal({})).toBe(0);
    expect(hasCounts({ 2000: 0 })).toBe(false);
    expect(hasCounts({ 2000: 0, 5: 1 })).toBe(true);
  });
});
