import { wallClock } from '../../../../shared/shop-date';

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` value on the shop's wall clock: `2026-12-01T09:02`. */
export function toShopDateTime(iso: string, timeZone: string): string {
  const c = wallClock(new Date(iso), timeZone);
  return `${String(c.year).padStart(4, '0')}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant the shop's wall clock reads `value` (`YYYY-MM-DDTHH:MM`), as ISO 8601 UTC; null
 * when it is no such value. A time the clocks skip (spring forward) lands just after the jump; a
 * time they show twice (fall back) is its first showing.
 */
export function fromShopDateTime(value: string, timeZone: string): string | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, 0, 0);
  const wall = at.getTime();
  if (Number.isNaN(wall) || at.getUTCDate() !== day || at.getUTCHours() !== hour) return null;
  const offsetAt = (instant: number) => {
    const c = wallClock(instant, timeZone);
    const read = new Date(0);
    read.setUTCFullYear(c.year, c.month - 1, c.day);
    read.setUTCHours(c.hour, c.minute, c.second, 0);
    return read.getTime() - Math.floor(instant / 1000) * 1000;
  };
  // The offsets a few hours either side are the only ones the wall time can have.
  const candidates = [offsetAt(wall - 12 * 3_600_000), offsetAt(wall + 12 * 3_600_000)]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant) === wall);
  const instant = candidates.length > 0 ? Math.min(...candidates) : wall - offsetAt(wall - 12 * 3_600_000);
  return new Date(instant).toISOString();
}
