import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { settings } from '../../../db/schema';
import type { EnvConfig } from '../config';

/** Stored shop settings; a value given in the environment wins over the stored one. */
export function createSettingsService(db: Db, env: Partial<EnvConfig>) {
  function read(key: string): unknown {
    const row = db.select().from(settings).where(eq(settings.key, key)).get();
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
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
