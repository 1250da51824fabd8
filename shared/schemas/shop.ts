import { z } from 'zod';
import { machineTimeZone } from '../shop-date';
import { registrationSwitch } from './settings';

/** Cash is rounded to one of these steps when a sale is paid wholly in cash (1 = no rounding). */
export const CASH_ROUNDING_STEPS = [1, 5, 10] as const;
export const MAX_IDLE_LOCK_MINUTES = 240;
/** A drawer difference above this needs no approval only because nobody could count that far. */
export const MAX_VARIANCE_APPROVAL_CENTS = 100_000_000;

let currencies: ReadonlySet<string> | undefined;
let timeZones: ReadonlySet<string> | undefined;

// In shop-date.ts, which the renderer's first chunk can load without zod.
export { machineTimeZone };

export function isKnownCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/** How Intl spells a zone it knows (its canonical name), or null when it knows none by that name. */
function resolvedTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** IANA's spelling: each part starts with a capital (`Europe/Paris`, `America/Port-au-Prince`, `Etc/GMT+5`). */
const IANA_SPELLING = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * The platform's IANA list leaves out `UTC` (and may leave out the machine's own alias), which
 * are still real zones: a GET answered with the default must be PATCHable back unchanged. It
 * also names some zones by their older link (Node 20 lists `Asia/Calcutta`, not `Asia/Kolkata`):
 * a name Intl resolves counts too (`Etc/GMT+5`, a link), but not a known name in the wrong case
 * (`europe/paris`).
 */
export function isKnownTimeZone(name: string): boolean {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', machineTimeZone()]);
  if (timeZones.has(name)) return true;
  if (!IANA_SPELLING.test(name)) return false;
  const resolved = resolvedTimeZone(name);
  return resolved !== null && (resolved === name || resolved.toLowerCase() !== name.toLowerCase());
}

// Receipts go to ESC/POS printers: control characters could be printer commands.
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.');
const multiLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .refine((text) => !/[^\P{Cc}\n]/u.test(text), 'No control characters but line breaks.');

/** Each setting's rule; a stored value that breaks it reads as the default. */
export const shopSettingFields = {
  name: oneLine(100).min(1, 'This field may not be blank.'),
  address: multiLine(300),
  tax_id: oneLine(40),
  currency: z.string().max(3).refine(isKnownCurrency, 'An ISO 4217 currency code, in capitals (EUR, USD, GBP …).'),
  time_zone: z.string().max(64).refine(isKnownTimeZone, 'An IANA time zone name (Europe/Paris, America/New_York, UTC …).'),
  prices_include_tax: z.boolean(),
  cash_rounding_cents: z.literal(CASH_ROUNDING_STEPS, 'Cash rounds to 1, 5 or 10 cents.'),
  receipt_footer: multiLine(500),
  registration: registrationSwitch,
  idle_lock_minutes: z
    .number()
    .int('Whole minutes only.')
    .min(0)
    .max(MAX_IDLE_LOCK_MINUTES, `At most ${MAX_IDLE_LOCK_MINUTES} minutes (4 hours); 0 never locks.`),
  variance_approval_cents: z.number().int('Money is in whole cents.').min(0).max(MAX_VARIANCE_APPROVAL_CENTS),
};

export const shopSettingsSchema = z
  .object({
    name: z.string(),
    address: z.string(),
    tax_id: z.string(),
    currency: z.string().meta({ example: 'EUR' }),
    time_zone: z.string().meta({ example: 'Europe/Paris' }),
    prices_include_tax: z.boolean(),
    cash_rounding_cents: z.literal(CASH_ROUNDING_STEPS),
    receipt_footer: z.string(),
    registration: registrationSwitch,
    idle_lock_minutes: z.number().int(),
    variance_approval_cents: z.number().int(),
  })
  .meta({ id: 'ShopSettings' });
export type ShopSettingsDto = z.infer<typeof shopSettingsSchema>;

/** `PATCH /shop`: any subset; an unknown field is 400. */
export const shopSettingsInput = z.strictObject(shopSettingFields).partial();
export type ShopSettingsInput = z.infer<typeof shopSettingsInput>;
