import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { formatMoney } from '../../lib/money';
import classes from './Pos.module.css';
import type { PlanState, PlannedPayment } from './tender-plan';
import { METHOD_LABELS, roundingText } from './tender-text';

interface PaySummaryProps {
  totalCents: number;
  itemCount: number;
  state: PlanState;
  added: readonly PlannedPayment[];
  onRemove: (index: number) => void;
  disabled: boolean;
}

/**
 * The top of the pay dialog: the total, the rounding when the sale is wholly cash, the payments
 * taken so far (a split sale) and, large, what is left to pay.
 */
export function PaySummary({ totalCents, itemCount, state, added, onRemove, disabled }: PaySummaryProps) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {added.length > 0 ? 'Left to pay' : 'To pay'} · {itemCount === 1 ? '1 item' : `${itemCount} items`}
          </Text>
          <Text className={classes.grandTotal} data-testid="pay-remaining" data-cents={state.remainingCents}>
            {formatMoney(Math.max(0, state.remainingCents))}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="sm" c="dimmed">
            Total{' '}
            <Text span fw={600} c="var(--mantine-color-text)" className={classes.money} data-testid="pay-total">
              {formatMoney(totalCents)}
            </Text>
          </Text>
          {state.roundingCents !== 0 ? (
            <Text size="sm" c="orange.8" fw={600} data-testid="pay-rounding" data-cents={state.roundingCents}>
              {roundingText(state.roundingCents)} · due {formatMoney(state.dueCents)}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {added.length > 0 ? (
        <Stack gap={2} data-testid="pay-payments" aria-label="Payments taken">
          {added.map((payment, index) => (
            <Group
              key={index}
              justify="space-between"
              px="sm"
              py={4}
              style={{ borderRadius: 'var(--mantine-radius-sm)', background: 'var(--mantine-color-default-hover)' }}
              data-testid="pay-payment"
              data-method={payment.method}
            >
              <Text size="sm" fw={600}>
                {METHOD_LABELS[payment.method]}
                {payment.reference ? (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {payment.reference}
                  </Text>
                ) : null}
              </Text>
              <Group gap="xs">
                <Text size="sm" className={classes.money}>
                  {formatMoney(payment.amountCents)}
                </Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  onClick={() => onRemove(index)}
                  disabled={disabled}
                  aria-label={`Remove the ${METHOD_LABELS[payment.method].toLowerCase()} payment of ${formatMoney(payment.amountCents)}`}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
