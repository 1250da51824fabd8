import { Button, Card, Kbd, Stack, Text } from '@mantine/core';
import { IconCash, IconClockPause, IconTrashX } from '@tabler/icons-react';
import { formatMoney } from '../../lib/money';
import { cartItemCount, cartTotalCents, type CartLine } from './cart';
import classes from './Pos.module.css';

interface SaleTotalCardProps {
  lines: readonly CartLine[];
  onPay: () => void;
  onPark: () => void;
  parking: boolean;
  onClear: () => void;
}

/** The sale's total in large type, with Pay, Park and Clear sale. */
export function SaleTotalCard({ lines, onPay, onPark, parking, onClear }: SaleTotalCardProps) {
  const total = cartTotalCents(lines);
  const itemCount = cartItemCount(lines);
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed" fw={500}>
            Total
          </Text>
          <Text className={classes.grandTotal} data-testid="cart-total" data-cents={total}>
            {formatMoney(total)}
          </Text>
          <Text size="sm" c="dimmed" data-testid="cart-count">
            {itemCount === 1 ? '1 item' : `${itemCount} items`}
            {lines.length > 0 ? ` · ${lines.length === 1 ? '1 line' : `${lines.length} lines`}` : ''}
          </Text>
        </Stack>
        <Button
          size="xl"
          fullWidth
          leftSection={<IconCash size={24} />}
          rightSection={<Kbd>F2</Kbd>}
          justify="space-between"
          disabled={lines.length === 0}
          onClick={onPay}
          data-testid="pay-button"
        >
          Pay
        </Button>
        <Button
          variant="default"
          fullWidth
          leftSection={<IconClockPause size={18} />}
          rightSection={<Kbd size="xs">F4</Kbd>}
          justify="space-between"
          disabled={lines.length === 0}
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
          disabled={lines.length === 0}
          onClick={onClear}
          data-testid="clear-sale"
        >
          Clear sale
        </Button>
      </Stack>
    </Card>
  );
}
