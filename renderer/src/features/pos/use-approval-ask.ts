import { useCallback, useMemo, useState } from 'react';
import type { ApprovalInput } from '../../../../shared/schemas/pins';
import { apiErrorOf, errorCodeOf } from '../../lib/api-error';

/** What `approval_required` says of a sale's discount (its `details`), when it says it. */
export interface DiscountBeyondLimit {
  discountCents: number;
  subtotalCents: number;
  maxPercent: number;
}

function beyondLimitOf(error: unknown): DiscountBeyondLimit | null {
  const detail = apiErrorOf(error)?.details?.[0];
  if (typeof detail !== 'object' || detail === null) return null;
  if (!('discount_cents' in detail) || !('subtotal_cents' in detail) || !('max_discount_percent' in detail)) return null;
  const { discount_cents: discountCents, subtotal_cents: subtotalCents, max_discount_percent: maxPercent } = detail;
  if (typeof discountCents !== 'number' || typeof subtotalCents !== 'number' || typeof maxPercent !== 'number') return null;
  return { discountCents, subtotalCents, maxPercent };
}

export type ApprovalOutcome = 'asked' | 'refused' | 'not_ours';

/**
 * A sale (paid or parked) refused for want of a manager: the approval dialog asks one, and the
 * same request (same idempotency key) is sent again with `approval`. `settle` reads a refusal:
 * `approval_required` on a try without an approval opens the dialog, a refused approval stays in
 * it to be typed again; anything else is the caller's to show.
 */
export function useApprovalAsk() {
  const [retry, setRetry] = useState<((approval: ApprovalInput) => void) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [beyond, setBeyond] = useState<DiscountBeyondLimit | null>(null);

  const done = useCallback(() => {
    setRetry(null);
    setError(null);
  }, []);

  const settle = useCallback((failure: unknown, withApproval: boolean, again: (approval: ApprovalInput) => void): ApprovalOutcome => {
    const code = errorCodeOf(failure);
    if (code === 'approval_required' && !withApproval) {
      setBeyond(beyondLimitOf(failure));
      setError(null);
      setRetry(() => again);
      return 'asked';
    }
    if (withApproval && (code === 'approval_invalid' || code === 'approval_required')) {
      setError(failure);
      return 'refused';
    }
    setRetry(null);
    setError(null);
    return 'not_ours';
  }, []);

  return useMemo(
    () => ({
      opened: retry !== null,
      /** The last refusal of a try with an approval (a wrong PIN), for the dialog. */
      error,
      beyond,
      settle,
      approve: (approval: ApprovalInput) => {
        setError(null);
        retry?.(approval);
      },
      /** Gone through, or given up. */
      done,
    }),
    [retry, error, beyond, settle, done],
  );
}

export type ApprovalAsk = ReturnType<typeof useApprovalAsk>;
