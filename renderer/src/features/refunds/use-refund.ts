import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ApprovalInput } from '../../../../shared/schemas/pins';
import type { CreateRefundInput, RefundDto } from '../../../../shared/schemas/refunds';
import { apiErrorOf, errorCodeOf } from '../../lib/api-error';
import { useTRPC } from '../../trpc/client';
import { randomUuid } from '../pos/random-uuid';
import { refundFailureOf, type RefundFailure } from './refund-failure';

/**
 * Sends a refund. A cashier's first try is refused for want of a manager (`approval_required`):
 * the approval dialog opens and the same request, with the same Idempotency key, goes again with
 * `approval`, so a retry after a lost answer can never pay back twice.
 */
interface RefundCallbacks {
  onRefunded: (refund: RefundDto) => void;
  /** The core reckons another amount due (payment_mismatch): what it asks for this choice. */
  onDueCorrected: (dueCents: number) => void;
}

export function useRefund(orderId: number, { onRefunded, onDueCorrected }: RefundCallbacks) {
  const trpc = useTRPC();
  const key = useRef(randomUuid());
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<RefundFailure | null>(null);
  const mutation = useMutation(trpc.refunds.create.mutationOptions());

  const send = (refund: CreateRefundInput, approval?: ApprovalInput) => {
    setFailure(null);
    mutation.mutate(
      { id: orderId, refund: approval ? { ...refund, approval } : refund, idempotency_key: key.current },
      {
        onSuccess: (saved) => {
          setAsking(false);
          onRefunded(saved);
        },
        onError: (error) => {
          const code = errorCodeOf(error);
          if (code === 'approval_required' && !approval) {
            setAsking(true);
            return;
          }
          // A refused PIN is typed again in the approval dialog, which shows why.
          if (approval && (code === 'approval_invalid' || code === 'approval_required')) return;
          setAsking(false);
          const refused = refundFailureOf(apiErrorOf(error), 'The refund could not be sent.');
          if (refused.kind === 'mismatch') onDueCorrected(refused.dueCents);
          setFailure(refused);
        },
      },
    );
  };

  return {
    /** A new refund (the Refund button): a new key, unless the last try may have gone through unanswered. */
    start: (refund: CreateRefundInput) => {
      if (apiErrorOf(mutation.error) !== null) key.current = randomUuid();
      send(refund);
    },
    approve: (refund: CreateRefundInput, approval: ApprovalInput) => send(refund, approval),
    cancelApproval: () => setAsking(false),
    asking,
    pending: mutation.isPending,
    failure,
    /** The answer to a try with an approval, for the approval dialog. */
    approvalError: mutation.variables?.refund.approval ? mutation.error : null,
  };
}
