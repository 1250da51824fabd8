import { Alert, Card, Grid, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Dispatch, RefObject } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { notifyWarning } from '../../lib/notify';
import type { Sale, SaleAction } from './cart';
import { CartTable } from './CartTable';
import classes from './Pos.module.css';
import { ProductSearch } from './ProductSearch';
import { SaleTotalCard } from './SaleTotalCard';
import { ShortcutsCard } from './ShortcutsCard';

interface SaleLayoutProps {
  sale: Sale;
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
            <CartTable sale={sale} dispatch={dispatch} onDone={() => searchRef.current?.focus()} />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md" className={classes.totalPanel}>
          <SaleTotalCard lines={sale.lines} onPay={onPay} onPark={onPark} parking={parking} onClear={onClear} />
          <ShortcutsCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
