// What the till makes of a refused checkout (renderer/src/features/pos/checkout-failure.ts).
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/errors';
import { checkoutFailureOf } from '../../renderer/src/features/pos/checkout-failure';

describe('checkout failures', () => {
  it('marks the lines without enough stock, with what is available', () => {
    const body: ErrorBody = {
      error: 'insufficient_stock',
      message: 'Not enough stock.',
      details: [{ product_id: 7, error: 'insufficient_stock', requested: 5, available: 2 }, { nonsense: true }, 'text'],
    };
    expect(checkoutFailureOf(body, 'offline')).toEqual({
      kind: 'lines',
      problems: { 7: { error: 'insufficient_stock', requested: 5, available: 2 } },
      message: 'Not enough stock for the marked lines. Change them, then pay again.',
    });
  });

  it('marks products that are no longer sold', () => {
    const body: ErrorBody = {
      error: 'product_not_found',
      message: 'Gone.',
      details: [{ product_id: 3, error: 'product_not_found', requested: 1 }],
    };
    const failure = checkoutFailureOf(body, 'offline');
    expect(failure.kind).toBe('lines');
    expect(failure.message).toBe('Some products are no longer sold. Remove the marked lines, then pay again.');
  });

  it('starts a new sale key when the key was used for another cart', () => {
    const body: ErrorBody = {
      error: 'validation_failed',
      message: 'Invalid.',
      fields: { 'Idempotency-Key': ['Used for another request.'] },
    };
    expect(checkoutFailureOf(body, 'offline').kind).toBe('key_reused');
  });

  it('shows the server’s words, or says that confirming again is safe when no answer came', () => {
    expect(checkoutFailureOf({ error: 'forbidden', message: 'Not allowed.' }, 'offline')).toEqual({
      kind: 'other',
      message: 'Not allowed.',
    });
    expect(checkoutFailureOf(null, 'No answer from ShopDesk.')).toEqual({
      kind: 'other',
      message: 'No answer from ShopDesk. Confirming again is safe: the sale cannot be recorded twice.',
    });
  });

  it('offers the drawer when it is not open, and says what the payments and the due were', () => {
    const closed = checkoutFailureOf({ error: 'no_open_session', message: 'Main till has no open cash session.' }, 'offline');
    expect(closed).toEqual({ kind: 'no_drawer', message: 'Main till has no open cash session. Nothing was recorded; the sale is kept.' });
    const mismatch = checkoutFailureOf(
      {
        error: 'payment_mismatch',
        message: 'The payments add up to 1000 cents but 1005 cents are due.',
        details: [{ payments_cents: 1000, due_cents: 1005 }],
      },
      'offline',
    );
    expect(mismatch.kind).toBe('mismatch');
    expect(mismatch.message).toMatch(/^The payments add up to .*10\.00 but .*10\.05 is due\. Check the payments, then confirm again\.$/);
  });
});
