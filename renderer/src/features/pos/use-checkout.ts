import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type Dispatch } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import type { Sale, SaleAction } from './cart';
import { checkoutFailureOf } from './checkout-failure';
import type { CompletedSale } from './Receipt';

/**
 * Taking the payment: the pay dialog, `orders.create` with the sale's idempotency key, what a
 * refusal means for the cart, and the receipt of a sale that went through.
 */
export function useCheckout(user: UserDto, sale: Sale, dispatch: Dispatch<SaleAction>, onSold: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [payOpen, setPayOpen] = useState(false);
  const [payError, setPayError] = useState<string | null>(null);
  const [checkoutProblem, setCheckoutProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<CompletedSale | null>(null);

  useEffect(() => {
    if (Object.keys(sale.problems).length === 0) setCheckoutProblem(null);
  }, [sale.problems]);

  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const openPay = useCallback(() => {
    if (sale.lines.length === 0 || createOrder.isPending) return;
    setPayError(null);
    setPayOpen(true);
  }, [sale.lines.length, createOrder.isPending]);

  const pay = (tenderedCents: number) => {
    setPayError(null);
    const input = {
      items: sale.lines.map((line) => ({ product_id: line.product.id, amount: line.qty })),
      complete: true,
      idempotency_key: sale.key,
    };
    createOrder.mutate(input, {
      onSuccess: (order) => {
        setPayOpen(false);
        setReceipt({ order, tenderedCents, cashier: fullName(user) || user.username });
        dispatch({ type: 'clear' });
        onSold();
        void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
      onError: (error) => {
        const failure = checkoutFailureOf(apiErrorOf(error), errorMessageOf(error));
        if (failure.kind === 'lines') {
          dispatch({ type: 'problems', problems: failure.problems });
          setCheckoutProblem(failure.message);
          setPayOpen(false);
          return;
        }
        // An earlier attempt of this sale went through with another cart; the next is a new sale.
        if (failure.kind === 'key_reused') dispatch({ type: 'new_key' });
        setPayError(failure.message);
      },
    });
  };

  const closeReceipt = useCallback(() => {
    setReceipt(null);
    setPayError(null);
  }, []);

  return {
    payOpen,
    openPay,
    closePay: () => setPayOpen(false),
    pay,
    paying: createOrder.isPending,
    payError,
    checkoutProblem,
    receipt,
    /** Back from the receipt to an empty sale. */
    closeReceipt,
  };
}
