import { Alert, Button, Card, Kbd, Loader, Stack, Text } from '@mantine/core';
import { IconCash, IconClockPause, IconDiscount, IconTrashX, IconUserShield } from '@tabler/icons-react';
import type { Discount } from '../../../../shared/pricing';
import { formatMoney } from '../../lib/money';
import { cartItemCount, type CartLine } from './cart';
import classes from './Pos.module.css';
import type { PricedSale } from './priced-sale';
import { SaleTotals, totalsOfPriced } from './SaleTotals';

interface SaleTotalCardProps {
  lines: readonly CartLine[];
  priced: PricedSale;
  saleDiscount: Discount | null;
  pricesIncludeTax: boolean;
  /** The signed-in role's `max_discount_percent` when the sale's discount share is above it. */
  limitExceeded: number | null;
  onDiscountSale: () => void;
  onPay: () => void;
  onPark: () => void;
  parking: boolean;
  onClear: () => void;
}

/** The sale's total in large type with how it comes about, the sale's discount, Pay, Park and Clear. */
export function SaleTotalCard(props: SaleTotalCardProps) {
  const { lines, priced, saleDiscount, pricesIncludeTax, limitExceeded, onDiscountSale, onPay, onPark, parking, onClear } = props;
  const itemCount = cartItemCount(lines);
  const order = priced.kind === 'priced' ? priced.priced : null;
  const empty = lines.length === 0;
  return (
    <Card>
      <Stack gap="md">
        {order && !empty ? <SaleTotals {...totalsOfPriced(order)} saleDiscount={saleDiscount} pricesIncludeTax={pricesIncludeTax} /> : null}
        <Stack gap={0}>
          <Text size="sm" c="dimmed" fw={500}>
            Total
          </Text>
          {order ? (
            <Text className={classes.grandTotal} data-testid="cart-total" data-cents={order.total_cents}>
              {formatMoney(order.total_cents)}
            </Text>
          ) : (
            <Loader size="md" my="sm" data-testid="cart-total-pending" aria-label="Reading the tax rates" />
          )}
          <Text size="sm" c="dimmed" data-testid="cart-count">
            {itemCount === 1 ? '1 item' : `${itemCount} items`}
            {lines.length > 0 ? ` · ${lines.length === 1 ? '1 line' : `${lines.length} lines`}` : ''}
          </Text>
        </Stack>
        {limitExceeded !== null ? (
          <Alert color="orange" variant="light" icon={<IconUserShield />} p="xs" data-testid="discount-limit-warning">
            <Text size="sm">
              The discount is more than the {limitExceeded} % of the sale you may give: a manager approves it with their PIN when the sale
              is paid or parked.
            </Text>
          </Alert>
        ) : null}
        <Button
          size="xl"
          fullWidth
          leftSection={<IconCash size={24} />}
          rightSection={<Kbd>F2</Kbd>}
          justify="space-between"
          disabled={empty || order === null}
          onClick={onPay}
          data-testid="pay-button"
        >
          Pay
        </Button>
        <Button
          variant="default"
          fullWidth
          leftSection={<IconDiscount size={18} />}
          rightSection={<Kbd size="xs">F5</Kbd>}
          justify="space-between"
          disabled={empty}
          onClick={onDiscountSale}
          data-testid="sale-discount-button"
        >
          Sale discount
        </Button>
        <Button
          variant="default"
          fullWidth
          leftSection={<IconClockPause size={18} />}
          rightSection={<Kbd size="xs">F4</Kbd>}
          justify="space-between"
          disabled={empty}
          loading={parking}
          onClick={onPark}
          data-testid="park-sale"
        >
          Park sale
        </Button>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconTrashX size={16} />}
          disabled={empty}
          onClick={onClear}
          data-testid="clear-sale"
        >
          Clear sale
        </Button>
      </Stack>
    </Card>
  );
}
