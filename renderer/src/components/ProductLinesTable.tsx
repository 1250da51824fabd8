import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A column of a product-lines table beside the product itself. */
export interface ProductLineColumn<Line> {
  header: string;
  width?: number;
  numeric?: boolean;
  cell: (line: Line) => ReactNode;
}

interface ProductLinesTableProps<Line> {
  lines: readonly Line[];
  columns: readonly ProductLineColumn<Line>[];
  /** `labels` → testids `labels-lines`, `labels-line-<sku>`, `labels-remove-<sku>`, `labels-empty`. */
  testIdPrefix: string;
  /** What to do while the list is empty. */
  emptyText: string;
  onRemove: (productId: number) => void;
}

/**
 * Products gathered by scanning or searching (goods received, labels to print): each line
 * names its product, shows the page's own columns, and can be taken out again.
 */
export function ProductLinesTable<Line extends { product: { id: number; name: string; sku: string } }>({
  lines,
  columns,
  testIdPrefix,
  emptyText,
  onRemove,
}: ProductLinesTableProps<Line>) {
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md" data-testid={`${testIdPrefix}-empty`}>
        {emptyText}
      </Text>
    );
  return (
    <Table verticalSpacing="xs" data-testid={`${testIdPrefix}-lines`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          {columns.map((column) => (
            <Table.Th key={column.header} w={column.width} ta={column.numeric ? 'right' : undefined}>
              {column.header}
            </Table.Th>
          ))}
          <Table.Th w={50} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.product.id} data-testid={`${testIdPrefix}-line-${line.product.sku}`}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {line.product.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {line.product.sku}
              </Text>
            </Table.Td>
            {columns.map((column) => (
              <Table.Td
                key={column.header}
                ta={column.numeric ? 'right' : undefined}
                style={column.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}
              >
                {column.cell(line)}
              </Table.Td>
            ))}
            <Table.Td>
              <Tooltip label="Remove" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${line.product.name}`}
                  onClick={() => onRemove(line.product.id)}
                  data-testid={`${testIdPrefix}-remove-${line.product.sku}`}
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
