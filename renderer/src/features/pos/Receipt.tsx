import { Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { SHOP_NAME } from '../../components/Brand';
import { formatMoney } from '../../lib/money';
import classes from './Pos.module.css';

export interface CompletedSale {
  order: OrderDto;
  tenderedCents: number;
  cashier: string;
}

const receiptTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The receipt itself, the same on screen and on paper. */
function ReceiptBody({ sale, testIds }: { sale: CompletedSale; testIds: boolean }) {
  const { order, tenderedCents, cashier } = sale;
  const change = tenderedCents - order.total_cents;
  const id = (name: string) => (testIds ? name : undefined);
  return (
    <div className={classes.receipt}>
      <Text ta="center" fw={700} fz={18} ff="inherit">
        {SHOP_NAME}
      </Text>
      <Text ta="center" ff="inherit" fz="inherit">
        {receiptTime.format(new Date(order.created_at))}
      </Text>
      <div className={classes.receiptRow}>
        <span>
          Order{' '}
          <b data-testid={id('receipt-order-id')} data-order-id={order.id}>
            #{order.id}
          </b>
        </span>
        <span>Cashier: {cashier}</span>
      </div>
      <hr className={classes.receiptRule} />
      {order.items.map((item) => (
        <div key={item.product_id} data-testid={id('receipt-line')}>
          <div>{item.name}</div>
          <div className={classes.receiptRow}>
            <span>
              {' '}
              {item.amount} × {formatMoney(item.unit_price_cents)}
            </span>
            <span>{formatMoney(item.line_total_cents)}</span>
          </div>
        </div>
      ))}
      <hr className={classes.receiptRule} />
      <div className={classes.receiptTotal}>
        <span>TOTAL</span>
        <span data-testid={id('receipt-total')}>{formatMoney(order.total_cents)}</span>
      </div>
      <div className={classes.receiptRow}>
        <span>Cash</span>
        <span data-testid={id('receipt-tendered')}>{formatMoney(tenderedCents)}</span>
      </div>
      <div className={classes.receiptRow}>
        <span>{change < 0 ? 'Still due' : 'Change'}</span>
        <span data-testid={id('receipt-change')}>{formatMoney(Math.abs(change))}</span>
      </div>
      <hr className={classes.receiptRule} />
      <Text ta="center" ff="inherit" fz="inherit">
        Thank you for shopping with us!
      </Text>
    </div>
  );
}

/**
 * After a sale: the receipt, Print (only the receipt goes to paper) and New sale (Enter). The
 * printed copy is a second rendering at the end of <body>, the one thing the print stylesheet keeps.
 */
export function Receipt({ sale, onNewSale }: { sale: CompletedSale; onNewSale: () => void }) {
  const change = sale.tenderedCents - sale.order.total_cents;
  return (
    <Stack align="center" gap="lg" py="md">
      <Stack gap={2} align="center">
        <Text fz={30} fw={750} c="teal.8">
          {change > 0 ? `Change: ${formatMoney(change)}` : change < 0 ? `Still due: ${formatMoney(-change)}` : 'Paid exactly'}
        </Text>
        <Text c="dimmed" size="sm">
          Sale recorded as order #{sale.order.id}.
        </Text>
      </Stack>
      <Paper withBorder shadow="sm" p="lg" radius="sm" data-testid="receipt" bg="white">
        <ReceiptBody sale={sale} testIds />
      </Paper>
      <Group gap="sm">
        <Button
          variant="default"
          size="md"
          leftSection={<IconPrinter size={18} />}
          onClick={() => window.print()}
          data-testid="print-receipt"
        >
          Print
        </Button>
        <Button size="md" leftSection={<IconPlus size={18} />} onClick={onNewSale} autoFocus data-testid="new-sale">
          New sale
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        <Kbd size="xs">Enter</Kbd> starts the next sale · scanning an item starts it too · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">P</Kbd>{' '}
        prints
      </Text>
      {createPortal(
        <div className={classes.printCopy} aria-hidden>
          <ReceiptBody sale={sale} testIds={false} />
        </div>,
        document.body,
      )}
    </Stack>
  );
}
