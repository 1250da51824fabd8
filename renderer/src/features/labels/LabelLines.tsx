import { NumberInput, Text } from '@mantine/core';
import { MAX_LABEL_COPIES } from '../../../../shared/schemas/labels';
import { ProductLinesTable, type ProductLineColumn } from '../../components/ProductLinesTable';
import { formatMoney } from '../../lib/money';
import { isValidCopies, type LabelLine } from './label-lines';

interface Props {
  lines: readonly LabelLine[];
  onCopies: (productId: number, copies: string | number) => void;
  onRemove: (productId: number) => void;
}

/** The products to label and how many labels of each. */
export function LabelLines({ lines, onCopies, onRemove }: Props) {
  const columns: ProductLineColumn<LabelLine>[] = [
    {
      header: 'Barcode',
      cell: (line) => (
        <Text size="sm" ff="monospace" c={line.product.barcode ? undefined : 'dimmed'}>
          {line.product.barcode ?? 'SKU'}
        </Text>
      ),
    },
    { header: 'Price', width: 110, numeric: true, cell: (line) => formatMoney(line.product.price_cents) },
    {
      header: 'Labels',
      width: 130,
      cell: (line) => (
        <NumberInput
          aria-label={`Labels of ${line.product.name}`}
          value={line.copies}
          onChange={(copies) => onCopies(line.product.id, copies)}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          max={MAX_LABEL_COPIES}
          error={isValidCopies(line.copies) ? undefined : `1 to ${MAX_LABEL_COPIES}`}
          data-testid={`labels-copies-${line.product.sku}`}
        />
      ),
    },
  ];
  return (
    <ProductLinesTable
      lines={lines}
      columns={columns}
      testIdPrefix="labels"
      emptyText="Scan products or search for them above; each scan adds one more label."
      onRemove={onRemove}
    />
  );
}
