/**
 * The shapes of a username, an email address and a phone number: one definition that the zod
 * schemas (shared/schemas/users.ts) enforce and the UI checks as people type. Zod-free on
 * purpose, so the renderer's first screens can use it without bundling zod.
 */
import { normalizePhone } from './contact';

export const USERNAME_MAX_LENGTH = 150;
export const USERNAME_PATTERN = /^[\w.@+-]+$/u;
export const USERNAME_MESSAGE = 'Letters, digits and @ . + - _ only.';

export const EMAIL_MAX_LENGTH = 254;
/** Zod's default email pattern, written out so that the UI refuses exactly what the server does. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const EMAIL_MESSAGE = 'Enter a valid email address.';

/** Digits with an optional leading `+`, 6–20 characters once spaces and dashes are dropped. */
export const PHONE_PATTERN = /^\+?\d{6,20}$/u;
export const PHONE_MESSAGE = 'Enter a phone number: digits with an optional leading +.';

/** What is wrong with a username that is not blank, or null when it is fine. */
export function usernameProblem(value: string): string | null {
  const username = value.trim();
  if (username.length > USERNAME_MAX_LENGTH) return `At most ${USERNAME_MAX_LENGTH} characters.`;
  return USERNAME_PATTERN.test(username) ? null : USERNAME_MESSAGE;
}

export function isEmailAddress(value: string): boolean {
  const email = value.trim();
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email);
}

export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(normalizePhone(value));
}
