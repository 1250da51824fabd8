import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import type { RefundDto } from '../../../../shared/schemas/refunds';
import { formatMoney } from '../../lib/money';
import { formatFullWhen } from '../orders/order-text';
import { ReceiptModal } from '../receipts/ReceiptModal';
import { linesText, tendersText } from './refund-text';

interface OrderRefundsProps {
  refunds: readonly RefundDto[];
  /** The signed-in user, who reads "You". */
  actorId: number;
  /** People's names as the drawer knows them; a cashier may not know the approving manager's. */
  nameOf: (userId: number) => string | null;
}

/** A sale's earlier refunds, oldest first: each with its own receipt number. */
export function OrderRefunds({ refunds, actorId, nameOf }: OrderRefundsProps) {
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  if (refunds.length === 0) return null;
  const whoOf = (userId: number) => (userId === actorId ? 'You' : (nameOf(userId) ?? `User #${userId}`));
  const approverOf = (userId: number) => (userId === actorId ? 'you' : (nameOf(userId) ?? 'a manager'));
  return (
    <Stack gap="xs">
      <Title order={4} fz="md">
        Refunds
      </Title>
      <Table verticalSpacing="xs" fz="sm" withTableBorder data-testid="order-refunds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Receipt no.</Table.Th>
            <Table.Th>When · who</Table.Th>
            <Table.Th>Lines</Table.Th>
            <Table.Th ta="right" w={110}>
              Amount
            </Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {refunds.map((refund) => (
            <Table.Tr key={refund.id} data-testid={`order-refund-${refund.id}`} data-receipt-no={refund.receipt_no}>
              <Table.Td fw={600}>{refund.receipt_no}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatFullWhen(refund.created_at)}</Text>
                <Text size="xs" c="dimmed">
                  {whoOf(refund.created_by)}
                  {refund.approved_by !== null ? `, approved by ${approverOf(refund.approved_by)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{linesText(refund)}</Text>
                <Text size="xs" c="dimmed">
                  {refund.reason}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm" fw={600}>
                  {formatMoney(refund.total_cents + refund.rounding_cents)}
                </Text>
                <Text size="xs" c="dimmed">
                  {tendersText(refund)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconReceipt size={16} />}
                  onClick={() => setReceiptOf(refund.id)}
                  aria-label={`Receipt ${refund.receipt_no}`}
                  data-testid={`order-refund-receipt-${refund.id}`}
                >
                  Receipt
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReceiptModal target={receiptOf === null ? null : { kind: 'refund', id: receiptOf }} onClose={() => setReceiptOf(null)} />
    </Stack>
  );
}
