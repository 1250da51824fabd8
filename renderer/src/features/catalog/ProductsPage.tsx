import { ActionIcon, Badge, Button, Card, EmptyState, Group, Loader, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconCircleOff, IconDownload, IconPackages, IconPencil, IconPlus, IconSearch, IconStack2, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isOneOf } from '../../../../shared/roles';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { todayShopDate } from '../../lib/dates';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { MANAGING_ROLES } from '../shell/navigation';
import { ConfirmDialog } from '../staff/ConfirmDialog';
import { useCursorPages } from '../staff/use-cursor-pages';
import { catalogToCsv, downloadText } from './catalog-csv';
import { ImportDialog } from './ImportDialog';
import { formatMoney } from './money';
import { ProductDialog } from './ProductDialog';
import { StockDialog } from './StockDialog';
import { useRefreshCatalog } from './use-refresh-catalog';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';

const PAGE_SIZE = 50;
const count = new Intl.NumberFormat();

/** Export: every product (`catalog.exportAll`) as a CSV the import reads back. */
function ExportButton() {
  const client = useTRPCClient();
  const exportAll = useMutation({
    mutationFn: () => client.catalog.exportAll.query(),
    onSuccess: (products) => {
      downloadText(catalogToCsv(products), `products-${todayShopDate()}.csv`);
      notifySuccess(`${count.format(products.length)} products written to the CSV file.`, 'Export ready');
    },
    onError: (err) => notifyFailure(err, 'Could not export the products'),
  });
  return (
    <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => exportAll.mutate()} loading={exportAll.isPending} data-testid="export-csv">
      Export CSV
    </Button>
  );
}

