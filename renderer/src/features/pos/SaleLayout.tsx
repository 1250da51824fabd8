import { Alert, Card, Grid, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Dispatch, RefObject } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { notifyWarning } from '../../lib/notify';
import type { Sale, SaleAction } from './cart';
import { CartTable } from './CartTable';
import classes from './Pos.module.css';
import type { PricedSale } from './priced-sale';
import { ProductSearch } from './ProductSearch';
import { SaleTotalCard } from './SaleTotalCard';
import { ShortcutsCard } from './ShortcutsCard';

interface SaleLayoutProps {
  sale: Sale;
  priced: PricedSale;
  pricesIncludeTax: boolean;
  /** The signed-in role's discount limit when the sale is above it. */
  limitExceeded: number | null;
  onDiscountLine: (productId: number) => void;
  onDiscountSale: () => void;
  dispatch: Dispatch<SaleAction>;
  search: string;
  onSearchChange: (value: string) => void;
  onPick: (product: ProductDto) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Why the last payment was refused for the cart's lines. */
  checkoutProblem: string | null;
  onPay: () => void;
  onPark: () => void;
  parking: boolean;
  onClear: () => void;
}

/** The sale being built: search and cart on the left, the total with Pay and Park on the right. */
export function SaleLayout({
  sale,
  priced,
  pricesIncludeTax,
  limitExceeded,
  onDiscountLine,
  onDiscountSale,
  dispatch,
  search,
  onSearchChange,
  onPick,
  searchRef,
  checkoutProblem,
  onPay,
  onPark,
  parking,
  onClear,
}: SaleLayoutProps) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <ProductSearch
            value={search}
            onValueChange={onSearchChange}
            onPick={onPick}
            onNothingFound={(q) => notifyWarning(`Nothing matches “${q}”.`, 'Not found')}
            inputRef={searchRef}
          />
          {checkoutProblem ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle />}
              title="The sale was not recorded"
              role="alert"
              data-testid="checkout-problem"
            >
              {checkoutProblem}
            </Alert>
          ) : null}
          <Card p={0}>
            <CartTable
              sale={sale}
              priced={priced.kind === 'priced' ? priced.priced : null}
              dispatch={dispatch}
              onDone={() => searchRef.current?.focus()}
              onDiscountLine={onDiscountLine}
            />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md" className={classes.totalPanel}>
          <SaleTotalCard
            lines={sale.lines}
            priced={priced}
            saleDiscount={sale.discount}
            pricesIncludeTax={pricesIncludeTax}
            limitExceeded={limitExceeded}
            onDiscountSale={onDiscountSale}
            onPay={onPay}
            onPark={onPark}
            parking={parking}
            onClear={onClear}
          />
          <ShortcutsCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
