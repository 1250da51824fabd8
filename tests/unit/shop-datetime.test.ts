// The correction dialog's date-time inputs read and write the shop's wall clock, wherever the
// computer is (renderer/src/features/time-clock/shop-datetime.ts).
import { describe, expect, it } from 'vitest';
import { fromShopDateTime, toShopDateTime } from '../../renderer/src/features/time-clock/shop-datetime';

describe('shop date-times', () => {
  it('shows an instant on the shop clock', () => {
    expect(toShopDateTime('2026-12-01T08:02:40Z', 'Europe/Berlin')).toBe('2026-12-01T09:02');
    expect(toShopDateTime('2026-07-01T23:30:00Z', 'America/New_York')).toBe('2026-07-01T19:30');
    expect(toShopDateTime('2026-12-01T23:30:00Z', 'Asia/Tokyo')).toBe('2026-12-02T08:30');
  });

  it('turns a shop wall time back into the instant, summer and winter alike', () => {
    expect(fromShopDateTime('2026-12-01T09:02', 'Europe/Berlin')).toBe('2026-12-01T08:02:00.000Z');
    expect(fromShopDateTime('2026-07-01T09:02', 'Europe/Berlin')).toBe('2026-07-01T07:02:00.000Z');
    expect(fromShopDateTime('2026-12-02T08:30', 'Asia/Tokyo')).toBe('2026-12-01T23:30:00.000Z');
    expect(fromShopDateTime('2026-01-01T00:00', 'UTC')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads a skipped time after the jump and a doubled one as its first showing', () => {
    // Berlin springs forward 02:00 → 03:00 on 29 March 2026 and falls back 03:00 → 02:00 on 25 October.
    expect(fromShopDateTime('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromShopDateTime('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every quarter hour of a day', () => {
    for (let m = 0; m < 24 * 60; m += 15) {
      const iso = new Date(Date.parse('2026-06-15T00:00:00Z') + m * 60_000).toISOString();
      const shown = toShopDateTime(iso, 'America/Los_Angeles');
      expect(fromShopDateTime(shown, 'America/Los_Angeles')).toBe(iso);
    }
  });

  it('refuses what is no date-time', () => {
    for (const bad of ['', '2026-12-01', '2026-12-01 09:00', '2026-02-30T09:00', '2026-12-01T25:00']) {
      expect(fromShopDateTime(bad, 'UTC')).toBeNull();
    }
  });
});
