import { Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { PageError, PageLoader } from '../../components/PageStates';
import { formatMoney } from '../../lib/money';
import { ReceiptActions } from '../receipts/ReceiptActions';
import type { ReceiptTarget } from '../receipts/receipt-target';
import { ReceiptView } from '../receipts/ReceiptView';
import { PrinterNotice } from '../receipts/PrinterNotice';
import { useReceipt } from '../receipts/use-receipt';
import { useReceiptPrinter } from '../receipts/use-receipt-printer';

export interface CompletedSale {
  order: OrderDto;
  cashier: string;
  /** The register the sale was completed on. */
  registerName: string;
}

const changeOfOrder = (order: OrderDto) => order.payments.reduce((sum, p) => sum + p.change_cents, 0);

/**
 * After a sale: the core's receipt of it (the same document the printer and the e-mail get),
 * Print, Send by e-mail and New sale (Enter, focused).
 */
export function Receipt({ sale, onNewSale }: { sale: CompletedSale; onNewSale: () => void }) {
  const target = useMemo<ReceiptTarget>(() => ({ kind: 'order', id: sale.order.id }), [sale.order.id]);
  const receipt = useReceipt(target);
  // The sale's register's printer: auto-printed sales are followed, a printer that is off says so.
  const printer = useReceiptPrinter(target, sale.order.register_id);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  // The change is said at once, from the answer of the payment: the drawer is open now.
  const change = changeOfOrder(sale.order);
  const doc = receipt.data?.document ?? null;
  return (
    <Stack align="center" gap="lg" py="md">
      <Stack gap={2} align="center">
        <Text fz={30} fw={750} c="teal.8">
          {change > 0 ? `Change: ${formatMoney(change)}` : 'Paid exactly'}
        </Text>
        <Text c="dimmed" size="sm" data-testid="receipt-summary">
          Receipt {doc?.receipt_no ?? sale.order.receipt_no ?? '—'} · order #{sale.order.id} · {doc?.register ?? sale.registerName}
        </Text>
      </Stack>
      <Paper withBorder shadow="sm" p="lg" radius="sm" data-testid="receipt" data-loaded={doc !== null} bg="white">
        {doc ? (
          <ReceiptView doc={doc} order={sale.order} />
        ) : receipt.isError ? (
          <PageError error={receipt.error} onRetry={() => void receipt.refetch()} title="The receipt could not be loaded" />
        ) : (
          <PageLoader label="Loading the receipt…" />
        )}
      </Paper>
      <PrinterNotice printer={printer} />
      <Group gap="sm">
        <ReceiptActions
          target={target}
          receiptNo={doc?.receipt_no ?? sale.order.receipt_no}
          html={receipt.data?.html ?? null}
          returnFocus={() => newSaleRef.current?.focus()}
          printer={printer}
        />
        <Button ref={newSaleRef} size="md" leftSection={<IconPlus size={18} />} onClick={onNewSale} autoFocus data-testid="new-sale">
          New sale
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        <Kbd size="xs">Enter</Kbd> starts the next sale · scanning an item starts it too · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">P</Kbd>{' '}
        prints
      </Text>
    </Stack>
  );
}
