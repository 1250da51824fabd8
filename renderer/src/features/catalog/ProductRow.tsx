import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconPencil, IconStack2 } from '@tabler/icons-react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { ActiveBadge } from '../../components/ActiveBadge';
import { RowAction } from '../../components/RowAction';
import { formatMoney } from '../../lib/money';
import { StockHistoryAction } from '../stock/StockHistoryAction';

const count = new Intl.NumberFormat();

export interface ProductRowActions {
  onEdit: () => void;
  onAdjustStock: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
  activating: boolean;
}

function RowActions({ product, actions }: { product: ProductDto; actions: ProductRowActions }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <RowAction
        tooltip="Edit"
        label={`Edit ${product.name}`}
        icon={<IconPencil size={18} />}
        onClick={actions.onEdit}
        testId={`product-edit-${product.sku}`}
      />
      <RowAction
        tooltip="Adjust stock"
        label={`Adjust the stock of ${product.name}`}
        icon={<IconStack2 size={18} />}
        onClick={actions.onAdjustStock}
        testId={`product-stock-adjust-${product.sku}`}
      />
      <StockHistoryAction product={product} />
      {product.is_active ? (
        <RowAction
          tooltip="Deactivate"
          label={`Deactivate ${product.name}`}
          icon={<IconCircleOff size={18} />}
          onClick={actions.onDeactivate}
          testId={`product-deactivate-${product.sku}`}
        />
      ) : (
        <RowAction
          tooltip="Activate"
          label={`Activate ${product.name}`}
          icon={<IconCircleCheck size={18} />}
          onClick={actions.onActivate}
          loading={actions.activating}
          color="teal"
          testId={`product-activate-${product.sku}`}
        />
      )}
    </Group>
  );
}

/** One product of the catalog list; the actions column only for those who manage it. */
export function ProductRow({ product, actions }: { product: ProductDto; actions: ProductRowActions | null }) {
  return (
    <Table.Tr data-testid={`product-row-${product.sku}`} data-active={product.is_active}>
      <Table.Td>
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={600} truncate c={product.is_active ? undefined : 'dimmed'}>
            {product.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {product.sku}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" c={product.barcode ? undefined : 'dimmed'}>
          {product.barcode ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(product.price_cents)}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`product-stock-${product.sku}`}>
        {product.stock === 0 ? (
          <Badge color="red" variant="light" radius="sm">
            0
          </Badge>
        ) : (
          count.format(product.stock)
        )}
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={product.is_active} />
      </Table.Td>
      {actions ? (
        <Table.Td>
          <RowActions product={product} actions={actions} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
