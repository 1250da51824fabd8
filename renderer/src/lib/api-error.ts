import { isTRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../../electron/trpc/root';
import type { ErrorBody, ErrorCode, FieldErrors } from '../../../shared/errors';

/** The REST-shaped error body every procedure failure carries in `data.apiError`. */
export function apiErrorOf(error: unknown): ErrorBody | null {
  // The router's errorFormatter types `data`; a failure before the router answered has none.
  if (!isTRPCClientError<AppRouter>(error)) return null;
  return error.data?.apiError ?? null;
}

export function errorCodeOf(error: unknown): ErrorCode | null {
  return apiErrorOf(error)?.error ?? null;
}

/** A sentence for a person, whatever failed (a lost connection included). */
export function errorMessageOf(error: unknown): string {
  const body = apiErrorOf(error);
  if (body) return body.message;
  if (isTRPCClientError(error)) return 'ShopDesk could not be reached. Check that it is running, then try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

const SESSION_ENDED = new Set<ErrorCode>(['unauthenticated', 'token_expired', 'token_invalid', 'token_revoked', 'token_reused']);

/** The sign-in is gone (signed out elsewhere, revoked, expired): the app must go back to Sign in. */
export function isSessionEnded(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== null && SESSION_ENDED.has(code);
}

interface FieldErrorTarget {
  setFieldError(path: string, error: string): void;
  getValues(): object;
}

/**
 * Puts the server's `fields` messages under the inputs they belong to (keys may be renamed,
 * e.g. `password` → `new_password`). Returns the messages that match no input.
 */
export function applyFieldErrors(
  form: FieldErrorTarget,
  fields: FieldErrors | undefined,
  rename: (key: string) => string = (key) => key,
): string[] {
  if (!fields) return [];
  const known = new Set(Object.keys(form.getValues()));
  const unmatched: string[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const path = rename(key);
    if (known.has(path)) form.setFieldError(path, messages.join(' '));
    else unmatched.push(...messages);
  }
  return unmatched;
}

/**
 * A failed form submit: field messages go under their inputs; what is left (or the message of
 * an error without fields) is returned for an alert above the form. Null when nothing is left
 * to say, or when the failure carried no API error (the caller notifies).
 */
export function formErrorOf(form: FieldErrorTarget, error: unknown, rename?: (key: string) => string): string | null {
  const body = apiErrorOf(error);
  if (!body) return null;
  if (!body.fields) return body.message;
  const unmatched = applyFieldErrors(form, body.fields, rename);
  return unmatched.length > 0 ? unmatched.join(' ') : null;
}

/** The server says `password` or `new_password` depending on the call; our forms know which. */
export const renameKey = (from: string, to: string) => (key: string) => (key === from ? to : key);

/** The update procedures nest their fields under `changes`: a form knows them by their own names. */
export const stripChanges = (key: string) => key.replace(/^changes\./, '');
