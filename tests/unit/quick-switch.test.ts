// The till's quick switch: the PIN pad's scanner filter (renderer/src/features/quick-switch/pin-entry.ts),
// the desk's lock flag as stored (till-lock-state.ts) and the roster's shift line (roster-text.ts).
import { describe, expect, it } from 'vitest';
import { BURST_DIGITS, EMPTY_PIN_ENTRY, pressPinKey, type PinEntry, type PinKey } from '../../renderer/src/features/quick-switch/pin-entry';
import { parseTillLock, type TillLock } from '../../renderer/src/features/quick-switch/till-lock-state';
import { shiftTextOf } from '../../renderer/src/features/quick-switch/roster-text';

const digit = (d: string): PinKey => ({ kind: 'digit', digit: d });
const ENTER: PinKey = { kind: 'enter' };

/** Types `keys` at the given gap (ms) from the keyboard; returns the last result and every submit. */
function typeKeys(keys: string, gap: number, start = 1000, entry: PinEntry = EMPTY_PIN_ENTRY) {
  let at = start;
  let current = entry;
  const submits: string[] = [];
  let discarded = false;
  for (const key of keys) {
    const result = pressPinKey(current, key === '\n' ? ENTER : digit(key), at);
    current = result.entry;
    if (result.submit !== null) submits.push(result.submit);
    discarded ||= result.discarded;
    at += gap;
  }
  return { entry: current, submits, discarded, at };
}

describe('the PIN pad’s keys', () => {
  it('a person typing a PIN and Enter submits it', () => {
    const typed = typeKeys('2580\n', 150);
    expect(typed.submits).toEqual(['2580']);
    expect(typed.discarded).toBe(false);
  });

  it('a scanner burst (a barcode, then Enter) is thrown away and submits nothing', () => {
    const typed = typeKeys('4000000000017\n', 5);
    expect(typed.submits).toEqual([]);
    expect(typed.discarded).toBe(true);
    expect(typed.entry.pin).toBe('');
  });

  it('a PIN-length burst ending in Enter is a scan as well', () => {
    const typed = typeKeys('2580\n', 3);
    expect(typed.submits).toEqual([]);
    expect(typed.discarded).toBe(true);
  });

  it('a short fast run with Enter right after is not submitted either', () => {
    const slow = typeKeys('25', 150);
    const fast = typeKeys('80\n', 5, slow.at, slow.entry);
    expect(fast.submits).toEqual([]);
    expect(fast.entry.pin).toBe('');
  });

  it('digits typed slowly after a burst start a fresh PIN', () => {
    const burst = typeKeys('400000000001', 5);
    expect(burst.entry.inBurst).toBe(true);
    const after = typeKeys('2580\n', 200, burst.at + 500, burst.entry);
    expect(after.submits).toEqual(['2580']);
  });

  it(`${BURST_DIGITS - 1} quick digits by a nimble person are kept`, () => {
    const typed = typeKeys('258', 40);
    expect(typed.entry.pin).toBe('258');
    const rest = typeKeys('0', 200, typed.at + 200, typed.entry);
    const enter = pressPinKey(rest.entry, ENTER, rest.at + 300);
    expect(enter.submit).toBe('2580');
  });

  it('the pad’s buttons (clicks) are never a burst; Backspace and too few digits', () => {
    let entry = EMPTY_PIN_ENTRY;
    for (const d of '25807') entry = pressPinKey(entry, digit(d), null).entry;
    entry = pressPinKey(entry, { kind: 'back' }, null).entry;
    expect(entry.pin).toBe('2580');
    expect(pressPinKey(entry, ENTER, null).submit).toBe('2580');
    expect(pressPinKey({ ...EMPTY_PIN_ENTRY, pin: '258' }, ENTER, null).submit).toBeNull();
  });

  it('never holds more than a PIN’s 8 digits', () => {
    const typed = typeKeys('1357913579', 150);
    expect(typed.entry.pin).toBe('13579135');
  });
});

describe('the desk’s lock flag', () => {
  const lock: TillLock = { reason: 'idle', username: 'ann', name: 'Ann Archer', registerId: 1, registerName: 'Main till', sale: 'parked' };

  it('reads back what was stored', () => {
    expect(parseTillLock(JSON.stringify(lock))).toEqual(lock);
    expect(parseTillLock(JSON.stringify({ ...lock, registerId: null, registerName: null, sale: 'kept' }))).toMatchObject({
      registerId: null,
      sale: 'kept',
    });
  });

  it('anything else is no lock', () => {
    for (const stored of [
      null,
      '',
      'not json',
      '42',
      'null',
      '[]',
      JSON.stringify({ ...lock, reason: 'nap' }),
      JSON.stringify({ ...lock, username: '' }),
    ]) {
      expect(parseTillLock(stored)).toBeNull();
    }
    expect(parseTillLock(JSON.stringify({ ...lock, registerId: 'one' }))).toBeNull();
  });

  it('an unknown sale state reads as none', () => {
    expect(parseTillLock(JSON.stringify({ ...lock, sale: 'maybe' }))?.sale).toBe('none');
  });
});

describe('the roster’s shift line', () => {
  it('says the plan and whether clocked in', () => {
    expect(shiftTextOf({ planned: { start_time: '09:00', end_time: '17:00' }, clocked_in: false })).toBe('Planned 09:00–17:00');
    expect(shiftTextOf({ planned: null, clocked_in: true })).toBe('Clocked in');
    expect(shiftTextOf({ planned: { start_time: '09:00', end_time: '17:00' }, clocked_in: true })).toBe('Planned 09:00–17:00 · clocked in');
  });
});
