import { Group, Text } from '@mantine/core';
import type { PaymentMethod } from '../../../../shared/schemas/orders';
import { formatMoney } from '../../lib/money';
import classes from './Pos.module.css';
import { changeOf, type TenderOutcome } from './tender-plan';
import { METHOD_LABELS } from './tender-text';

/**
 * What the tender being typed would do, in large type: the change to hand back, or that it pays
 * only part of the sale (and what would be left), or that it cannot be taken.
 */
export function TenderOutcomeBar({ preview, method }: { preview: TenderOutcome | null; method: PaymentMethod }) {
  const partial = preview?.kind === 'partial';
  const refused = preview === null || preview.kind === 'refused';
  const change = preview?.kind === 'complete' ? changeOf(preview.payments) : 0;
  const label = refused
    ? 'Check the amount'
    : partial
      ? 'Part payment'
      : method === 'cash'
        ? 'Change due'
        : `${METHOD_LABELS[method]} pays the rest`;
  const color = refused ? 'red' : partial ? 'orange' : 'teal';
  return (
    <Group
      justify="space-between"
      p="md"
      style={{ borderRadius: 'var(--mantine-radius-md)', background: `var(--mantine-color-${color}-light)` }}
      data-testid="tender-outcome"
      data-kind={preview?.kind ?? 'refused'}
    >
      <Text fw={600} size="lg">
        {label}
      </Text>
      {method === 'cash' && !partial ? (
        <Text fw={750} fz={30} className={classes.money} c={refused ? 'red' : 'teal.8'} data-testid="change-due" data-short={refused}>
          {refused ? '—' : formatMoney(change)}
        </Text>
      ) : preview?.kind === 'partial' ? (
        <Text fw={600} size="lg" className={classes.money} data-testid="tender-left-after">
          {formatMoney(preview.payment.amountCents)} now
        </Text>
      ) : null}
    </Group>
  );
}
