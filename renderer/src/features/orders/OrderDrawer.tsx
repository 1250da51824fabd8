import { Button, DataList, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconReceipt } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { FormError } from '../../components/FormError';
import { PageError } from '../../components/PageStates';
import { errorMessageOf } from '../../lib/api-error';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { formatMoney } from '../../lib/money';
import { fullName } from '../../lib/names';
import { useLingering } from '../../lib/use-lingering';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NestedDialogsContext, useNestedDialogs } from '../receipts/nested-dialogs';
import { ReceiptModal } from '../receipts/ReceiptModal';
import { SaleRefunds } from '../refunds/SaleRefunds';
import { formatFullWhen, itemCountOf } from './order-text';
import { StatusBadge } from './StatusBadge';

interface OrderDrawerProps {
  /** The order as the list showed it; the drawer reads it again for the latest state. */
  order: OrderDto | null;
  actor: UserDto;
  nameOf: (userId: number) => string | null;
  onClose: () => void;
}

function Details({ order, actor, nameOf }: { order: OrderDto; actor: UserDto; nameOf: OrderDrawerProps['nameOf'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [showReceipt, setShowReceipt] = useState(false);
  const fresh = useQuery({ ...trpc.orders.get.queryOptions({ id: order.id }), placeholderData: order });
  const shown = fresh.data ?? order;

  const settle = async (saved: OrderDto, message: string, title: string) => {
    queryClient.setQueryData(trpc.orders.get.queryKey({ id: saved.id }), saved);
    notifySuccess(message, title);
    setConfirmCancel(false);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.orders.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.orders.stats.pathKey() }),
      // A cancelled order's items are back in stock.
      queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }),
    ]);
  };
  const complete = useMutation(
    trpc.orders.complete.mutationOptions({ onSuccess: (saved) => settle(saved, `Order #${saved.id} is completed.`, 'Order completed') }),
  );
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (saved) => settle(saved, `Order #${saved.id} is cancelled; its items are back in stock.`, 'Order cancelled'),
    }),
  );
  const failure = complete.error ?? cancel.error;
  // A colleague's sale (found by its receipt number) names its seller from the order itself.
  const placer = shown.user ? fullName(shown.user) || shown.user.username : null;
  const who = shown.user_id === actor.id ? 'You' : (nameOf(shown.user_id) ?? placer ?? `User #${shown.user_id}`);

  return (
    <Stack gap="lg" data-testid="order-detail" data-order-id={shown.id} data-status={shown.status}>
      <Group justify="space-between">
        <StatusBadge status={shown.status} size="lg" />
        <Text fz={28} fw={750} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="order-detail-total">
          {formatMoney(shown.total_cents)}
        </Text>
      </Group>
      <FormError message={failure ? errorMessageOf(failure) : null} />
      {fresh.isError ? (
        <PageError error={fresh.error} onRetry={() => void fresh.refetch()} title="The latest state could not be loaded" />
      ) : null}
      <DataList size="sm" labelWidth={120} withDivider>
        {shown.receipt_no !== null ? (
          <DataList.Item>
            <DataList.ItemLabel>Receipt no.</DataList.ItemLabel>
            <DataList.ItemValue data-testid="order-detail-receipt-no">{shown.receipt_no}</DataList.ItemValue>
          </DataList.Item>
        ) : null}
        <DataList.Item>
          <DataList.ItemLabel>Placed by</DataList.ItemLabel>
          <DataList.ItemValue>{who}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Placed</DataList.ItemLabel>
          <DataList.ItemValue>{formatFullWhen(shown.created_at)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Completed</DataList.ItemLabel>
          <DataList.ItemValue>
            {shown.completed_at ? formatFullWhen(shown.completed_at) : shown.status === 'cancelled' ? 'Cancelled' : 'Not yet'}
          </DataList.ItemValue>
        </DataList.Item>
        {shown.address ? (
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue>{shown.address}</DataList.ItemValue>
          </DataList.Item>
        ) : null}
        {shown.phone ? (
          <DataList.Item>
            <DataList.ItemLabel>Phone</DataList.ItemLabel>
            <DataList.ItemValue>{shown.phone}</DataList.ItemValue>
          </DataList.Item>
        ) : null}
      </DataList>
      <Table verticalSpacing="xs" fz="sm" withTableBorder data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right" w={70}>
              Qty
            </Table.Th>
            <Table.Th ta="right" w={100}>
              Price
            </Table.Th>
            <Table.Th ta="right" w={110}>
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.items.map((item) => (
            <Table.Tr key={item.order_item_id} data-testid={`order-line-${item.order_item_id}`} data-refunded={item.refunded_amount}>
              <Table.Td>
                {item.name}
                {item.refunded_amount > 0 ? (
                  <Text size="xs" c="red" data-testid={`order-line-refunded-${item.order_item_id}`}>
                    {item.refunded_amount} refunded
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{item.amount}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.unit_price_cents)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.line_total_cents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{itemCountOf(shown) === 1 ? '1 item' : `${itemCountOf(shown)} items`}</Table.Th>
            <Table.Th />
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(shown.total_cents)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {shown.status === 'completed' && shown.receipt_no !== null ? (
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconReceipt size={18} />}
            onClick={() => setShowReceipt(true)}
            data-testid="order-receipt"
          >
            Receipt
          </Button>
        </Group>
      ) : null}
      <ReceiptModal target={showReceipt ? { kind: 'order', id: shown.id } : null} order={shown} onClose={() => setShowReceipt(false)} />
      <SaleRefunds order={shown} actor={actor} nameOf={nameOf} />
      {shown.status === 'open' ? (
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            color="red"
            leftSection={<IconCircleX size={18} />}
            onClick={() => setConfirmCancel(true)}
            data-testid="order-cancel"
          >
            Cancel order
          </Button>
          {can(actor.role, 'orders.complete') ? (
            <Button
              leftSection={<IconCircleCheck size={18} />}
              onClick={() => complete.mutate({ id: shown.id })}
              loading={complete.isPending}
              data-testid="order-complete"
            >
              Complete
            </Button>
          ) : null}
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirmCancel}
        title={`Cancel order #${shown.id}?`}
        confirmLabel="Cancel order"
        danger
        loading={cancel.isPending}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => cancel.mutate({ id: shown.id })}
      >
        The order of {formatMoney(shown.total_cents)} is cancelled and its{' '}
        {itemCountOf(shown) === 1 ? 'item goes' : `${itemCountOf(shown)} items go`} back into stock. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}

/** An order's lines, totals and times; open orders can be completed (not by customers) or cancelled. */
export function OrderDrawer({ order, actor, nameOf, onClose }: OrderDrawerProps) {
  const shown = useLingering(order);
  // A receipt opened from the drawer takes Esc while it is open: one Esc shuts one dialog.
  const nested = useNestedDialogs();
  return (
    <Drawer
      opened={order !== null}
      onClose={onClose}
      closeOnEscape={nested.closeOnEscape}
      position="right"
      size="lg"
      title={shown ? `Order #${shown.id}` : 'Order'}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <NestedDialogsContext.Provider value={nested.register}>
        {shown ? <Details key={shown.id} order={shown} actor={actor} nameOf={nameOf} /> : null}
      </NestedDialogsContext.Provider>
    </Drawer>
  );
}
