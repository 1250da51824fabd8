import { Button, Group, Switch } from '@mantine/core';
import { IconPackages, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { isRefetching, SearchField, useDebouncedSearch } from '../../components/SearchField';
import { countLabel, filledFilters, itemsOfPages } from '../../lib/cursor-pages';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './ImportDialog';
import { ProductDialog } from './ProductDialog';
import { ProductRow } from './ProductRow';
import { StockDialog } from './StockDialog';
import { useProductStatus } from './use-product-status';

const PAGE_SIZE = 50;

const COLUMNS: ListColumn[] = [
  { label: 'Product' },
  { label: 'Barcode', width: 170 },
  { label: 'Price', width: 120, align: 'right' },
  { label: 'Stock', width: 100, align: 'right' },
  { label: 'Status', width: 110 },
];
const MANAGER_COLUMNS: ListColumn[] = [...COLUMNS, { label: 'Actions', width: 130, align: 'right' }];

/** The catalog: everyone reads it; managers and the Super Admin add, edit, import and count stock. */
export default function ProductsPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const canManage = can(user.role, 'products.write');
  const canImport = can(user.role, 'products.import');
  const canExport = can(user.role, 'products.export');
  const search = useDebouncedSearch(250);
  const [withInactive, setWithInactive] = useState(false);
  const [dialog, setDialog] = useState<{ product: ProductDto | null } | null>(null);
  const [stockOf, setStockOf] = useState<ProductDto | null>(null);
  const [importing, setImporting] = useState(false);
  const status = useProductStatus();

  const filters = filledFilters({ limit: PAGE_SIZE, q: search.query, include_inactive: withInactive ? ('true' as const) : null });
  const list = useCursorPages(trpc.catalog.list.infiniteQueryKey(filters), (cursor) => client.catalog.list.query({ ...filters, cursor }));
  const filtered = search.query !== '';

  return (
    <ListPage
      name="products"
      title="Products"
      description={
        canManage
          ? 'The catalog: prices, barcodes and stock. Import and export CSV files for bulk changes.'
          : 'The catalog with prices and stock on hand.'
      }
      actions={
        canManage || canImport || canExport ? (
          <Group gap="sm">
            {canImport ? (
              <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)} data-testid="import-csv">
                Import CSV
              </Button>
            ) : null}
            {canExport ? <ExportButton /> : null}
            {canManage ? (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ product: null })} data-testid="product-create">
                Add product
              </Button>
            ) : null}
          </Group>
        ) : null
      }
      filters={
        <>
          <SearchField
            value={search.text}
            onChange={search.setText}
            searching={search.typing || isRefetching(list)}
            placeholder="Search by name, SKU or barcode"
            label="Search products"
            testId="products-search"
          />
          <Switch
            label="Include inactive"
            checked={withInactive}
            onChange={(event) => setWithInactive(event.currentTarget.checked)}
            data-testid="products-inactive"
          />
        </>
      }
      filtersAlign="center"
      query={list}
      items={itemsOfPages(list.data)}
      loadingLabel="Loading products…"
      empty={{
        icon: <IconPackages size={28} />,
        title: filtered ? 'No product matches' : 'No products yet',
        description: filtered
          ? 'Try another name, SKU or barcode.'
          : canManage
            ? 'Add products one by one, or import a CSV file.'
            : 'A manager adds the products.',
      }}
      columns={canManage ? MANAGER_COLUMNS : COLUMNS}
      minWidth={860}
      renderRow={(product) => (
        <ProductRow
          key={product.id}
          product={product}
          actions={
            canManage
              ? {
                  onEdit: () => setDialog({ product }),
                  onAdjustStock: () => setStockOf(product),
                  onDeactivate: () => status.askDeactivate(product),
                  onActivate: () => status.activate(product),
                  activating: status.isActivating(product),
                }
              : null
          }
        />
      )}
      countLabel={(count) => countLabel(count, 'product')}
    >
      {canImport ? <ImportDialog opened={importing} onClose={() => setImporting(false)} /> : null}
      {canManage ? (
        <>
          <ProductDialog opened={dialog !== null} product={dialog?.product ?? null} onClose={() => setDialog(null)} />
          <StockDialog product={stockOf} onClose={() => setStockOf(null)} />
          <ConfirmDialog
            opened={status.deactivating !== null}
            title="Deactivate this product?"
            confirmLabel="Deactivate"
            danger
            loading={status.removing}
            onCancel={status.dismiss}
            onConfirm={status.confirmDeactivate}
          >
            {status.asked ? (
              <>
                <b>{status.asked.name}</b> ({status.asked.sku}) can no longer be sold and leaves the lists; past orders keep it. You can
                activate it again with “Include inactive”.
              </>
            ) : null}
          </ConfirmDialog>
        </>
      ) : null}
    </ListPage>
  );
}
