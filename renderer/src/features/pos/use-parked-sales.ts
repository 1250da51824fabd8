import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type Dispatch } from 'react';
import type { CreateOrderInput, OrderDto } from '../../../../shared/schemas/orders';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess, notifyWarning } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import type { CartLine, Sale, SaleAction } from './cart';
import { checkoutFailureOf } from './checkout-failure';
import { orderBodyOf } from './order-body';
import type { ApprovalAsk } from './use-approval-ask';

/** More parked sales than a shop keeps at once; the list shows the newest. */
const PARKED_LIMIT = 100;

/**
 * Parked sales: the cart saved as an open order (its stock held, no drawer needed), the list of
 * open orders (the server shows staff their own, managers all), and what can be done with one
 * taken back: cancel it (stock back) or edit it (docs/api.md "Parked sales").
 */
export function useParkedSales(sale: Sale, dispatch: Dispatch<SaleAction>, approval: ApprovalAsk) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [resumedId, setResumedId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const list = useQuery({ ...trpc.orders.list.queryOptions({ status: 'open', limit: PARKED_LIMIT }), refetchInterval: 30_000 });
  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const cancelOrder = useMutation(trpc.orders.cancel.mutationOptions());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
  };

  const park = () => {
    if (sale.lines.length === 0 || createOrder.isPending) return;
    // A discount beyond the cashier's limit is approved when it is parked; paying it later needs none.
    const send = (input: CreateOrderInput & { idempotency_key: string }) =>
      createOrder.mutate(input, {
        onSuccess: (order) => {
          approval.done();
          dispatch({ type: 'clear' });
          notifySuccess(`Its stock is held until it is paid or cancelled. Parked sales (F3) lists it.`, `Sale parked as #${order.id}`);
          refresh();
        },
        onError: (error) => {
          if (approval.settle(error, input.approval !== undefined, (given) => send({ ...input, approval: given })) !== 'not_ours') return;
          const failure = checkoutFailureOf(apiErrorOf(error), errorMessageOf(error));
          if (failure.kind === 'lines') dispatch({ type: 'problems', problems: failure.problems });
          if (failure.kind === 'key_reused') dispatch({ type: 'new_key' });
          notifyWarning(failure.message, 'The sale was not parked');
        },
      });
    send({ ...orderBodyOf(sale), idempotency_key: sale.key });
  };

  const cancel = (order: OrderDto, onDone: () => void) => {
    cancelOrder.mutate(
      { id: order.id },
      {
        onSuccess: () => {
          notifySuccess('Its stock is back on the shelf.', `Parked sale #${order.id} cancelled`);
          setResumedId(null);
          refresh();
          onDone();
        },
        onError: (error) => {
          notifyFailure(error, 'The parked sale was not cancelled');
          refresh();
        },
      },
    );
  };

  /**
   * The parked sale becomes the sale on screen: its products are read first (nothing changes if
   * one cannot be), then the parked order is cancelled (stock back), then its lines fill the
   * cart as a new sale. Its lines are never lost: they are either still parked or in the cart.
   */
  const edit = async (order: OrderDto, onDone: () => void) => {
    if (sale.lines.length > 0 || editing) return;
    setEditing(true);
    try {
      const products = await Promise.all(
        order.items.map((item) => queryClient.fetchQuery({ ...trpc.catalog.get.queryOptions({ id: item.product_id }), staleTime: 0 })),
      );
      const gone = products.find((product) => !product.is_active);
      if (gone) {
        notifyWarning(`${gone.name} is no longer sold: pay the parked sale as it is, or cancel it.`, 'The parked sale was not changed');
        return;
      }
      await cancelOrder.mutateAsync({ id: order.id });
      // The cancel put the held stock back: it is the sale's to take again.
      const lines: CartLine[] = order.items.flatMap((item, index) => {
        const product = products[index];
        return product ? [{ product: { ...product, stock: product.stock + item.amount }, qty: item.amount, discount: item.discount }] : [];
      });
      // Its discounts come back as asked (a percent stays a percent of today's prices).
      dispatch({ type: 'load', lines, discount: order.discount });
      setResumedId(null);
      notifyWarning(
        `Parked sale #${order.id} was cancelled and its lines are the sale on screen, at today’s prices. Its stock is no longer held: pay or park it again.`,
        'Editing a parked sale',
      );
      onDone();
    } catch (error) {
      notifyFailure(error, 'The parked sale was not changed');
    } finally {
      setEditing(false);
      refresh();
    }
  };

  return {
    parked: list.data?.items ?? [],
    loadingList: list.isPending,
    listError: list.isError,
    park,
    parking: createOrder.isPending,
    resumedId,
    resume: (order: OrderDto) => setResumedId(order.id),
    closeResumed: () => setResumedId(null),
    cancel,
    cancelling: cancelOrder.isPending,
    edit,
    editing,
  };
}
