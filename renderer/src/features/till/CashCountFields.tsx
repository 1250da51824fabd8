import { NumberInput, SimpleGrid, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, formatMoney, formatWholeMoney } from '../../lib/money';
import { denominationsFor, type Denomination } from './denominations';
import type { CashCount } from './use-cash-count';

interface CashCountFieldsProps {
  count: CashCount;
  /** "Opening float", "Counted cash". */
  label: string;
  error: string | null;
  /** The shop's currency; the coins and notes show once it is known. */
  currency: string | null;
  /** Prefix of the test ids: `<testId>-total`, `<testId>-pieces-<cents>`. */
  testId: string;
  onEdit: () => void;
  /** Take the focus when shown again within an open dialog (a dialog's first showing focuses it anyway). */
  autoFocus?: boolean;
}

const UNIT = 10 ** CURRENCY_DECIMALS;
const moneyCell: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** "€0.50" for coins below one unit, "€20" for whole ones. */
const denominationLabel = (cents: number) => (cents % UNIT === 0 ? formatWholeMoney(cents) : formatMoney(cents));

function PiecesTable({
  title,
  items,
  count,
  testId,
  onEdit,
}: { title: string; items: Denomination[] } & Pick<CashCountFieldsProps, 'count' | 'testId' | 'onEdit'>) {
  if (items.length === 0) return null;
  return (
    <Table verticalSpacing={2} horizontalSpacing="xs" withRowBorders={false} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th w={86}>Pieces</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map(({ cents }) => {
          const pieces = count.counts[cents] ?? 0;
          const label = denominationLabel(cents);
          return (
            <Table.Tr key={cents}>
              <Table.Td fw={500} style={moneyCell}>
                {label}
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label={`Pieces of ${label}`}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  min={0}
                  value={pieces === 0 ? '' : pieces}
                  onChange={(value) => {
                    count.setPieces(cents, value);
                    onEdit();
                  }}
                  onFocus={(event) => event.currentTarget.select()}
                  data-testid={`${testId}-pieces-${cents}`}
                />
              </Table.Td>
              <Table.Td ta="right" c={pieces === 0 ? 'dimmed' : undefined} style={moneyCell}>
                {pieces === 0 ? '—' : formatMoney(pieces * cents)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The cash in the drawer: the total typed in, or counted piece by piece (the pieces write the
 * total). The total has the focus; Tab walks down the coins and then the notes.
 */
export function CashCountFields({ count, label, error, currency, testId, onEdit, autoFocus }: CashCountFieldsProps) {
  const denominations = currency === null ? [] : denominationsFor(currency, CURRENCY_DECIMALS);
  return (
    <>
      <NumberInput
        label={label}
        description={count.counted ? 'Counted from the coins and notes below.' : 'Type the total, or count the coins and notes below.'}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        size="lg"
        styles={{
          label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 },
          description: { fontSize: 'var(--mantine-font-size-xs)' },
        }}
        leftSection={<Text fw={600}>{CURRENCY_SYMBOL}</Text>}
        placeholder={(0).toFixed(CURRENCY_DECIMALS)}
        decimalScale={CURRENCY_DECIMALS}
        decimalSeparator="."
        allowNegative={false}
        hideControls
        value={count.typed}
        onChange={(value) => {
          count.setTyped(value);
          onEdit();
        }}
        error={error}
        data-autofocus
        autoFocus={autoFocus}
        data-testid={`${testId}-total`}
      />
      {denominations.length > 0 ? (
        <SimpleGrid cols={2} spacing="md" data-testid={`${testId}-denominations`}>
          <PiecesTable title="Coins" items={denominations.filter((d) => d.kind === 'coin')} count={count} testId={testId} onEdit={onEdit} />
          <PiecesTable title="Notes" items={denominations.filter((d) => d.kind === 'note')} count={count} testId={testId} onEdit={onEdit} />
        </SimpleGrid>
      ) : null}
    </>
  );
}
