import { Table, Text } from '@mantine/core';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { formatMoney } from '../../lib/money';
import { formatFullWhen, formatWhen, itemCountOf, STATUS_LABELS } from './order-text';
import { StatusBadge } from './StatusBadge';

interface OrderRowProps {
  order: OrderDto;
  /** Who placed it, as the list names them. */
  placedBy: string;
  onOpen: () => void;
}

/** One order of the list; the whole row opens it, with the mouse or Enter and Space. */
export function OrderRow({ order, placedBy, onOpen }: OrderRowProps) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}
      aria-label={`Order ${order.id}, ${STATUS_LABELS[order.status]}, ${formatMoney(order.total_cents)}`}
      data-testid={`order-row-${order.id}`}
      data-status={order.status}
    >
      <Table.Td fw={600}>#{order.id}</Table.Td>
      <Table.Td>
        <Text size="sm" component="time" dateTime={order.created_at} title={formatFullWhen(order.created_at)}>
          {formatWhen(order.created_at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={260}>
          {placedBy}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{itemCountOf(order)}</Table.Td>
      <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {formatMoney(order.total_cents)}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={order.status} />
      </Table.Td>
    </Table.Tr>
  );
}
