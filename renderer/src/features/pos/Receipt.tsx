import { Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { SHOP_NAME } from '../../components/Brand';
import { shopClockFormat } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useShopSettings } from '../../lib/shop-settings';
import { formatRateBp } from '../settings/tax-rate-percent';
import { discountBadge } from './discount';
import classes from './Pos.module.css';
import { METHOD_LABELS } from './tender-text';

export interface CompletedSale {
  order: OrderDto;
  cashier: string;
  /** The register the sale was completed on. */
  registerName: string;
}

const changeOfOrder = (order: OrderDto) => order.payments.reduce((sum, p) => sum + p.change_cents, 0);

/** The receipt itself, the same on screen and on paper. */
function ReceiptBody({ sale, testIds }: { sale: CompletedSale; testIds: boolean }) {
  const { order, cashier, registerName } = sale;
  const shop = useShopSettings();
  const includesTax = shop?.prices_include_tax ?? true;
  const id = (name: string) => (testIds ? name : undefined);
  // A receipt is dated in the shop's time zone, like its reports.
  const when = shopClockFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(order.completed_at ?? order.created_at));
  return (
    <div className={classes.receipt}>
      <Text ta="center" fw={700} fz={18} ff="inherit" data-testid={id('receipt-shop')}>
        {shop?.name ?? SHOP_NAME}
      </Text>
      {shop?.address ? (
        <Text ta="center" ff="inherit" fz="inherit" style={{ whiteSpace: 'pre-line' }}>
          {shop.address}
        </Text>
      ) : null}
      {shop?.tax_id ? (
        <Text ta="center" ff="inherit" fz="inherit">
          Tax id {shop.tax_id}
        </Text>
      ) : null}
      <Text ta="center" ff="inherit" fz="inherit">
        {when}
      </Text>
      <div className={classes.receiptRow}>
        <span>
          Receipt no.{' '}
          <b data-testid={id('receipt-no')} data-order-id={order.id}>
            {order.receipt_no ?? '—'}
          </b>
        </span>
        <span>{registerName}</span>
      </div>
      <div className={classes.receiptRow}>
        <span>Order #{order.id}</span>
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
          {item.discount_cents > 0 ? (
            <div className={classes.receiptRow} data-testid={id('receipt-line-discount')} data-cents={item.discount_cents}>
              <span>
                {' '}
                Discount{item.discount ? ` ${discountBadge(item.discount)}` : ''}
                {/* Its share of the sale's discount is in the same amount. */}
                {order.discount ? (item.discount ? ' + sale' : ' (sale)') : ''}
              </span>
              <span>−{formatMoney(item.discount_cents)}</span>
            </div>
          ) : null}
        </div>
      ))}
      <hr className={classes.receiptRule} />
      {order.discount_cents > 0 || !includesTax ? (
        <div className={classes.receiptRow}>
          <span>Subtotal</span>
          <span data-testid={id('receipt-subtotal')}>{formatMoney(order.subtotal_cents)}</span>
        </div>
      ) : null}
      {order.discount_cents > 0 ? (
        <div className={classes.receiptRow} data-testid={id('receipt-discounts')} data-cents={order.discount_cents}>
          <span>Discounts{order.discount ? ` (sale ${discountBadge(order.discount)})` : ''}</span>
          <span>−{formatMoney(order.discount_cents)}</span>
        </div>
      ) : null}
      {!includesTax && order.tax_cents > 0 ? (
        <div className={classes.receiptRow}>
          <span>Tax</span>
          <span>+{formatMoney(order.tax_cents)}</span>
        </div>
      ) : null}
      <div className={classes.receiptTotal}>
        <span>TOTAL</span>
        <span data-testid={id('receipt-total')} data-cents={order.total_cents}>
          {formatMoney(order.total_cents)}
        </span>
      </div>
      {order.rounding_cents !== 0 ? (
        <>
          <div className={classes.receiptRow} data-testid={id('receipt-rounding')}>
            <span>Cash rounding</span>
            <span>{formatMoney(order.rounding_cents)}</span>
          </div>
          <div className={classes.receiptTotal}>
            <span>DUE</span>
            <span data-testid={id('receipt-due')}>{formatMoney(order.due_cents)}</span>
          </div>
        </>
      ) : null}
      {order.taxes.length > 0 ? (
        <div data-testid={id('receipt-taxes')}>
          <hr className={classes.receiptRule} />
          <div className={classes.receiptRow}>
            <span>{includesTax ? 'Tax included' : 'Tax'}</span>
            <span>Taxable · Tax</span>
          </div>
          {order.taxes.map((tax) => (
            <div
              key={tax.tax_rate_id}
              className={classes.receiptRow}
              data-testid={id('receipt-tax')}
              data-rate-bp={tax.rate_bp}
              data-cents={tax.tax_cents}
            >
              <span>
                {tax.name} {formatRateBp(tax.rate_bp)}
              </span>
              <span>
                {formatMoney(tax.taxable_cents)} · {formatMoney(tax.tax_cents)}
              </span>
            </div>
          ))}
          <hr className={classes.receiptRule} />
        </div>
      ) : null}
      {order.payments.map((payment, index) => (
        <div key={index} data-testid={id('receipt-tender')} data-method={payment.method}>
          <div className={classes.receiptRow}>
            <span>
              {METHOD_LABELS[payment.method]}
              {payment.reference ? ` ${payment.reference}` : ''}
            </span>
            <span>{formatMoney(payment.method === 'cash' ? payment.tendered_cents : payment.amount_cents)}</span>
          </div>
        </div>
      ))}
      <div className={classes.receiptRow}>
        <span>Change</span>
        <span data-testid={id('receipt-change')}>{formatMoney(changeOfOrder(order))}</span>
      </div>
      <hr className={classes.receiptRule} />
      <Text ta="center" ff="inherit" fz="inherit" style={{ whiteSpace: 'pre-line' }}>
        {shop?.receipt_footer || 'Thank you for shopping with us!'}
      </Text>
    </div>
  );
}

/**
 * After a sale: the receipt, Print (only the receipt goes to paper) and New sale (Enter). The
 * printed copy is a second rendering at the end of <body>, the one thing the print stylesheet keeps.
 */
export function Receipt({ sale, onNewSale }: { sale: CompletedSale; onNewSale: () => void }) {
  const change = changeOfOrder(sale.order);
  return (
    <Stack align="center" gap="lg" py="md">
      <Stack gap={2} align="center">
        <Text fz={30} fw={750} c="teal.8">
          {change > 0 ? `Change: ${formatMoney(change)}` : 'Paid exactly'}
        </Text>
        <Text c="dimmed" size="sm" data-testid="receipt-summary">
          Receipt {sale.order.receipt_no ?? '—'} · order #{sale.order.id} · {sale.registerName}
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
