import { Alert, Button, Group, Kbd, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDiscount, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Discount, DiscountType } from '../../../../shared/pricing';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, centsFromInput, decimalFromCents, formatMoney } from '../../lib/money';
import { discountRefusal, type DiscountRefusal } from './discount';

/** What is being discounted: a line of the cart, or the whole sale. */
export interface DiscountTarget {
  kind: 'line' | 'sale';
  /** "Coffee beans" or "the sale", for the title. */
  label: string;
  /** The most an amount may be: the line's gross, or the sale after its line discounts. */
  maxCents: number;
  current: Discount | null;
}

interface DiscountDialogProps {
  target: DiscountTarget | null;
  onApply: (discount: Discount | null) => void;
  onClose: () => void;
}

const TYPE_OPTIONS = [
  { value: 'percent', label: 'Percent · %' },
  { value: 'amount', label: 'Amount' },
];

function refusalText(refusal: DiscountRefusal, maxCents: number): string {
  switch (refusal) {
    case 'not_whole':
      return 'A percent is a whole number; an amount has at most the currency’s decimals.';
    case 'negative':
      return 'A discount cannot be negative.';
    case 'percent_above_100':
      return 'A percent discount is at most 100.';
    case 'amount_above_price':
      return `At most ${formatMoney(maxCents)}: a discount cannot be more than what it discounts.`;
  }
}

/** The typed value as the discount's value (whole percent, or cents); null when unreadable. */
function valueOf(type: DiscountType, entered: string | number): number | null {
  if (entered === '') return null;
  if (type === 'amount') return centsFromInput(entered);
  const percent = typeof entered === 'number' ? entered : Number(entered.trim().replace(/\s*%$/, ''));
  return Number.isFinite(percent) ? percent : null;
}

function DiscountForm({ target, onApply, onClose }: DiscountDialogProps & { target: DiscountTarget }) {
  const [type, setType] = useState<DiscountType>(target.current?.type ?? 'percent');
  const [entered, setEntered] = useState<string | number>(() => {
    const current = target.current;
    if (!current) return '';
    return current.type === 'percent' ? current.value : decimalFromCents(current.value);
  });
  const [refusal, setRefusal] = useState<string | null>(null);

  const apply = () => {
    const value = valueOf(type, entered);
    if (value === null) {
      setRefusal(type === 'percent' ? 'Type a percent from 0 to 100.' : 'Type an amount.');
      return;
    }
    const discount: Discount = { type, value };
    const refused = discountRefusal(discount, target.maxCents);
    if (refused) {
      setRefusal(refusalText(refused, target.maxCents));
      return;
    }
    onApply(value === 0 ? null : discount);
  };

  const percent = type === 'percent';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // A portal passes React events up its owner's tree: nothing around the dialog may act on it.
        event.stopPropagation();
        apply();
      }}
      onKeyDown={(event) => {
        // "%" in the value switches to a percent, as a cashier would write it.
        if (event.key === '%') {
          event.preventDefault();
          setType('percent');
          setRefusal(null);
        }
      }}
      noValidate
      aria-label={`Discount on ${target.label}`}
      data-testid="discount-form"
    >
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          value={type}
          onChange={(value) => {
            setType(value === 'amount' ? 'amount' : 'percent');
            setRefusal(null);
          }}
          data={TYPE_OPTIONS}
          aria-label="Kind of discount"
          data-testid="discount-type"
          data-type={type}
        />
        <NumberInput
          label={percent ? 'Percent off' : 'Amount off'}
          description={percent ? 'A whole percent, 0–100.' : `At most ${formatMoney(target.maxCents)}.`}
          size="lg"
          leftSection={percent ? undefined : <Text fw={600}>{CURRENCY_SYMBOL}</Text>}
          rightSection={percent ? <Text fw={600}>%</Text> : undefined}
          decimalScale={percent ? 0 : CURRENCY_DECIMALS}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          value={entered}
          onChange={(value) => {
            setEntered(value);
            setRefusal(null);
          }}
          error={refusal}
          data-autofocus
          data-testid="discount-value"
        />
        {target.kind === 'sale' ? (
          <Text size="xs" c="dimmed">
            The sale’s discount is shared over its lines after their own discounts.
          </Text>
        ) : null}
        {refusal ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="discount-error">
            {refusal}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> applies · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            {target.current ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => onApply(null)}
                data-testid="discount-remove"
              >
                Remove discount
              </Button>
            ) : null}
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconDiscount size={18} />} data-testid="discount-apply">
              Apply
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** A discount on a line or on the whole sale: percent or amount, Enter applies, Esc cancels. */
export function DiscountDialog({ target, onApply, onClose }: DiscountDialogProps) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `Discount on ${target.label}` : 'Discount'}
      size="md"
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div data-testid="discount-dialog" data-kind={target?.kind}>
        {target ? <DiscountForm target={target} onApply={onApply} onClose={onClose} /> : null}
      </div>
    </Modal>
  );
}
