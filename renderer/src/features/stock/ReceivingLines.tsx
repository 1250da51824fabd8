import { NumberInput, Text } from '@mantine/core';
import { ProductLinesTable, type ProductLineColumn } from '../../components/ProductLinesTable';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL } from '../../lib/money';
import { isValidCost, isWholeAmount, type ReceivingLine } from './receiving-lines';

interface Props {
  lines: readonly ReceivingLine[];
  onChange: (productId: number, change: Partial<Pick<ReceivingLine, 'amount' | 'unitCost'>>) => void;
  onRemove: (productId: number) => void;
}

/** The goods on the delivery: how many of each, and what each cost (optional). */
export function ReceivingLines({ lines, onChange, onRemove }: Props) {
  const columns: ProductLineColumn<ReceivingLine>[] = [
    { header: 'In stock', width: 100, numeric: true, cell: (line) => line.product.stock },
    {
      header: 'Amount',
      width: 130,
      cell: (line) => (
        <NumberInput
          aria-label={`Amount of ${line.product.name}`}
          value={line.amount}
          onChange={(amount) => onChange(line.product.id, { amount })}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          error={isWholeAmount(line.amount) ? undefined : 'At least 1'}
          data-testid={`receiving-amount-${line.product.sku}`}
        />
      ),
    },
    {
      header: 'Unit cost',
      width: 150,
      cell: (line) => (
        <NumberInput
          aria-label={`Unit cost of ${line.product.name}`}
          placeholder="optional"
          value={line.unitCost}
          onChange={(unitCost) => onChange(line.product.id, { unitCost })}
          leftSection={<Text size="sm">{CURRENCY_SYMBOL}</Text>}
          decimalScale={CURRENCY_DECIMALS}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          error={isValidCost(line.unitCost) ? undefined : 'Not an amount'}
          data-testid={`receiving-cost-${line.product.sku}`}
        />
      ),
    },
  ];
  return (
    <ProductLinesTable
      lines={lines}
      columns={columns}
      testIdPrefix="receiving"
      emptyText="Scan the goods or search for them above; each scan counts one more."
      onRemove={onRemove}
    />
  );
}
