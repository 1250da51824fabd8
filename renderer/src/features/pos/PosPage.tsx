import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { exceedsDiscountLimit, type Discount } from '../../../../shared/pricing';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatMoney } from '../../lib/money';
import { notifyFailure, notifyWarning } from '../../lib/notify';
import { useShopSettings } from '../../lib/shop-settings';
import { useTRPC } from '../../trpc/client';
import { ApprovalDialog } from '../approval/ApprovalDialog';
import { itemCountOf } from '../orders/order-text';
import { useHandOverContext } from '../quick-switch/hand-over-context';
import { OpenDrawerDialog } from '../till/OpenDrawerDialog';
import { afterLineDiscountsCents, cartItemCount, lineGrossCents, saleReducer } from './cart';
import { DiscountDialog, type DiscountTarget } from './DiscountDialog';
import { ParkedSalesDialog } from './ParkedSalesDialog';
import { ParkedSaleView } from './ParkedSaleView';
import { PayDialog } from './PayDialog';
import { PosHeader } from './PosHeader';
import { Receipt } from './Receipt';
import { loadSale, storeSale } from './sale-storage';
import { SaleLayout } from './SaleLayout';
import { useApprovalAsk } from './use-approval-ask';
import { useBarcodeWedge } from './use-barcode-wedge';
import { scanCandidates, withoutSuffix } from './scan-candidates';
import { useCheckout, type PayTarget } from './use-checkout';
import { useDiscountLimit } from './use-discount-limit';
import { useParkedSales } from './use-parked-sales';
import { usePosDrawer } from './use-pos-drawer';
import { usePosShortcuts, type PosMode } from './use-pos-shortcuts';
import { usePricedSale } from './use-priced-sale';

