import { Alert, Button, Card, Grid, Group, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCash, IconTrashX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { formatMoney } from '../catalog/money';
import { ConfirmDialog } from '../staff/ConfirmDialog';
import { cartItemCount, cartTotalCents, loadSale, saleReducer, storeSale, type LineProblem } from './cart';
import { CartTable } from './CartTable';
import { isTextEntry } from './keyboard';
import { PayDialog } from './PayDialog';
import classes from './Pos.module.css';
import { ProductSearch } from './ProductSearch';
import { Receipt, type CompletedSale } from './Receipt';
import { useBarcodeWedge } from './use-barcode-wedge';

const SHORTCUTS: [string[], string][] = [
  [['/'], 'Search'],
  [['↑', '↓'], 'Choose a cart line'],
  [['+', '−'], 'Quantity of the line'],
  [['Del'], 'Remove the line'],
  [['F2'], 'Pay (or Ctrl+Enter)'],
];

function isLineProblem(value: unknown): value is LineProblem & { product_id: number } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.product_id === 'number' && (v.error === 'insufficient_stock' || v.error === 'product_not_found');
}

function warn(message: string, title: string) {
  notifications.show({ color: 'orange', title, message, autoClose: 4000 });
}

/**
 * The till: scan or search, adjust the cart, take cash, print the receipt. Everything works
 * from the keyboard; a keyboard-wedge scanner works wherever the focus is (but in other inputs).
 */
