import type { ErrorBody } from '../../../../shared/errors';

/** What the refund dialog does when `refunds.create` refuses. */
export type RefundFailure =
  /** The desk's register has no open drawer: the refund's money has nowhere to come from. */
  | { kind: 'no_drawer'; message: string }
  /** The payments did not add up to what the server asks: its due replaces the estimate. */
  | { kind: 'mismatch'; message: string; dueCents: number }
  /** Someone refunded these units meanwhile: the lines are read again. */
  | { kind: 'exceeds'; message: string }
  | { kind: 'other'; message: string };

function dueOfMismatch(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('due_cents' in value)) return null;
  return typeof value.due_cents === 'number' ? value.due_cents : null;
}

/** `body` is null when the call never reached the core; `fallback` is the sentence for that. */
export function refundFailureOf(body: ErrorBody | null, fallback: string): RefundFailure {
  if (body?.error === 'no_open_session')
    return { kind: 'no_drawer', message: 'The drawer of this till is closed. Open it on the Cash drawer page, then refund again.' };
  if (body?.error === 'payment_mismatch') {
    const dueCents = body.details?.map(dueOfMismatch).find((due) => due !== null) ?? null;
    if (dueCents !== null)
      return { kind: 'mismatch', dueCents, message: 'The amount to pay back was corrected by the shop. Check it, then refund again.' };
  }
  if (body?.error === 'refund_exceeds_sale')
    return {
      kind: 'exceeds',
      message: 'Some units were refunded meanwhile. The lines now show what is left; check them, then refund again.',
    };
  if (body?.error === 'invalid_state') return { kind: 'other', message: 'Only a completed sale can be refunded.' };
  return { kind: 'other', message: body ? body.message : `${fallback} Refunding again is safe: it cannot be recorded twice.` };
}
