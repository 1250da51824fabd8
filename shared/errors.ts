/**
 * The error vocabulary of docs/contract/API.md. Every error that leaves the core, over REST or tRPC, is one
 * of these codes with its HTTP status; the numeric `code` values are those of the seed
 * "Pyramid WEB" document, kept for its clients.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  password_policy: 400,
  password_reused: 400,
  /** A trivial or malformed staff PIN (shared/pin-policy.ts). */
  pin_policy: 400,
  insufficient_stock: 400,
  /** Payments that do not add up to the amount due (`details: [{payments_cents, due_cents}]`). */
  payment_mismatch: 400,
  /** A refund line asks for more than is left to refund. */
  refund_exceeds_sale: 400,
  product_not_found: 400,
  reset_token_invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  token_invalid: 401,
  token_revoked: 401,
  token_reused: 401,
  forbidden: 403,
  password_expired: 403,
  account_inactive: 403,
  registration_disabled: 403,
  /** The action needs a manager's approval (a drawer variance beyond the shop's limit). */
  approval_required: 403,
  /** An approval's username or PIN is wrong, or that user may not approve. */
  approval_invalid: 403,
  not_found: 404,
  pin_invalid: 404,
  pin_expired: 404,
  invalid_state: 409,
  already_initialized: 409,
  /** A sale or refund on a register without an open cash session. */
  no_open_session: 409,
  /** Opening a second cash session on a register. */
  session_open: 409,
  /** The client took too long to send its request (answered before any route runs). */
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  /** The request line and headers exceed the HTTP server's limit (a URL of many kilobytes). */
  headers_too_large: 431,
  internal_error: 500,
  /** The password-hashing queue is full (a flood of sign-ins); with `Retry-After`. */
  busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Numeric codes of seed 002 ("Pyramid WEB"). */
export const LEGACY_CODES = {
  pin_invalid: 1,
  pin_expired: 2,
  account_locked: 3,
  password_expired: 4,
  password_reused: 5,
} as const satisfies Partial<Record<ErrorCode, number>>;

export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  code?: number;
  fields?: FieldErrors;
  details?: unknown[];
  change_token?: string;
}