/** The discount dialog's target, with the line it is for. */
type DiscountEdit = DiscountTarget & { productId: number | null };

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
  const [discountEdit, setDiscountEdit] = useState<DiscountEdit | null>(null);
  const till = usePosDrawer();
  const handOver = useHandOverContext();
  const approval = useApprovalAsk();
  const shop = useShopSettings();
  const pricesIncludeTax = shop?.prices_include_tax ?? true;
  const priced = usePricedSale(sale);
  const discountLimit = useDiscountLimit(user);
  const limitExceeded =
    priced.kind === 'priced' && discountLimit !== null && exceedsDiscountLimit(priced.priced, discountLimit) ? discountLimit : null;
  const parked = useParkedSales(sale, dispatch, approval);
  const { closeResumed } = parked;
  const onSold = useCallback(
    (paid: PayTarget) => {
      setSearch('');
      if (paid.kind === 'parked') closeResumed();
    },
    [closeResumed],
  );
  const checkout = useCheckout({ user, sale, dispatch, drawer: till.drawer, approval, onSold, onNoDrawer: till.offerDrawer });
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

  /** The first of `candidates` a product has; resolves to it, or to null (the cashier was told). */
  const lookUpBarcode = useCallback(
    async (candidates: readonly string[]): Promise<string | null> => {
      try {
        for (const code of candidates) {
          const found = await queryClient.fetchQuery({ ...trpc.catalog.list.queryOptions({ barcode: code, limit: 1 }), staleTime: 10_000 });
          const product = found.items[0];
          if (product) {
            add(product);
            return code;
          }
        }
        notifyWarning(`No product has the barcode ${candidates[0]}.`, 'Unknown barcode');
      } catch (error) {
        notifyFailure(error, 'Could not look up the barcode');
      }
      return null;
    },
    [add, queryClient, trpc],
  );

  const dialogOpen = checkout.payOpen || confirmClear || showParked || till.offer !== null || discountEdit !== null || approval.opened;
  useBarcodeWedge(
    ({ code, target }) => {
      const inSearch = target === searchRef.current;
      const candidates = scanCandidates(code, inSearch ? (searchRef.current?.value ?? '') : null);
      // The burst also landed in the search box: take it out again.
      if (inSearch) setSearch((text) => withoutSuffix(text, code));
      if (checkout.receipt) startNewSale();
      // A scan while a parked sale is on screen belongs to the cart (the parked sale stays parked).
      if (resumed) closeResumed();
      void lookUpBarcode(candidates).then((found) => {
        // A split burst: its first digits are still in the box.
        if (found !== null && found !== code) setSearch((text) => withoutSuffix(text, found.slice(0, -code.length)));
      });
    },
    { enabled: !dialogOpen, acceptsInput: (element) => element === searchRef.current },
  );

  // The sale on screen is parked for this cashier before the next one signs in.
  const switchUser = handOver ? () => void handOver.start('switch', { onParked: () => dispatch({ type: 'clear' }) }) : null;
  const payOnScreen = () => {
    if (resumed && mode === 'parked') checkout.openPay({ kind: 'parked', order: resumed });
    // Never a payment of a total the screen could not price yet.
    else if (priced.kind === 'priced') checkout.openPay({ kind: 'cart' });
  };

  const discountLine = (productId: number | null) => {
    const line = sale.lines.find((l) => l.product.id === productId);
    if (!line) return;
    dispatch({ type: 'select', productId: line.product.id });
    setDiscountEdit({
      kind: 'line',
      productId: line.product.id,
      label: line.product.name,
      maxCents: lineGrossCents(line),
      current: line.discount,
    });
  };
  const discountSale = () => {
    if (sale.lines.length === 0) return;
    setDiscountEdit({
      kind: 'sale',
      productId: null,
      label: 'the sale',
      maxCents: afterLineDiscountsCents(sale.lines),
      current: sale.discount,
    });
  };
  const applyDiscount = (discount: Discount | null) => {
    if (discountEdit?.kind === 'line' && discountEdit.productId !== null)
      dispatch({ type: 'line_discount', productId: discountEdit.productId, discount });
    else if (discountEdit?.kind === 'sale') dispatch({ type: 'sale_discount', discount });
    setDiscountEdit(null);
    focusSearch();
  };
  usePosShortcuts({
    mode,
    searchRef,
    dispatch,
    openPay: payOnScreen,
    park: parked.park,
    discountLine: () => discountLine(sale.selected),
    discountSale,
    showParked: () => setShowParked(true),
    back: backToCart,
    startNewSale,
    switchUser: () => switchUser?.(),
    focusSearch,
    dialogOpen,
    search,
  });

  const payTarget = checkout.payTarget;
  const dialogs = (
    <>
      <PayDialog
        opened={checkout.payOpen}
        totalCents={payTarget?.kind === 'parked' ? payTarget.order.total_cents : priced.kind === 'priced' ? priced.priced.total_cents : 0}
        itemCount={payTarget?.kind === 'parked' ? itemCountOf(payTarget.order) : cartItemCount(sale.lines)}
        roundingStep={checkout.roundingStep}
        pending={checkout.paying}
        error={checkout.payError}
        approvalAsked={approval.opened}
        notice={
          payTarget?.kind === 'cart' && limitExceeded !== null
            ? `The discount is more than the ${limitExceeded} % of the sale you may give: a manager approves it with their PIN when you confirm.`
            : null
        }
        onConfirm={checkout.pay}
        onClose={() => {
          checkout.closePay();
          if (mode === 'sale') focusSearch();
        }}
      />
      <DiscountDialog
        target={discountEdit}
        onApply={applyDiscount}
        onClose={() => {
          setDiscountEdit(null);
          focusSearch();
        }}
      />
      <ApprovalDialog
        opened={approval.opened}
        actor={user}
        reason={
          <>
            This discount needs a manager
            {approval.beyond
              ? `: ${formatMoney(approval.beyond.discountCents)} off ${formatMoney(approval.beyond.subtotalCents)} is more than the ${approval.beyond.maxPercent} % you may give alone`
              : ''}
            . The manager types their username and PIN here.
          </>
        }
        pending={checkout.paying || parked.parking}
        error={approval.error}
        onApproved={approval.approve}
        onCancel={() => {
          if (checkout.payOpen) checkout.approvalCancelled();
          else {
            approval.done();
            notifyWarning('This discount needs a manager’s approval: change the discount or ask a manager.', 'The sale was not parked');
          }
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
        onSwitchUser={switchUser}
        switching={handOver?.running ?? false}
      />
      <SaleLayout
        sale={sale}
        priced={priced}
        pricesIncludeTax={pricesIncludeTax}
        limitExceeded={limitExceeded}
        onDiscountLine={discountLine}
        onDiscountSale={discountSale}
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
