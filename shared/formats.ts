/**
 * The shapes of the other values people type (account fields are in user-rules.ts): one
 * definition that the zod schemas enforce and the UI checks as people type. Zod-free on
 * purpose, like user-rules.ts, so the renderer can use it without bundling zod.
 */

/** A 24-hour clock time, `HH:MM`. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_TIME_MESSAGE = 'Use the 24-hour time format HH:MM.';

export function isClockTime(value: string): boolean {
  return CLOCK_TIME_PATTERN.test(value);
}

/** A calendar date, `YYYY-MM-DD`. */
export const SHOP_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const SHOP_DATE_MESSAGE = 'Use the date format YYYY-MM-DD.';

/** A `YYYY-MM-DD` that is a real day (not 2026-02-29). */
export function isShopDate(value: string): boolean {
  if (!SHOP_DATE_PATTERN.test(value)) return false;
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A password-reset PIN: six digits. */
export const PIN_LENGTH = 6;
export const PIN_PATTERN = /^\d{6}$/;
export const PIN_MESSAGE = 'The PIN is six digits.';

/** A PIN inside a message: six digits that are not part of a longer number. */
const PIN_IN_TEXT = /(?<!\d)\d{6}(?!\d)/u;

/** The first PIN-shaped number in a text, or null. */
export function pinInText(text: string): string | null {
  return PIN_IN_TEXT.exec(text)?.[0] ?? null;
}

/** The text with every PIN-shaped number hidden. */
export function maskPins(text: string): string {
  return text.replace(new RegExp(PIN_IN_TEXT, 'gu'), '••••••');
}

/**
 * The "From" address of the shop's emails: looser than an account's email on purpose, since
 * the default sender, shopdesk@localhost, has no dot in its domain.
 */
export const SENDER_ADDRESS_PATTERN = /^[^@\s]+@[^@\s]+$/u;
export const SENDER_ADDRESS_MESSAGE = 'Enter an email address such as shop@example.com.';
