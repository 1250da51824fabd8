import { Button, Card, Kbd, Stack, Text } from '@mantine/core';
import { IconCash, IconTrashX } from '@tabler/icons-react';
import { formatMoney } from '../../lib/money';
import { cartItemCount, cartTotalCents, type CartLine } from './cart';
import classes from './Pos.module.css';

interface SaleTotalCardProps {
  lines: readonly CartLine[];
  onPay: () => void;
  onClear: () => void;
}

/** The sale's total in large type, with Pay and Clear sale. */
export function SaleTotalCard({ lines, onPay, onClear }: SaleTotalCardProps) {
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
