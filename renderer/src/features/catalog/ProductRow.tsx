import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconPencil, IconStack2 } from '@tabler/icons-react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { formatMoney } from '../../lib/money';

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
      <Tooltip label="Edit" withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={actions.onEdit}
          aria-label={`Edit ${product.name}`}
          data-testid={`product-edit-${product.sku}`}
        >
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Adjust stock" withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={actions.onAdjustStock}
          aria-label={`Adjust the stock of ${product.name}`}
          data-testid={`product-stock-adjust-${product.sku}`}
        >
          <IconStack2 size={18} />
        </ActionIcon>
      </Tooltip>
      {product.is_active ? (
        <Tooltip label="Deactivate" withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={actions.onDeactivate}
            aria-label={`Deactivate ${product.name}`}
            data-testid={`product-deactivate-${product.sku}`}
          >
            <IconCircleOff size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label="Activate" withArrow>
          <ActionIcon
            variant="subtle"
            color="teal"
            onClick={actions.onActivate}
            loading={actions.activating}
            aria-label={`Activate ${product.name}`}
            data-testid={`product-activate-${product.sku}`}
          >
            <IconCircleCheck size={18} />
          </ActionIcon>
        </Tooltip>
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
        {product.is_active ? (
          <Badge variant="dot" color="teal" radius="sm" tt="none" fw={500}>
            Active
          </Badge>
        ) : (
          <Badge variant="dot" color="gray" radius="sm" tt="none" fw={500}>
            Inactive
          </Badge>
        )}
      </Table.Td>
      {actions ? (
        <Table.Td>
          <RowActions product={product} actions={actions} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
