import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyFailure, notifyWarning } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { itemCountOf } from '../orders/order-text';
import { OpenDrawerDialog } from '../till/OpenDrawerDialog';
import { cartItemCount, cartTotalCents, saleReducer } from './cart';
import { ParkedSalesDialog } from './ParkedSalesDialog';
import { ParkedSaleView } from './ParkedSaleView';
import { PayDialog } from './PayDialog';
import { PosHeader } from './PosHeader';
import { Receipt } from './Receipt';
import { loadSale, storeSale } from './sale-storage';
import { SaleLayout } from './SaleLayout';
import { useBarcodeWedge } from './use-barcode-wedge';
import { useCheckout, type PayTarget } from './use-checkout';
import { useParkedSales } from './use-parked-sales';
import { usePosDrawer } from './use-pos-drawer';
import { usePosShortcuts, type PosMode } from './use-pos-shortcuts';

/**
 * The till: scan or search, adjust the cart, take the payment (cash, card, other or split) into
 * this desk's open drawer, park and take back sales, print the receipt. Everything works from the
 * keyboard; a keyboard-wedge scanner works wherever the focus is (but in other inputs).
 */
export default function PosPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sale, dispatch] = useReducer(saleReducer, user.id, loadSale);
  const [search, setSearch] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const [showParked, setShowParked] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const till = usePosDrawer();
  const parked = useParkedSales(sale, dispatch);
  const { closeResumed } = parked;
  const onSold = useCallback(
    (paid: PayTarget) => {
      setSearch('');
      if (paid.kind === 'parked') closeResumed();
    },
    [closeResumed],
  );
  const checkout = useCheckout({ user, sale, dispatch, drawer: till.drawer, onSold, onNoDrawer: till.offerDrawer });
  const { closeReceipt } = checkout;
  const resumedQuery = useQuery(trpc.orders.get.queryOptions(parked.resumedId === null ? skipToken : { id: parked.resumedId }));
  const resumed = parked.resumedId === null ? null : (resumedQuery.data ?? parked.parked.find((o) => o.id === parked.resumedId) ?? null);
  const mode: PosMode = checkout.receipt ? 'receipt' : resumed ? 'parked' : 'sale';

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

  const backToCart = useCallback(() => {
    closeResumed();
    requestAnimationFrame(() => searchRef.current?.focus());
  }, [closeResumed]);

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

  const dialogOpen = checkout.payOpen || confirmClear || showParked || till.offer !== null;
  useBarcodeWedge(
    ({ code, target }) => {
      // The burst also landed in the search box: take it out again.
      if (target === searchRef.current) setSearch((text) => (text.endsWith(code) ? text.slice(0, -code.length) : text));
      if (checkout.receipt) startNewSale();
      // A scan while a parked sale is on screen belongs to the cart (the parked sale stays parked).
      if (resumed) closeResumed();
      void lookUpBarcode(code);
    },
    { enabled: !dialogOpen, acceptsInput: (element) => element === searchRef.current },
  );

  const payOnScreen = () => checkout.openPay(resumed && mode === 'parked' ? { kind: 'parked', order: resumed } : { kind: 'cart' });
  usePosShortcuts({
    mode,
    searchRef,
    dispatch,
    openPay: payOnScreen,
    park: parked.park,
    showParked: () => setShowParked(true),
    back: backToCart,
    startNewSale,
    focusSearch,
    dialogOpen,
    search,
  });

  const payTarget = checkout.payTarget;
  const dialogs = (
    <>
      <PayDialog
        opened={checkout.payOpen}
        totalCents={payTarget?.kind === 'parked' ? payTarget.order.total_cents : cartTotalCents(sale.lines)}
        itemCount={payTarget?.kind === 'parked' ? itemCountOf(payTarget.order) : cartItemCount(sale.lines)}
        roundingStep={checkout.roundingStep}
        pending={checkout.paying}
        error={checkout.payError}
        onConfirm={checkout.pay}
        onClose={() => {
          checkout.closePay();
          if (mode === 'sale') focusSearch();
        }}
      />
      <ParkedSalesDialog
        opened={showParked}
        user={user}
        parked={parked.parked}
        loading={parked.loadingList}
        failed={parked.listError}
        onResume={(order) => {
          setShowParked(false);
          parked.resume(order);
        }}
        onClose={() => setShowParked(false)}
      />
      {till.register ? (
        <OpenDrawerDialog
          opened={till.offer !== null}
          onClose={till.closeOffer}
          registerId={till.register.id}
          registerName={till.register.name}
          onOpened={() => {
            const then = till.offer?.then ?? null;
            till.closeOffer();
            if (then) checkout.openPay(then, true);
          }}
        />
      ) : null}
    </>
  );

  if (checkout.receipt) {
    return (
      <div data-testid="pos-page" data-mode="receipt">
        <Receipt sale={checkout.receipt} onNewSale={startNewSale} />
      </div>
    );
  }

  if (resumed) {
    return (
      <div data-testid="pos-page" data-mode="parked">
        <ParkedSaleView
          order={resumed}
          user={user}
          cartInUse={sale.lines.length > 0}
          busy={parked.cancelling || parked.editing || checkout.paying}
          onPay={payOnScreen}
          onEdit={() => void parked.edit(resumed, focusSearch)}
          onCancel={() => parked.cancel(resumed, focusSearch)}
          onBack={backToCart}
        />
        {dialogs}
      </div>
    );
  }

  return (
    <div data-testid="pos-page" data-mode="sale">
      <PosHeader
        registerName={till.register?.name ?? null}
        drawerOpen={till.drawer?.open ?? false}
        parkedCount={parked.parked.length}
        onOpenDrawer={() => till.offerDrawer(null, null)}
        onShowParked={() => setShowParked(true)}
      />
      <SaleLayout
        sale={sale}
        dispatch={dispatch}
        search={search}
        onSearchChange={setSearch}
        onPick={add}
        searchRef={searchRef}
        checkoutProblem={checkout.checkoutProblem}
        onPay={payOnScreen}
        onPark={parked.park}
        parking={parked.parking}
        onClear={() => setConfirmClear(true)}
      />
      {dialogs}
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
