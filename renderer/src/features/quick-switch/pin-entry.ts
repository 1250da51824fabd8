import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '../../../../shared/pin-policy';

/** A scanner types far faster than a person: the gap of the till's wedge detection (use-barcode-wedge.ts). */
export const KEY_BURST_GAP_MS = 50;

/**
 * This many digits in a row, each within {@link KEY_BURST_GAP_MS} of the last, are a scanner (or
 * a key held down), not a person typing a PIN: a barcode is longer than that, a person slower.
 */
export const BURST_DIGITS = 4;

/** The PIN being typed on the pad, and what the keyboard's timing says about it. */
export interface PinEntry {
  pin: string;
  /** When the last keyboard digit came (the event's time stamp); null after a click or another key. */
  lastDigitAt: number | null;
  /** How many keyboard digits in a row came fast. */
  fastRun: number;
  /** A burst is under way: its digits are dropped until the keys slow down again. */
  inBurst: boolean;
}

export const EMPTY_PIN_ENTRY: PinEntry = { pin: '', lastDigitAt: null, fastRun: 0, inBurst: false };

export type PinKey = { kind: 'digit'; digit: string } | { kind: 'back' } | { kind: 'enter' };

export interface PinKeyResult {
  entry: PinEntry;
  /** The PIN to check now (Enter on enough digits typed by a person). */
  submit: string | null;
  /** A burst was thrown away (the screen says so). */
  discarded: boolean;
}

const withDigit = (pin: string, digit: string) => (pin.length < PIN_MAX_DIGITS ? pin + digit : pin);

/**
 * One key on the pad. `at` is the keyboard event's time stamp, or null for a click on the pad
 * (a finger is never a scanner). A burst — {@link BURST_DIGITS} fast digits, or an Enter right
 * after fast digits — wipes what was typed and submits nothing: a scan at the switch screen must
 * never sign anybody in, nor count as a wrong PIN.
 */
export function pressPinKey(entry: PinEntry, key: PinKey, at: number | null): PinKeyResult {
  const fast = at !== null && entry.lastDigitAt !== null && at - entry.lastDigitAt <= KEY_BURST_GAP_MS;
  switch (key.kind) {
    case 'digit': {
      if (at === null) return { entry: { ...EMPTY_PIN_ENTRY, pin: withDigit(entry.pin, key.digit) }, submit: null, discarded: false };
      const fastRun = fast ? entry.fastRun + 1 : 0;
      if (fast && (entry.inBurst || fastRun + 1 >= BURST_DIGITS)) {
        return { entry: { pin: '', lastDigitAt: at, fastRun, inBurst: true }, submit: null, discarded: !entry.inBurst };
      }
      const pin = entry.inBurst ? key.digit : withDigit(entry.pin, key.digit);
      return { entry: { pin, lastDigitAt: at, fastRun, inBurst: false }, submit: null, discarded: false };
    }
    case 'back':
      return { entry: { ...EMPTY_PIN_ENTRY, pin: entry.pin.slice(0, -1) }, submit: null, discarded: false };
    case 'enter': {
      const endsBurst = at !== null && entry.lastDigitAt !== null && entry.fastRun > 0 && at - entry.lastDigitAt <= KEY_BURST_GAP_MS * 2;
      if (entry.inBurst || endsBurst) return { entry: EMPTY_PIN_ENTRY, submit: null, discarded: !entry.inBurst };
      const submit = entry.pin.length >= PIN_MIN_DIGITS ? entry.pin : null;
      return { entry: { ...entry, lastDigitAt: null, fastRun: 0 }, submit, discarded: false };
    }
  }
}