/** The catalog: everyone reads it; managers and the Super Admin add, edit, import and count stock. */
export default function ProductsPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshCatalog();
  const canManage = isOneOf(MANAGING_ROLES, user.role);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [withInactive, setWithInactive] = useState(false);
  const [dialog, setDialog] = useState<{ product: ProductDto | null } | null>(null);
  const [stockOf, setStockOf] = useState<ProductDto | null>(null);
  const [importing, setImporting] = useState(false);
  const [deactivating, setDeactivating] = useState<ProductDto | null>(null);
  const lastDeactivating = useRef(deactivating);
  if (deactivating) lastDeactivating.current = deactivating;
  const asked = deactivating ?? lastDeactivating.current;

  const filters = { limit: PAGE_SIZE, ...(q ? { q } : {}), ...(withInactive ? { include_inactive: 'true' as const } : {}) };
  const list = useCursorPages(trpc.catalog.list.infiniteQueryKey(filters), (cursor) => client.catalog.list.query({ ...filters, cursor }));
  const products = list.data?.pages.flatMap((page) => page.items) ?? [];

  const remove = useMutation(
    trpc.catalog.remove.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`${asked?.name ?? 'The product'} is no longer sold; it stays in past orders.`, 'Product deactivated');
        setDeactivating(null);
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not deactivate the product'),
    }),
  );
  const activate = useMutation(
    trpc.catalog.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`${saved.name} can be sold again.`, 'Product activated');
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not activate the product'),
    }),
  );

  const filtered = q !== '';
  return (
    <div data-testid="products-page">
      <PageHeader
        title="Products"
        description={canManage ? 'The catalog: prices, barcodes and stock. Import and export CSV files for bulk changes.' : 'The catalog with prices and stock on hand.'}
        actions={
          canManage ? (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)} data-testid="import-csv">
                Import CSV
              </Button>
              <ExportButton />
              <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ product: null })} data-testid="product-create">
                Add product
              </Button>
            </Group>
          ) : null
        }
      />
      <Card p={0}>
        <Group p="md" gap="md" wrap="wrap">
          <TextInput
            placeholder="Search by name, SKU or barcode"
            aria-label="Search products"
            leftSection={<IconSearch size={16} />}
            rightSection={search.trim() !== q || (list.isFetching && !list.isFetchingNextPage && !list.isPending) ? <Loader size={14} /> : null}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            maw={420}
            data-testid="products-search"
          />
          <Switch label="Include inactive" checked={withInactive} onChange={(event) => setWithInactive(event.currentTarget.checked)} data-testid="products-inactive" />
        </Group>
        {list.isPending ? (
          <PageLoader label="Loading products…" />
        ) : list.isError ? (
          <Stack p="md">
            <PageError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : products.length === 0 ? (
          <EmptyState
            icon={<IconPackages size={28} />}
            withIndicatorBackground
            title={filtered ? 'No product matches' : 'No products yet'}
            description={filtered ? 'Try another name, SKU or barcode.' : canManage ? 'Add products one by one, or import a CSV file.' : 'A manager adds the products.'}
            py="xl"
            data-testid="products-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="products-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Product</Table.Th>
                  <Table.Th scope="col" w={170}>
                    Barcode
                  </Table.Th>
                  <Table.Th scope="col" w={120} ta="right">
                    Price
                  </Table.Th>
                  <Table.Th scope="col" w={100} ta="right">
                    Stock
                  </Table.Th>
                  <Table.Th scope="col" w={110}>
                    Status
                  </Table.Th>
                  {canManage ? (
                    <Table.Th scope="col" w={130} ta="right">
                      Actions
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {products.map((product) => (
                  <Table.Tr key={product.id} data-testid={`product-row-${product.sku}`} data-active={product.is_active}>
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
                    {canManage ? (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label="Edit" withArrow>
                            <ActionIcon variant="subtle" color="gray" onClick={() => setDialog({ product })} aria-label={`Edit ${product.name}`} data-testid={`product-edit-${product.sku}`}>
                              <IconPencil size={18} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Adjust stock" withArrow>
                            <ActionIcon variant="subtle" color="gray" onClick={() => setStockOf(product)} aria-label={`Adjust the stock of ${product.name}`} data-testid={`product-stock-adjust-${product.sku}`}>
                              <IconStack2 size={18} />
                            </ActionIcon>
                          </Tooltip>
                          {product.is_active ? (
                            <Tooltip label="Deactivate" withArrow>
                              <ActionIcon variant="subtle" color="gray" onClick={() => setDeactivating(product)} aria-label={`Deactivate ${product.name}`} data-testid={`product-deactivate-${product.sku}`}>
                                <IconCircleOff size={18} />
                              </ActionIcon>
                            </Tooltip>
                          ) : (
                            <Tooltip label="Activate" withArrow>
                              <ActionIcon
                                variant="subtle"
                                color="teal"
                                onClick={() => activate.mutate({ id: product.id, changes: { is_active: true } })}
                                loading={activate.isPending && activate.variables.id === product.id}
                                aria-label={`Activate ${product.name}`}
                                data-testid={`product-activate-${product.sku}`}
                              >
                                <IconCircleCheck size={18} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreFooter countLabel={list.data && products.length > 0 ? (products.length === 1 ? '1 product' : `${count.format(products.length)} products`) : null} pages={list} testIdPrefix="products" />
      </Card>

      {canManage ? (
        <>
          <ProductDialog opened={dialog !== null} product={dialog?.product ?? null} onClose={() => setDialog(null)} />
          <StockDialog product={stockOf} onClose={() => setStockOf(null)} />
          <ImportDialog opened={importing} onClose={() => setImporting(false)} />
          <ConfirmDialog
            opened={deactivating !== null}
            title="Deactivate this product?"
            confirmLabel="Deactivate"
            danger
            loading={remove.isPending}
            onCancel={() => setDeactivating(null)}
            onConfirm={() => deactivating && remove.mutate({ id: deactivating.id })}
          >
            {asked ? (
              <>
                <b>{asked.name}</b> ({asked.sku}) can no longer be sold and leaves the lists; past orders keep it. You can activate it again with “Include
                inactive”.
              </>
            ) : null}
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}
