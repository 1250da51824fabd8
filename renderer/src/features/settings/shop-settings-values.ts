import {
  CASH_ROUNDING_STEPS,
  MAX_IDLE_LOCK_MINUTES,
  MAX_VARIANCE_APPROVAL_CENTS,
  type ShopSettingsDto,
  type ShopSettingsInput,
} from '../../../../shared/schemas/shop';
import { centsFromInput, currencyFacts, decimalFromCents } from '../../lib/money';

type CashRounding = (typeof CASH_ROUNDING_STEPS)[number];

/** The form's view of the shop's settings; `registration` has its own card on the Settings page. */
export interface ShopFormValues {
  name: string;
  address: string;
  tax_id: string;
  currency: string;
  time_zone: string;
  prices_include_tax: boolean;
  /** A SegmentedControl's value: "1", "5" or "10". */
  cash_rounding_cents: string;
  receipt_footer: string;
  idle_lock_minutes: number | string;
  /** As typed, in the form's currency (not yet saved). */
  variance_approval_cents: number | string;
}

export function valuesOf(view: ShopSettingsDto): ShopFormValues {
  return {
    name: view.name,
    address: view.address,
    tax_id: view.tax_id,
    currency: view.currency,
    time_zone: view.time_zone,
    prices_include_tax: view.prices_include_tax,
    cash_rounding_cents: String(view.cash_rounding_cents),
    receipt_footer: view.receipt_footer,
    idle_lock_minutes: view.idle_lock_minutes,
    variance_approval_cents: decimalFromCents(view.variance_approval_cents, currencyFacts(view.currency).decimals),
  };
}

const cashRoundingOf = (value: string): CashRounding | undefined => CASH_ROUNDING_STEPS.find((step) => String(step) === value);
/** What the server will store: text trimmed, line breaks as `\n`. */
const normalText = (text: string) => text.trim().replace(/\r\n?/g, '\n');

export const varianceCentsOf = (values: ShopFormValues) =>
  centsFromInput(values.variance_approval_cents, currencyFacts(values.currency).decimals);

/** Only what changed, so that a save names only what the owner touched (and the audit says so). */
export function changesOf(values: ShopFormValues, view: ShopSettingsDto): ShopSettingsInput {
  const changes: ShopSettingsInput = {};
  for (const field of ['name', 'address', 'tax_id', 'receipt_footer'] as const) {
    const text = normalText(values[field]);
    if (text !== view[field]) changes[field] = text;
  }
  if (values.currency !== view.currency) changes.currency = values.currency;
  if (values.time_zone !== view.time_zone) changes.time_zone = values.time_zone;
  if (values.prices_include_tax !== view.prices_include_tax) changes.prices_include_tax = values.prices_include_tax;
  const rounding = cashRoundingOf(values.cash_rounding_cents);
  if (rounding !== undefined && rounding !== view.cash_rounding_cents) changes.cash_rounding_cents = rounding;
  const minutes = values.idle_lock_minutes;
  if (typeof minutes === 'number' && minutes !== view.idle_lock_minutes) changes.idle_lock_minutes = minutes;
  const variance = varianceCentsOf(values);
  if (variance !== null && variance !== view.variance_approval_cents) changes.variance_approval_cents = variance;
  return changes;
}

/** The same rules as the server's, said before the round trip. */
export const shopFormRules = {
  name: (value: string) => (value.trim() === '' ? 'Enter the shop’s name.' : null),
  currency: (value: string) => (value === '' ? 'Choose the currency.' : null),
  time_zone: (value: string) => (value === '' ? 'Choose the time zone.' : null),
  idle_lock_minutes: (value: number | string) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_IDLE_LOCK_MINUTES
      ? null
      : `Whole minutes from 0 to ${MAX_IDLE_LOCK_MINUTES}.`,
  variance_approval_cents: (_value: number | string, values: ShopFormValues) => {
    const cents = varianceCentsOf(values);
    return cents !== null && cents <= MAX_VARIANCE_APPROVAL_CENTS ? null : 'Enter an amount of 0 or more.';
  },
};

/**
 * The same amount written in another currency's decimals when the owner switches currency in
 * the form: the stored integer (minor units) stays what it was, as it would on the server.
 */
export function rewriteForCurrency(value: number | string, from: string, to: string): number | string {
  const cents = centsFromInput(value, currencyFacts(from).decimals);
  return cents === null ? value : decimalFromCents(cents, currencyFacts(to).decimals);
}

let currencyList: { value: string; label: string }[] | undefined;

/** Every currency the platform knows (what the server accepts), "USD — US Dollar". */
export function currencyOptions(current: string): { value: string; label: string }[] {
  if (!currencyList) {
    const names = new Intl.DisplayNames(undefined, { type: 'currency' });
    currencyList = Intl.supportedValuesOf('currency').map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }
  return currencyList.some((option) => option.value === current) ? currencyList : [{ value: current, label: current }, ...currencyList];
}

let zoneList: string[] | undefined;

/** Every IANA zone the platform lists, UTC and the saved one (which may be a link it does not list). */
export function timeZoneOptions(current: string): string[] {
  zoneList ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return zoneList.includes(current) ? zoneList : [current, ...zoneList];
}

/** "GMT+05:30, now 14:05": what the owner checks before saving a zone. */
export function zoneNow(timeZone: string, now = new Date()): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value;
    const clock = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
    return `${offset ?? timeZone}, now ${clock} there`;
  } catch {
    return '';
  }
}
