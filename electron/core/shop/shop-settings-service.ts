import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { settings as settingsTable } from '../../../db/schema';
import {
  machineTimeZone,
  shopSettingFields,
  shopSettingsSchema,
  type ShopSettingsDto,
  type ShopSettingsInput,
} from '../../../shared/schemas/shop';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { requirePermission } from '../permissions';
import type { SettingsService } from '../settings/settings-service';

type Field = keyof ShopSettingsDto;
const FIELDS = shopSettingsSchema.keyof().options;

/** The settings table's key of each field; `registration` keeps the key it always had. */
const keyOf = (field: Field) => (field === 'registration' ? 'registration' : `shop.${field}`);

/** How a sale is priced and rounded, read together at every sale. */
export interface SaleSettings {
  pricesIncludeTax: boolean;
  cashRoundingCents: number;
}

/** API-SELLING.md, "Shop settings"; the time zone's default (the machine's) is read when asked. */
const DEFAULTS = {
  name: 'My shop',
  address: '',
  tax_id: '',
  currency: 'EUR',
  prices_include_tax: true,
  cash_rounding_cents: 1,
  receipt_footer: '',
  idle_lock_minutes: 5,
  variance_approval_cents: 500,
} as const satisfies Omit<ShopSettingsDto, 'registration' | 'time_zone'>;

/**
 * The shop's own settings (`GET`/`PATCH /shop`): what receipts print, how sales are priced and
 * rounded, when the till locks. Everyone signed in reads them (the till needs the currency and
 * the rounding); only the Super Admin changes them. SHOPDESK_REGISTRATION, when set, wins over
 * the stored `registration`, and changing it then is refused rather than stored to no effect.
 */
export function createShopSettingsService(db: Db, settings: SettingsService) {
  /** A stored value that breaks today's rule (an older or hand-edited database) reads as the default. */
  function stored<T>(field: Field, rule: z.ZodType<T>, fallback: T): T {
    const parsed = rule.safeParse(settings.read(keyOf(field)));
    return parsed.success ? parsed.data : fallback;
  }

  // Every sale reads these two: one prepared statement for both, not one read each.
  const saleKeys = [keyOf('prices_include_tax'), keyOf('cash_rounding_cents')];
  const saleRows = db
    .select({ key: settingsTable.key, value: settingsTable.value })
    .from(settingsTable)
    .where(inArray(settingsTable.key, saleKeys))
    .prepare();
  function valueOf<T>(rows: readonly { key: string; value: string }[], field: Field, rule: z.ZodType<T>, fallback: T): T {
    const row = rows.find((r) => r.key === keyOf(field));
    const parsed = row ? rule.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : fallback;
  }

  function current(): ShopSettingsDto {
    const f = shopSettingFields;
    return {
      name: stored('name', f.name, DEFAULTS.name),
      address: stored('address', f.address, DEFAULTS.address),
      tax_id: stored('tax_id', f.tax_id, DEFAULTS.tax_id),
      currency: stored('currency', f.currency, DEFAULTS.currency),
      time_zone: stored('time_zone', f.time_zone, machineTimeZone()),
      prices_include_tax: stored('prices_include_tax', f.prices_include_tax, DEFAULTS.prices_include_tax),
      cash_rounding_cents: stored('cash_rounding_cents', f.cash_rounding_cents, DEFAULTS.cash_rounding_cents),
      receipt_footer: stored('receipt_footer', f.receipt_footer, DEFAULTS.receipt_footer),
      registration: settings.isRegistrationOpen() ? 'on' : 'off',
      idle_lock_minutes: stored('idle_lock_minutes', f.idle_lock_minutes, DEFAULTS.idle_lock_minutes),
      variance_approval_cents: stored('variance_approval_cents', f.variance_approval_cents, DEFAULTS.variance_approval_cents),
    };
  }

  return {
    /** For the services that price, number and print sales; no permission of its own. */
    current,

    /** The shop's `cash_rounding_cents`, read at every completed sale (one read, not the whole sheet). */
    cashRoundingCents(): number {
      return stored('cash_rounding_cents', shopSettingFields.cash_rounding_cents, DEFAULTS.cash_rounding_cents);
    },

    /** `prices_include_tax` and `cash_rounding_cents`, for pricing a sale (one read). */
    saleSettings(): SaleSettings {
      const rows = saleRows.all();
      return {
        pricesIncludeTax: valueOf(rows, 'prices_include_tax', shopSettingFields.prices_include_tax, DEFAULTS.prices_include_tax),
        cashRoundingCents: valueOf(rows, 'cash_rounding_cents', shopSettingFields.cash_rounding_cents, DEFAULTS.cash_rounding_cents),
      };
    },

    /** The shop's `time_zone`, for the services that count in shop dates (one read, not the whole sheet). */
    timeZone(): string {
      return stored('time_zone', shopSettingFields.time_zone, machineTimeZone());
    },

    get(actor: Actor): ShopSettingsDto {
      requirePermission(actor, 'shop.read');
      return current();
    },

    update(actor: Actor, input: ShopSettingsInput, now = Date.now()): ShopSettingsDto {
      requirePermission(actor, 'shop.update');
      if (input.registration !== undefined && settings.isRegistrationFixedByEnvironment()) {
        throw new DomainError(
          'invalid_state',
          'Self-registration is fixed by SHOPDESK_REGISTRATION in the server’s environment; change it there and restart.',
        );
      }
      return db.transaction((tx) => {
        const before = current();
        for (const field of FIELDS) {
          const value = input[field];
          if (value !== undefined) settings.write(keyOf(field), value, now, tx);
        }
        const after = current();
        const changed = FIELDS.filter((field) => after[field] !== before[field]);
        if (changed.length > 0) {
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'shop.updated',
            targetType: 'settings',
            targetId: null,
            before: pick(before, changed),
            after: pick(after, changed),
            now,
          });
        }
        return after;
      });
    },
  };
}

/** Only what changed goes in the audit row: it reads "currency EUR → CHF", not the whole sheet. */
function pick(view: ShopSettingsDto, fields: readonly Field[]): Partial<ShopSettingsDto> {
  return Object.fromEntries(fields.map((field) => [field, view[field]]));
}

export type ShopSettingsService = ReturnType<typeof createShopSettingsService>;
