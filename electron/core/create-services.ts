import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { seedRoles } from '../../db/seed-roles';
import { createAuditQuery } from './audit/audit-query';
import { createCatalogService } from './catalog/catalog-service';
import { createOrdersService } from './orders/orders-service';
import { createSalesStats } from './orders/sales-stats';
import { createAuthService } from './auth/auth-service';
import { createDemoService } from './demo/demo-service';
import { createFailureThrottle, type ThrottleOptions } from './auth/login-throttle';
import { createPasswordHasher } from './auth/password-hasher';
import { createTokenSigner } from './auth/tokens';
import type { EnvConfig } from './config';
import { createNotifier, type Log } from './notify/notifier';
import { createNotifySettingsService } from './notify/notify-settings-service';
import { createPasswordResetService } from './password-reset/reset-service';
import { createRolesService } from './roles/roles-service';
import { loadOrCreateSigningSecret } from './secrets';
import { createSettingsService } from './settings/settings-service';
import { createWorkingTimesService } from './shifts/working-times-service';
import { createProfileService } from './staff/profile-service';
import { createUsersService } from './staff/users-service';

export const DATABASE_FILE = 'shopdesk.db';

export interface ServicesOptions {
  dataDir: string;
  env?: Partial<EnvConfig>;
  loginThrottle?: ThrottleOptions;
  migrationsFolder?: string;
  passwordWorkerUrl?: URL;
  /** better-sqlite3 built for another ABI (Electron), loaded instead of the Node one. */
  nativeBinding?: string;
  resetThrottle?: { perAddress: ThrottleOptions; perAccount: ThrottleOptions; verifyFailures: ThrottleOptions };
  /** Where operational notices go (a message kept in the outbox, a failed delivery). */
  log?: Log;
}

const DEFAULT_RESET_THROTTLE = {
  perAddress: { failures: 30, windowSeconds: 900 },
  perAccount: { failures: 5, windowSeconds: 900 },
  verifyFailures: { failures: 20, windowSeconds: 900 },
};

/**
 * Opens the shop's data folder and builds every domain service over it. Electron's main
 * process and the headless server both start here; nothing in it knows about HTTP or IPC.
 */
export function createServices(options: ServicesOptions) {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const database = openDatabase(join(options.dataDir, DATABASE_FILE), options.nativeBinding);
  try {
    applyMigrations(database.db, options.migrationsFolder);
    seedRoles(database.db, Date.now());
  } catch (error) {
    database.close();
    throw error;
  }
  const db = database.db;
  const hasher = createPasswordHasher(options.passwordWorkerUrl);
  const secret = loadOrCreateSigningSecret(options.dataDir);
  const signer = createTokenSigner(secret);
  const settings = createSettingsService(db, options.env ?? {});
  const notifier = createNotifier(db, options.env ?? {}, settings, options.log ?? ((line) => console.log(line)));
  notifier.start();
  const resetThrottle = options.resetThrottle ?? DEFAULT_RESET_THROTTLE;
  const roles = createRolesService(db);
  const policyOf = roles.policyOf;

  const auth = createAuthService({
    db,
    hasher,
    signer,
    throttle: createFailureThrottle(options.loginThrottle),
    policyOf,
    isRegistrationOpen: settings.isRegistrationOpen,
  });
  auth.purgeExpiredTokens();

  return {
    auth,
    roles,
    settings,
    users: createUsersService({ db, hasher, policyOf }),
    profile: createProfileService(db),
    workingTimes: createWorkingTimesService(db),
    audit: createAuditQuery(db),
    catalog: createCatalogService(db),
    orders: createOrdersService(db),
    salesStats: createSalesStats(db),
    demo: createDemoService(db, hasher),
    notifier,
    notifySettings: createNotifySettingsService(db, options.env ?? {}, settings),
    passwordReset: createPasswordResetService({
      db,
      hasher,
      notifier,
      policyOf,
      digestKey: createHmac('sha256', secret).update('shopdesk password-reset digests').digest(),
      requestThrottle: createFailureThrottle(resetThrottle.perAddress),
      accountThrottle: createFailureThrottle(resetThrottle.perAccount),
      verifyThrottle: createFailureThrottle(resetThrottle.verifyFailures),
    }),
    /** Waits for hashing in flight, then closes the database. */
    async close(): Promise<void> {
      await notifier.stop();
      await hasher.close();
      database.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
