import { Button, Group } from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { RefundDto } from '../../../../shared/schemas/refunds';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageError } from '../../components/PageStates';
import { formatMoney } from '../../lib/money';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { useRefreshTill } from '../till/use-refresh-till';
import { OrderRefunds } from './OrderRefunds';
import { RefundDialog } from './RefundDialog';
import { isRefundable } from './refund-plan';

interface SaleRefundsProps {
  order: OrderDto;
  actor: UserDto;
  nameOf: (userId: number) => string | null;
}

/** A completed sale's refunds in its drawer, and the Refund button for staff. */
export function SaleRefunds({ order, actor, nameOf }: SaleRefundsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshTill = useRefreshTill();
  const [refunding, setRefunding] = useState(false);
  const refunds = useQuery({ ...trpc.refunds.listForOrder.queryOptions({ id: order.id }), enabled: order.status === 'completed' });
  const earlier = refunds.data ?? [];
  const mayRefund = can(actor.role, 'refunds.create') && isRefundable(order);

  const refunded = async (refund: RefundDto) => {
    setRefunding(false);
    notifySuccess(
      `Receipt no. ${refund.receipt_no}: ${formatMoney(refund.total_cents + refund.rounding_cents)} paid back.`,
      'Refund recorded',
    );
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.refunds.pathKey() }),
      // Restocked units are back on the shelf; cash refunds leave the drawer.
      queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.stock.pathKey() }),
      refreshTill(),
    ]);
  };

  if (order.status !== 'completed') return null;
  return (
    <>
      {refunds.isError ? (
        <PageError error={refunds.error} onRetry={() => void refunds.refetch()} title="The sale's refunds could not be loaded" />
      ) : null}
      <OrderRefunds refunds={earlier} actorId={actor.id} nameOf={nameOf} />
      {mayRefund ? (
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            leftSection={<IconReceiptRefund size={18} />}
            onClick={() => setRefunding(true)}
            // The last unit's refund gives back what the earlier ones left: they must be known.
            disabled={!refunds.isSuccess}
            data-testid="order-refund"
          >
            Refund
          </Button>
        </Group>
      ) : null}
      <RefundDialog
        opened={refunding}
        order={order}
        earlier={earlier}
        actor={actor}
        onClose={() => setRefunding(false)}
        onRefunded={(refund) => void refunded(refund)}
      />
    </>
  );
}
