import { ActionIcon, NumberInput, Table, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL } from '../../lib/money';
import { isValidCost, isWholeAmount, type ReceivingLine } from './receiving-lines';

interface Props {
  lines: readonly ReceivingLine[];
  onChange: (productId: number, change: Partial<Pick<ReceivingLine, 'amount' | 'unitCost'>>) => void;
  onRemove: (productId: number) => void;
}

/** The goods on the delivery: how many of each, and what each cost (optional). */
export function ReceivingLines({ lines, onChange, onRemove }: Props) {
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md" data-testid="receiving-empty">
        Scan the goods or search for them above; each scan counts one more.
      </Text>
    );
  return (
    <Table verticalSpacing="xs" data-testid="receiving-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th ta="right" w={100}>
            In stock
          </Table.Th>
          <Table.Th w={130}>Amount</Table.Th>
          <Table.Th w={150}>Unit cost</Table.Th>
          <Table.Th w={50} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.product.id} data-testid={`receiving-line-${line.product.sku}`}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {line.product.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {line.product.sku}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {line.product.stock}
            </Table.Td>
            <Table.Td>
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
            </Table.Td>
            <Table.Td>
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
            </Table.Td>
            <Table.Td>
              <Tooltip label="Remove" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${line.product.name}`}
                  onClick={() => onRemove(line.product.id)}
                  data-testid={`receiving-remove-${line.product.sku}`}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