export default function PosPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sale, dispatch] = useReducer(saleReducer, user.id, loadSale);
  const [search, setSearch] = useState('');
  const [payOpen, setPayOpen] = useState(false);
  const [payError, setPayError] = useState<string | null>(null);
  const [checkoutProblem, setCheckoutProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<CompletedSale | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    storeSale(user.id, sale);
  }, [user.id, sale]);
  useEffect(() => {
    if (Object.keys(sale.problems).length === 0) setCheckoutProblem(null);
  }, [sale.problems]);

  const total = cartTotalCents(sale.lines);
  const itemCount = cartItemCount(sale.lines);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  const add = useCallback((product: ProductDto) => {
    if (!product.is_active) {
      warn(`${product.name} is no longer sold.`, 'Not added');
      return;
    }
    dispatch({ type: 'add', product });
  }, []);

  const startNewSale = useCallback(() => {
    setReceipt(null);
    setPayError(null);
    // The receipt's button had the focus; the next sale starts in the search box.
    requestAnimationFrame(() => searchRef.current?.focus());
  }, []);

  const lookUpBarcode = useCallback(
    async (code: string) => {
      try {
        const found = await queryClient.fetchQuery({ ...trpc.catalog.list.queryOptions({ barcode: code, limit: 1 }), staleTime: 10_000 });
        const product = found.items[0];
        if (product) add(product);
        else warn(`No product has the barcode ${code}.`, 'Unknown barcode');
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
      if (receipt) startNewSale();
      void lookUpBarcode(code);
    },
    { enabled: !payOpen && !confirmClear, acceptsInput: (element) => element === searchRef.current },
  );

  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const openPay = useCallback(() => {
    if (sale.lines.length === 0 || createOrder.isPending) return;
    setPayError(null);
    setPayOpen(true);
  }, [sale.lines.length, createOrder.isPending]);

  const pay = (tenderedCents: number) => {
    setPayError(null);
    const input = { items: sale.lines.map((line) => ({ product_id: line.product.id, amount: line.qty })), complete: true, idempotency_key: sale.key };
    createOrder.mutate(input, {
      onSuccess: (order) => {
        setPayOpen(false);
        setReceipt({ order, tenderedCents, cashier: fullName(user) || user.username });
        dispatch({ type: 'clear' });
        setSearch('');
        void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
      onError: (error) => {
        const body = apiErrorOf(error);
        if (body && (body.error === 'insufficient_stock' || body.error === 'product_not_found')) {
          const problems: Record<number, LineProblem> = {};
          for (const detail of body.details ?? []) {
            if (isLineProblem(detail)) problems[detail.product_id] = { error: detail.error, requested: detail.requested, available: detail.available };
          }
          dispatch({ type: 'problems', problems });
          setCheckoutProblem(body.error === 'product_not_found' ? 'Some products are no longer sold. Remove the marked lines, then pay again.' : 'Not enough stock for the marked lines. Change them, then pay again.');
          setPayOpen(false);
          return;
        }
        if (body?.fields?.['Idempotency-Key']) {
          // An earlier attempt of this sale went through with another cart; the next is a new sale.
          dispatch({ type: 'new_key' });
          setPayError('An earlier attempt of this sale was already recorded with a different cart. Check Orders before you confirm again.');
          return;
        }
        setPayError(body ? body.message : `${errorMessageOf(error)} Confirming again is safe: the sale cannot be recorded twice.`);
      },
    });
  };

  // Page shortcuts. The search box handles its own keys while it holds text.
  const latest = useRef({ openPay, startNewSale, focusSearch, receipt, payOpen, confirmClear, search });
  latest.current = { openPay, startNewSale, focusSearch, receipt, payOpen, confirmClear, search };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = latest.current;
      if (event.defaultPrevented || state.payOpen || state.confirmClear) return;
      const ctrl = event.ctrlKey || event.metaKey;
      if (state.receipt) {
        if (event.key === 'Enter' && !ctrl && !(event.target instanceof HTMLButtonElement)) {
          event.preventDefault();
          state.startNewSale();
        }
        return;
      }
      if (event.key === 'F2' || (event.key === 'Enter' && ctrl)) {
        event.preventDefault();
        state.openPay();
        return;
      }
      const inSearch = event.target === searchRef.current;
      const typing = isTextEntry(event.target) && !(inSearch && state.search === '');
      if (typing || ctrl || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        state.focusSearch();
        return;
      }
      switch (event.key) {
        case 'ArrowDown':
          dispatch({ type: 'move', by: 1 });
          break;
        case 'ArrowUp':
          dispatch({ type: 'move', by: -1 });
          break;
        case '+':
          dispatch({ type: 'step', by: 1 });
          break;
        case '-':
          dispatch({ type: 'step', by: -1 });
          break;
        case 'Delete':
          dispatch({ type: 'remove' });
          break;
        default:
          // A letter typed anywhere starts a search.
          if (!inSearch && !isTextEntry(event.target) && /^\p{L}$/u.test(event.key)) state.focusSearch();
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (receipt) {
    return (
      <div data-testid="pos-page" data-mode="receipt">
        <Receipt sale={receipt} onNewSale={startNewSale} />
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
              onNothingFound={(q) => warn(`Nothing matches “${q}”.`, 'Not found')}
              inputRef={searchRef}
            />
            {checkoutProblem ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The sale was not recorded" role="alert" data-testid="checkout-problem">
                {checkoutProblem}
              </Alert>
            ) : null}
            <Card p={0}>
              <CartTable sale={sale} dispatch={dispatch} onDone={focusSearch} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" className={classes.totalPanel}>
            <Card>
              <Stack gap="md">
                <Stack gap={0}>
                  <Text size="sm" c="dimmed" fw={500}>
                    Total
                  </Text>
                  <Text className={classes.grandTotal} data-testid="cart-total" data-cents={total}>
                    {formatMoney(total)}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="cart-count">
                    {itemCount === 1 ? '1 item' : `${itemCount} items`}
                    {sale.lines.length > 0 ? ` · ${sale.lines.length === 1 ? '1 line' : `${sale.lines.length} lines`}` : ''}
                  </Text>
                </Stack>
                <Button
                  size="xl"
                  fullWidth
                  leftSection={<IconCash size={24} />}
                  rightSection={<Kbd>F2</Kbd>}
                  justify="space-between"
                  disabled={sale.lines.length === 0}
                  onClick={openPay}
                  data-testid="pay-button"
                >
                  Pay
                </Button>
                <Button variant="subtle" color="gray" leftSection={<IconTrashX size={16} />} disabled={sale.lines.length === 0} onClick={() => setConfirmClear(true)} data-testid="clear-sale">
                  Clear sale
                </Button>
              </Stack>
            </Card>
            <Card padding="md">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
                Keyboard
              </Text>
              <Table withRowBorders={false} verticalSpacing={3} fz="sm">
                <Table.Tbody>
                  {SHORTCUTS.map(([keys, label]) => (
                    <Table.Tr key={label}>
                      <Table.Td w={90}>
                        <Group gap={4}>
                          {keys.map((key) => (
                            <Kbd key={key} size="xs">
                              {key}
                            </Kbd>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td c="dimmed">{label}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <PayDialog
        opened={payOpen}
        totalCents={total}
        itemCount={itemCount}
        pending={createOrder.isPending}
        error={payError}
        onConfirm={pay}
        onClose={() => {
          setPayOpen(false);
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
