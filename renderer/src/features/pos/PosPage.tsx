import { Alert, Card, Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyFailure, notifyWarning } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { cartItemCount, cartTotalCents, saleReducer } from './cart';
import { CartTable } from './CartTable';
import { PayDialog } from './PayDialog';
import classes from './Pos.module.css';
import { ProductSearch } from './ProductSearch';
import { Receipt } from './Receipt';
import { loadSale, storeSale } from './sale-storage';
import { SaleTotalCard } from './SaleTotalCard';
import { ShortcutsCard } from './ShortcutsCard';
import { useBarcodeWedge } from './use-barcode-wedge';
import { useCheckout } from './use-checkout';
import { usePosShortcuts } from './use-pos-shortcuts';

/**
 * The till: scan or search, adjust the cart, take cash, print the receipt. Everything works
 * from the keyboard; a keyboard-wedge scanner works wherever the focus is (but in other inputs).
 */
export default function PosPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sale, dispatch] = useReducer(saleReducer, user.id, loadSale);
  const [search, setSearch] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const checkout = useCheckout(user, sale, dispatch, () => setSearch(''));
  const { closeReceipt } = checkout;

  useEffect(() => {
    storeSale(user.id, sale);
  }, [user.id, sale]);

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  const add = useCallback((product: ProductDto) => {
    if (!product.is_active) {
      notifyWarning(`${product.name} is no longer sold.`, 'Not added');
      return;
    }
    dispatch({ type: 'add', product });
  }, []);

  const startNewSale = useCallback(() => {
    closeReceipt();
    // The receipt's button had the focus; the next sale starts in the search box.
    requestAnimationFrame(() => searchRef.current?.focus());
  }, [closeReceipt]);

  const lookUpBarcode = useCallback(
    async (code: string) => {
      try {
        const found = await queryClient.fetchQuery({ ...trpc.catalog.list.queryOptions({ barcode: code, limit: 1 }), staleTime: 10_000 });
        const product = found.items[0];
        if (product) add(product);
        else notifyWarning(`No product has the barcode ${code}.`, 'Unknown barcode');
      } catch (error) {
        notifyFailure(error, 'Could not look up the barcode');
      }
    },
    [add, queryClient, trpc],
  );

  useBarcodeWedge(
    ({ code, target }) => {
      // The burst also landed in the search box: take it out again.
      if (target === searchRef.current) setSearch((text) => (text.endsWith(code) ? text.slice(0, -code.length) : text));
      if (checkout.receipt) startNewSale();
      void lookUpBarcode(code);
    },
    { enabled: !checkout.payOpen && !confirmClear, acceptsInput: (element) => element === searchRef.current },
  );

  usePosShortcuts({
    searchRef,
    dispatch,
    openPay: checkout.openPay,
    startNewSale,
    focusSearch,
    showingReceipt: checkout.receipt !== null,
    dialogOpen: checkout.payOpen || confirmClear,
    search,
  });

  if (checkout.receipt) {
    return (
      <div data-testid="pos-page" data-mode="receipt">
        <Receipt sale={checkout.receipt} onNewSale={startNewSale} />
      </div>
    );
  }

  return (
    <div data-testid="pos-page" data-mode="sale">
      <Group justify="space-between" align="flex-end" mb="md">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            Point of sale
          </Title>
          <Text size="sm" c="dimmed">
            Scan items anywhere on this screen or search; <Kbd size="xs">F2</Kbd> takes the payment.
          </Text>
        </Stack>
      </Group>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ProductSearch
              value={search}
              onValueChange={setSearch}
              onPick={add}
              onNothingFound={(q) => notifyWarning(`Nothing matches “${q}”.`, 'Not found')}
              inputRef={searchRef}
            />
            {checkout.checkoutProblem ? (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle />}
                title="The sale was not recorded"
                role="alert"
                data-testid="checkout-problem"
              >
                {checkout.checkoutProblem}
              </Alert>
            ) : null}
            <Card p={0}>
              <CartTable sale={sale} dispatch={dispatch} onDone={focusSearch} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" className={classes.totalPanel}>
            <SaleTotalCard lines={sale.lines} onPay={checkout.openPay} onClear={() => setConfirmClear(true)} />
            <ShortcutsCard />
          </Stack>
        </Grid.Col>
      </Grid>

      <PayDialog
        opened={checkout.payOpen}
        totalCents={cartTotalCents(sale.lines)}
        itemCount={cartItemCount(sale.lines)}
        pending={checkout.paying}
        error={checkout.payError}
        onConfirm={checkout.pay}
        onClose={() => {
          checkout.closePay();
          focusSearch();
        }}
      />
      <ConfirmDialog
        opened={confirmClear}
        title="Clear this sale?"
        confirmLabel="Clear sale"
        danger
        onCancel={() => setConfirmClear(false)}
        onConfirm={() => {
          dispatch({ type: 'clear' });
          setConfirmClear(false);
          focusSearch();
        }}
      >
        Every line of the cart is removed. Nothing has been sold yet.
      </ConfirmDialog>
    </div>
  );
}
