import { NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import { formatMoney } from '../../lib/money';
import type { LineChoice, RefundableLine } from './refund-plan';

const CONDITION_OPTIONS = [
  { value: 'restock', label: 'Restock' },
  { value: 'damaged', label: 'Damaged' },
];

interface RefundLineRowProps {
  line: RefundableLine;
  choice: LineChoice;
  /** What the chosen units give back, when they are priced. */
  estimateCents: number | null;
  onChange: (choice: LineChoice) => void;
}

/** One sold line: how many units come back (at most what is left) and whether they go back on the shelf. */
export function RefundLineRow({ line, choice, estimateCents, onChange }: RefundLineRowProps) {
  const none = line.left === 0;
  return (
    <Table.Tr data-testid={`refund-line-${line.order_item_id}`} data-left={line.left}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {line.name}
        </Text>
        <Text size="xs" c="dimmed">
          {line.sold} sold{line.refunded > 0 ? ` · ${line.refunded} refunded` : ''}
        </Text>
      </Table.Td>
      <Table.Td ta="right" data-testid={`refund-left-${line.order_item_id}`}>
        {line.left}
      </Table.Td>
      <Table.Td w={120}>
        <NumberInput
          aria-label={`Units of ${line.name} to refund`}
          value={choice.amount}
          onChange={(value) => onChange({ ...choice, amount: typeof value === 'number' ? value : 0 })}
          min={0}
          max={line.left}
          step={1}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          disabled={none}
          data-testid={`refund-amount-${line.order_item_id}`}
        />
      </Table.Td>
      <Table.Td w={190}>
        <SegmentedControl
          size="xs"
          fullWidth
          data={CONDITION_OPTIONS}
          value={choice.restock ? 'restock' : 'damaged'}
          onChange={(value) => onChange({ ...choice, restock: value === 'restock' })}
          disabled={none || choice.amount === 0}
          aria-label={`Condition of the returned ${line.name}`}
          data-testid={`refund-condition-${line.order_item_id}`}
          data-condition={choice.restock ? 'restock' : 'damaged'}
        />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {estimateCents === null ? '—' : formatMoney(estimateCents)}
      </Table.Td>
    </Table.Tr>
  );
}
