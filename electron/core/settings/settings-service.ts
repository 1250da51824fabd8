import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { settings } from '../../../db/schema';
import { MAX_ORDER_EXPIRY_HOURS } from '../../../shared/settings-limits';
import type { EnvConfig } from '../config';

/** How long a customer's open order holds its stock, unless the shop says otherwise. */
export const DEFAULT_CUSTOMER_ORDER_EXPIRY_HOURS = 48;

/** Stored shop settings; a value given in the environment wins over the stored one. */
export function createSettingsService(db: Db, env: Partial<EnvConfig>) {
  // Read on every sale (the rounding step) and every list (the time zone): prepared once.
  const byKey = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare();
  function read(key: string): unknown {
    const row = byKey.get({ key });
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  return {
    read,
    write(key: string, value: unknown, now = Date.now(), tx: DbOrTx = db): void {
      const json = JSON.stringify(value);
      tx.insert(settings)
        .values({ key, value: json, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
        .run();
    },
    isRegistrationOpen(): boolean {
      if (env.registration) return env.registration === 'on';
      return read('registration') !== 'off';
    },
    /** Whether SHOPDESK_REGISTRATION decides, so the stored switch has no say. */
    isRegistrationFixedByEnvironment(): boolean {
      return env.registration !== undefined;
    },
    /** Hours after which a customer's open order is cancelled and its stock freed (0: never). */
    customerOrderExpiryHours(): number {
      const stored = read('customer_order_expiry_hours');
      const valid = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= MAX_ORDER_EXPIRY_HOURS;
      return valid ? stored : DEFAULT_CUSTOMER_ORDER_EXPIRY_HOURS;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
