import { machineTimeZone } from '../../../shared/shop-date';
import { configureDates } from './dates';
import { configureMoney } from './money';

/** What the screens need of the shop's settings to write amounts and dates. */
export interface ShopFormats {
  /** ISO 4217: every amount on the screen, on receipts and in CSV files is in it. */
  currency: string;
  /** IANA: "today" and the clock of every instant shown. */
  timeZone: string;
}

// Live bindings: importers read what configureShopFormats last set.
/** The shop's currency; the euro until the shop's settings are read after sign-in. */
export let SHOP_CURRENCY = 'EUR';
/** The shop's time zone; the computer's until the shop's settings are read. */
export let SHOP_TIME_ZONE = machineTimeZone();

/** Money (money.ts) and dates (dates.ts) follow the shop's settings from now on. */
export function configureShopFormats({ currency, timeZone }: ShopFormats): void {
  if (currency !== SHOP_CURRENCY) configureMoney(currency);
  if (timeZone !== SHOP_TIME_ZONE) configureDates(timeZone);
  SHOP_CURRENCY = currency;
  SHOP_TIME_ZONE = timeZone;
}
