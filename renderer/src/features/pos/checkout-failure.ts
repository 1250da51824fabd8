import type { ErrorBody } from '../../../../shared/errors';
import type { LineProblem } from './cart';

/** What the till does when `orders.create` refuses a sale. */
export type CheckoutFailure =
  /** Lines to mark (stock, products no longer sold); the pay dialog closes. */
  | { kind: 'lines'; problems: Record<number, LineProblem>; message: string }
  /** The key was used for another cart: the next attempt is a new sale. */
  | { kind: 'key_reused'; message: string }
  /** Anything else, shown in the pay dialog; confirming again is safe. */
  | { kind: 'other'; message: string };

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
  if (body?.fields?.['Idempotency-Key']) {
    return {
      kind: 'key_reused',
      message: 'An earlier attempt of this sale was already recorded with a different cart. Check Orders before you confirm again.',
    };
  }
  return { kind: 'other', message: body ? body.message : `${fallback} Confirming again is safe: the sale cannot be recorded twice.` };
}
