import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type Dispatch } from 'react';
import type { CreateOrderInput, OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import type { Sale, SaleAction } from './cart';
import { checkoutFailureOf } from './checkout-failure';
import { orderBodyOf } from './order-body';
import type { CompletedSale } from './Receipt';
import { toPaymentInputs, type PlannedPayment } from './tender-plan';
import type { ApprovalAsk } from './use-approval-ask';

/** What the pay dialog is paying: the cart on screen, or a parked sale taken back. */
export type PayTarget = { kind: 'cart' } | { kind: 'parked'; order: OrderDto };

/** This desk's register and whether its drawer is open (a sale completes only into an open one). */
export interface DeskDrawer {
  registerId: number;
  registerName: string;
  open: boolean;
}

interface CheckoutOptions {
  user: UserDto;
  sale: Sale;
  dispatch: Dispatch<SaleAction>;
  drawer: DeskDrawer | null;
  /** A discount beyond the cashier's limit: the manager's approval, asked on top of the pay dialog. */
  approval: ApprovalAsk;
  onSold: (target: PayTarget) => void;
  /** The drawer is closed: offer to open it, then pay `target` (`message` when the server said so). */
  onNoDrawer: (target: PayTarget, message: string | null) => void;
}

/**
 * Taking the payment: the pay dialog, `orders.create` (the cart, with its idempotency key) or
 * `orders.complete` (a parked sale) with the payments and this desk's register, what a refusal
 * means, and the receipt of a sale that went through.
 */
export function useCheckout({ user, sale, dispatch, drawer, approval, onSold, onNoDrawer }: CheckoutOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<PayTarget | null>(null);
  const [payError, setPayError] = useState<string | null>(null);
  const [checkoutProblem, setCheckoutProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<CompletedSale | null>(null);

  useEffect(() => {
    if (Object.keys(sale.problems).length === 0) setCheckoutProblem(null);
  }, [sale.problems]);

  // The shop's cash rounding: the pay dialog asks for exactly what the server will (shared/cash-rounding.ts).
  const shop = useQuery({ ...trpc.shop.get.queryOptions(), staleTime: 60_000 });
  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const completeOrder = useMutation(trpc.orders.complete.mutationOptions());
  const paying = createOrder.isPending || completeOrder.isPending;

  /** `drawerOpened`: the drawer was opened a moment ago, before the register list caught up. */
  const openPay = useCallback(
    (next: PayTarget, drawerOpened = false) => {
      if (paying || drawer === null) return;
      if (next.kind === 'cart' && sale.lines.length === 0) return;
      if (!drawer.open && !drawerOpened) {
        onNoDrawer(next, null);
        return;
      }
      setPayError(null);
      setTarget(next);
    },
    [paying, drawer, sale.lines.length, onNoDrawer],
  );

  const sold = (order: OrderDto, paid: PayTarget, registerName: string) => {
    setTarget(null);
    setReceipt({ order, cashier: fullName(user) || user.username, registerName });
    if (paid.kind === 'cart') dispatch({ type: 'clear' });
    onSold(paid);
    for (const key of [trpc.orders.pathKey(), trpc.catalog.pathKey(), trpc.registers.pathKey(), trpc.cashSessions.pathKey()])
      void queryClient.invalidateQueries({ queryKey: key });
  };

  const refused = (error: unknown, paid: PayTarget) => {
    const failure = checkoutFailureOf(apiErrorOf(error), errorMessageOf(error));
    switch (failure.kind) {
      case 'lines':
        dispatch({ type: 'problems', problems: failure.problems });
        setCheckoutProblem(failure.message);
        setTarget(null);
        return;
      case 'no_drawer':
        setTarget(null);
        onNoDrawer(paid, failure.message);
        return;
      case 'mismatch':
        // The screen's rounding step may be stale: the next attempt uses the shop's current one.
        void queryClient.invalidateQueries({ queryKey: trpc.shop.get.queryKey() });
        break;
      case 'key_reused':
        // An earlier attempt of this sale went through with another cart; the next is a new sale.
        dispatch({ type: 'new_key' });
        break;
      case 'other':
        // A parked sale completed or cancelled at another till: the view shows what it is now.
        if (paid.kind === 'parked') void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
        break;
    }
    setPayError(failure.message);
  };

  const pay = (payments: PlannedPayment[]) => {
    if (target === null || drawer === null) return;
    const paid = target;
    const { registerName } = drawer;
    setPayError(null);
    // No payments at all is the contract's "nothing to pay" (docs/api.md): one `other` payment of 0.
    const tenders = { ...(payments.length > 0 ? { payments: toPaymentInputs(payments) } : {}), register_id: drawer.registerId };
    const handlers = { onSuccess: (order: OrderDto) => sold(order, paid, registerName), onError: (error: unknown) => refused(error, paid) };
    if (paid.kind === 'parked') {
      completeOrder.mutate({ id: paid.order.id, ...tenders }, handlers);
      return;
    }
    // The same request, the same key, is sent again with a manager's approval when it needs one.
    const send = (input: CreateOrderInput & { idempotency_key: string }) =>
      createOrder.mutate(input, {
        onSuccess: (order) => {
          approval.done();
          handlers.onSuccess(order);
        },
        onError: (error) => {
          const outcome = approval.settle(error, input.approval !== undefined, (given) => send({ ...input, approval: given }));
          if (outcome === 'not_ours') handlers.onError(error);
        },
      });
    send({ ...orderBodyOf(sale), complete: true, idempotency_key: sale.key, ...tenders });
  };

  /** The manager was not asked after all: the pay dialog says why nothing was recorded. */
  const approvalCancelled = () => {
    approval.done();
    setPayError('This discount needs a manager’s approval. Nothing was recorded; change the discount or ask a manager.');
  };

  const closeReceipt = useCallback(() => {
    setReceipt(null);
    setPayError(null);
  }, []);

  return {
    roundingStep: shop.data?.cash_rounding_cents ?? null,
    payTarget: target,
    payOpen: target !== null,
    openPay,
    closePay: () => setTarget(null),
    pay,
    approvalCancelled,
    paying,
    payError,
    checkoutProblem,
    receipt,
    /** Back from the receipt to an empty sale. */
    closeReceipt,
  };
}
