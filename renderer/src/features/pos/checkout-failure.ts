import type { ErrorBody } from '../../../../shared/errors';
import { formatMoney } from '../../lib/money';
import type { LineProblem } from './cart';

/** What the till does when `orders.create` refuses a sale. */
export type CheckoutFailure =
  /** Lines to mark (stock, products no longer sold); the pay dialog closes. */
  | { kind: 'lines'; problems: Record<number, LineProblem>; message: string }
  /** The key was used for another cart: the next attempt is a new sale. */
  | { kind: 'key_reused'; message: string }
  /** The register's drawer is not open (closed at another desk, or never opened): offer to open it. */
  | { kind: 'no_drawer'; message: string }
  /** The payments did not add up to what the server asks (e.g. the rounding step just changed). */
  | { kind: 'mismatch'; message: string }
  /** Anything else, shown in the pay dialog; confirming again is safe. */
  | { kind: 'other'; message: string };

function isMismatch(value: unknown): value is { payments_cents: number; due_cents: number } {
  if (typeof value !== 'object' || value === null || !('payments_cents' in value) || !('due_cents' in value)) return false;
  return typeof value.payments_cents === 'number' && typeof value.due_cents === 'number';
}

function isLineProblem(value: unknown): value is LineProblem & { product_id: number } {
  if (typeof value !== 'object' || value === null || !('product_id' in value) || !('error' in value)) return false;
  return typeof value.product_id === 'number' && (value.error === 'insufficient_stock' || value.error === 'product_not_found');
}

/**
 * Reads a refused checkout. `body` is the API error (null when none came back, e.g. the
 * connection dropped); `fallback` is the sentence for that case.
 */
export function checkoutFailureOf(body: ErrorBody | null, fallback: string): CheckoutFailure {
  if (body && (body.error === 'insufficient_stock' || body.error === 'product_not_found')) {
    const problems: Record<number, LineProblem> = {};
    for (const detail of body.details ?? []) {
      if (isLineProblem(detail))
        problems[detail.product_id] = { error: detail.error, requested: detail.requested, available: detail.available };
    }
    const message =
      body.error === 'product_not_found'
        ? 'Some products are no longer sold. Remove the marked lines, then pay again.'
        : 'Not enough stock for the marked lines. Change them, then pay again.';
    return { kind: 'lines', problems, message };
  }
  if (body?.error === 'no_open_session') {
    return { kind: 'no_drawer', message: `${body.message} Nothing was recorded; the sale is kept.` };
  }
  if (body?.error === 'payment_mismatch') {
    const detail = body.details?.find(isMismatch);
    const message = detail
      ? `The payments add up to ${formatMoney(detail.payments_cents)} but ${formatMoney(detail.due_cents)} is due. Check the payments, then confirm again.`
      : body.message;
    return { kind: 'mismatch', message };
  }
  if (body?.fields?.['Idempotency-Key']) {
    return {
      kind: 'key_reused',
      message: 'An earlier attempt of this sale was already recorded with a different cart. Check Orders before you confirm again.',
    };
  }
  return { kind: 'other', message: body ? body.message : `${fallback} Confirming again is safe: the sale cannot be recorded twice.` };
}
