import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { FullPageLoader, PageError } from '../components/PageStates';
import { configureShopFormats } from '../lib/shop-config';
import { ShopSettingsContext } from '../lib/shop-settings';
import { useTRPC } from '../trpc/client';

/**
 * The signed-in app waits for the shop's settings (`shop.get`, readable by anyone signed in),
 * so that its first amount is already in the shop's currency and its first "today" in the
 * shop's time zone. A save of either (ShopSettingsForm puts the answer in this query) renders
 * the app again from the top: formatMoney and the dates are plain functions, not hooks, so
 * nothing else would tell the screens showing them.
 */
export function ShopSettingsProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const shop = useQuery(trpc.shop.get.queryOptions());

  if (shop.data === undefined) {
    if (!shop.isError) return <FullPageLoader />;
    return (
      <AuthLayout title="Cannot read the shop’s settings" testId="shop-settings-error">
        <PageError title="No answer" error={shop.error} onRetry={() => void shop.refetch()} />
      </AuthLayout>
    );
  }
  const { currency, time_zone: timeZone } = shop.data;
  // Before the children render, not in an effect after: their first render already uses them.
  configureShopFormats({ currency, timeZone });
  return (
    <ShopSettingsContext.Provider value={shop.data}>
      <Fragment key={`${currency} ${timeZone}`}>{children}</Fragment>
    </ShopSettingsContext.Provider>
  );
}
