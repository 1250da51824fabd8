// Tax rates as percents on screen (renderer/src/features/settings/tax-rate-percent.ts).
import { describe, expect, it } from 'vitest';
import { formatRateBp, rateBpFromPercentText } from '../../renderer/src/features/settings/tax-rate-percent';

describe('tax rate percents', () => {
  it('shows basis points as a percent without trailing zeros', () => {
    expect([0, 5, 50, 550, 725, 1000, 2000, 10_000].map(formatRateBp)).toEqual([
      '0 %',
      '0.05 %',
      '0.5 %',
      '5.5 %',
      '7.25 %',
      '10 %',
      '20 %',
      '100 %',
    ]);
  });

  it('reads a typed percent into exact basis points', () => {
    expect(rateBpFromPercentText('5.5')).toBe(550);
    expect(rateBpFromPercentText('20')).toBe(2000);
    expect(rateBpFromPercentText(' 7,25 ')).toBe(725);
    expect(rateBpFromPercentText('5.5 %')).toBe(550);
    expect(rateBpFromPercentText('0.07')).toBe(7);
    expect(rateBpFromPercentText('0')).toBe(0);
    expect(rateBpFromPercentText('100')).toBe(10_000);
    // Where floats drift (0.29 * 10000 = 2899.9999…), digits do not.
    expect(rateBpFromPercentText('0.29')).toBe(29);
    expect(rateBpFromPercentText('1.15')).toBe(115);
  });

  it('refuses what is not a percent of 0–100 with two decimals', () => {
    for (const text of ['', '-1', '100.01', '101', '5.555', 'abc', '5.', '.5', '1e2', '5..5']) {
      expect(rateBpFromPercentText(text), text).toBeNull();
    }
  });

  it('round-trips every rate', () => {
    const broken: number[] = [];
    for (let bp = 0; bp <= 10_000; bp++) if (rateBpFromPercentText(formatRateBp(bp)) !== bp) broken.push(bp);
    expect(broken).toEqual([]);
  });
});
