import { createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { prepareDataVersion } from '../../db/data-version';
import { applyMigrations, DEFAULT_MIGRATIONS_FOLDER } from '../../db/migrate';
import { seedRoles } from '../../db/seed-roles';
import { createAuditQuery } from './audit/audit-query';
import { withBackupAfterZClose } from './backups/after-z-close';
import { startBackupSchedule } from './backups/backup-schedule';
import { createBackupService } from './backups/backup-service';
import { createBackupSettingsService, readBackupSettings } from './backups/backup-settings';
import { claimDataFolder } from './backups/data-folder-lock';
import { backupBeforeMigrations } from './backups/migration-backup';
import { createCatalogService } from './catalog/catalog-service';
import { createLabelsService } from './labels/labels-service';
import { createLowStock } from './stock/low-stock';
import { createStockHistory } from './stock/stock-history';
import { createStockReceiptsService } from './stock/stock-receipts-service';
import { startOrderMaintenance } from './orders/order-maintenance';
import type { CustomerOrderCaps } from './orders/customer-caps';
import { createOrdersService } from './orders/orders-service';
import { createRefundsService } from './refunds/refunds-service';
import { createRateLimit, type RateLimitOptions } from './rate-limit';
import { createSalesStats } from './orders/sales-stats';
import { createAuthService } from './auth/auth-service';
import { coalesceRefreshes } from './auth/refresh-coalescing';
import { createDemoService } from './demo/demo-service';
import { createFailureThrottle, type ThrottleOptions } from './auth/login-throttle';
import { createPasswordGuessGuard } from './auth/password-guesses';
import { createPasswordHasher } from './auth/password-hasher';
import { createTokenSigner } from './auth/tokens';
import type { EnvConfig } from './config';
import { DomainError } from './errors';
import { createNotifier, type Log } from './notify/notifier';
import { createLogger, type AppLogger } from './logger';
import { createNotifySettingsService } from './notify/notify-settings-service';
import { createNetworkSettingsService } from './settings/network-settings-service';
import { DEFAULT_RESET_GUARD, type ResetGuardOptions } from './password-reset/reset-guard';
import { createPasswordResetService } from './password-reset/reset-service';
import { createRolesService } from './roles/roles-service';
import { loadOrCreateSigningSecret } from './secrets';
import { createCustomerSettingsService } from './settings/customer-settings-service';
import { createSettingsService } from './settings/settings-service';
import { createShopSettingsService } from './shop/shop-settings-service';
import { createCashSessionsService } from './cash/cash-sessions-service';
import { createApprovalVerifier } from './pins/approval';
import { createDeviceTokens } from './pins/device-tokens';
import { createDeviceTrust } from './pins/device-trust';
import { createPinLogin } from './pins/pin-login';
import { createPinService } from './pins/pin-service';
import { createSwitchRoster } from './pins/switch-roster';
import { createRegistersService } from './cash/registers-service';
import { createWorkingTimesService } from './shifts/working-times-service';
import { createTimeClockService } from './time-clock/time-clock-service';
import { createTaxRatesService } from './tax/tax-rates-service';
import { withAutoPrint } from './printing/auto-print';
import { createPrintQueue, type PrintQueueOptions } from './printing/print-queue';
import { createPrintersService } from './printing/printers-service';
import { createReceiptPrinting } from './printing/receipt-printing';
import { createSystemPrinters, systemPrintUnavailable, type ListSystemPrinters, type SystemPrint } from './printing/system-printer';
import { shopLocalTime } from './receipts/receipt-document';
import { createReceiptsService } from './receipts/receipts-service';
import { createReceiptMail, DEFAULT_RECEIPT_MAIL_LIMIT, RECEIPT_MAIL_LIMIT_MESSAGE } from './receipts/receipt-mail';
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
  /** `perAccount` counts per account and client address; `perAccountTotal` per account over all. */
  resetThrottle?: {
    perAddress: ThrottleOptions;
    perAccount: ThrottleOptions;
    perAccountTotal?: ThrottleOptions;
    verifyFailures: ThrottleOptions;
  };
  /** Wrong reset PINs per account across re-issued PINs, then a block (default 15 in 24 h → 24 h). */
  resetGuard?: ResetGuardOptions;
  /** Wrong current passwords and "same as current" answers per account (default 5 in 15 minutes). */
  passwordGuessThrottle?: ThrottleOptions;
  /** Hashes that may wait for a bcrypt thread before calls answer 503 `busy` (default 32 per thread). */
  hashQueueLimit?: number;
  /** The shop's log (stdout when absent); the adapters record unexpected errors in it too. */
  logger?: AppLogger;
  /** Where operational notices go (a message kept in the outbox, a failed delivery); the logger when absent. */
  log?: Log;
  /** New customer accounts per client address (default 10 an hour). */
  registrationLimit?: RateLimitOptions;
  /** Customers' orders: per client address (default 30 in 10 minutes) and what one account may hold open. */
  customerOrders?: { perAddress?: RateLimitOptions; caps?: Partial<CustomerOrderCaps> };
  /**
   * The print queue's retries and timeouts (short in tests); `systemPrint` is the desktop app's OS
   * printing and `systemPrinters` its list of OS printers (both absent in plain Node).
   */
  printing?: PrintQueueOptions & { systemPrint?: SystemPrint; systemPrinters?: ListSystemPrinters };
  /** Receipts one account may send by e-mail (default 30 in 10 minutes). */
  receiptMailLimit?: RateLimitOptions;
  /** The daily backup (default on); tests that count backups turn it off. */
  backupSchedule?: boolean;
}

const DEFAULT_RESET_THROTTLE = {
  perAddress: { failures: 30, windowSeconds: 900 },
  perAccount: { failures: 5, windowSeconds: 900 },
  perAccountTotal: { failures: 20, windowSeconds: 900 },
  verifyFailures: { failures: 20, windowSeconds: 900 },
};
const DEFAULT_PASSWORD_GUESS_THROTTLE: ThrottleOptions = { failures: 5, windowSeconds: 900 };
const DEFAULT_REGISTRATION_LIMIT: RateLimitOptions = { points: 10, windowSeconds: 3600 };
const DEFAULT_CUSTOMER_ORDER_LIMIT: RateLimitOptions = { points: 30, windowSeconds: 600 };

/**
 * Opens the shop's data folder and builds every domain service over it. Electron's main
 * process and the headless server both start here; nothing in it knows about HTTP or IPC.
 */
export function createServices(options: ServicesOptions) {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // At every start, not only on creation: a copied or restored folder may have come back open.
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700);
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const existed = existsSync(databaseFile);
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const database = openDatabase(databaseFile, options.nativeBinding);
  const releaseDataFolder = claimDataFolder(options.dataDir);
  let migrationBackup;
  try {
    // A copy of the database as the previous release left it, before any migration touches it.
    migrationBackup = existed ? backupBeforeMigrations(database.sqlite, options.dataDir, migrationsFolder, options.nativeBinding) : null;
    applyMigrations(database.db, migrationsFolder);
    seedRoles(database.db, Date.now());
  } catch (error) {
    database.close();
    releaseDataFolder();
    throw error;
  }
  const db = database.db;
  const hasher = createPasswordHasher({ workerUrl: options.passwordWorkerUrl, maxQueue: options.hashQueueLimit });
  const guesses = createPasswordGuessGuard(hasher, createFailureThrottle(options.passwordGuessThrottle ?? DEFAULT_PASSWORD_GUESS_THROTTLE));
  const secret = loadOrCreateSigningSecret(options.dataDir);
  const signer = createTokenSigner(secret);
  const settings = createSettingsService(db, options.env ?? {});
  const logger = options.logger ?? createLogger();
  const log: Log = options.log ?? ((line) => logger.info(line));
  const notifier = createNotifier(db, options.env ?? {}, settings, log);
  notifier.start();
  const resetThrottle = options.resetThrottle ?? DEFAULT_RESET_THROTTLE;
  const roles = createRolesService(db);
  const policyOf = roles.policyOf;

  // Concurrent renewals of one sign-in share one rotation (else reuse detection ends it).
  const auth = coalesceRefreshes(
    createAuthService({
      db,
      hasher,
      signer,
      throttle: createFailureThrottle(options.loginThrottle),
      guesses,
      policyOf,
      isRegistrationOpen: settings.isRegistrationOpen,
      registrationLimit: createRateLimit(
        options.registrationLimit ?? DEFAULT_REGISTRATION_LIMIT,
        'Too many new accounts from this address. Try again later.',
      ),
    }),
  );
  auth.purgeExpiredTokens();
  const shop = createShopSettingsService(db, settings);
  // Read at each call: the owner may change the zone while the shop runs.
  const timeZone = shop.timeZone;
  const taxRates = createTaxRatesService(db);
  const verifyApproval = createApprovalVerifier({ db, hasher, policyOf });
  // Auto-print runs after the sale's transaction has committed, and never fails the sale.
  const orders = withAutoPrint(
    createOrdersService(db, {
      customerOrderExpiryHours: settings.customerOrderExpiryHours,
      customerOrderLimit: createRateLimit(
        options.customerOrders?.perAddress ?? DEFAULT_CUSTOMER_ORDER_LIMIT,
        'Too many orders from this address. Try again later.',
      ),
      caps: options.customerOrders?.caps,
      saleSettings: shop.saleSettings,
      taxRateRefsOf: taxRates.taxRateRefsOf,
      verifyApproval,
      timeZone,
    }),
    (sale, soldBy) => receiptPrinting.afterSale(sale, soldBy),
  );
  const refunds = createRefundsService(db, { saleSettings: shop.saleSettings, verifyApproval });
  const receipts = createReceiptsService(db, { orders, refunds, shop });
  const printQueue = createPrintQueue(db, {
    ...options.printing,
    systemPrint: options.printing?.systemPrint ?? systemPrintUnavailable,
    log,
  });
  printQueue.start();
  const cashSessions = createCashSessionsService(db, {
    varianceApprovalCents: () => shop.current().variance_approval_cents,
    timeZone,
    verifyApproval,
  });
  const receiptPrinting = createReceiptPrinting(db, {
    queue: printQueue,
    documentOf: receipts.documentOf,
    registerOf: (actor, ref) => {
      if (ref.type === 'refund') return refunds.get(actor, ref.id).register_id;
      const order = orders.get(actor, ref.id);
      if (order.status !== 'completed') throw new DomainError('invalid_state', 'Only a completed sale has a receipt.');
      return order.register_id;
    },
    reportOf: (actor, sessionId) => cashSessions.report(actor, sessionId),
    shopName: () => shop.current().name,
    currency: () => shop.current().currency,
    localTime: (now) => shopLocalTime(new Date(now).toISOString(), timeZone()),
    log,
  });
  const orderMaintenance = startOrderMaintenance(orders, log);
  const backups = createBackupService({
    db,
    sqlite: database.sqlite,
    dataDir: options.dataDir,
    settings,
    timeZone,
    log,
    nativeBinding: options.nativeBinding,
    pagesPerStep: options.env?.backupStepPages,
  });
  if (migrationBackup) backups.recordBackup(migrationBackup.file, 'migration', null, migrationBackup.now);
  const backupSchedule =
    options.backupSchedule === false
      ? null
      : startBackupSchedule({
          timeOfDay: () => readBackupSettings(settings).time_of_day,
          timeZone,
          scheduledTimes: () => backups.scheduledRows().map((row) => row.createdAt),
          run: () => backups.backupNow('scheduled', null),
          log,
        });
  const deviceTokens = createDeviceTokens(db);
  const assertTrustedDevice = createDeviceTrust({ db, deviceTokens });

  return {
    logger,
    auth,
    roles,
    settings,
    users: createUsersService({ db, hasher, policyOf, guesses }),
    profile: createProfileService(db, { timeZone }),
    workingTimes: createWorkingTimesService(db, { timeZone }),
    timeClock: createTimeClockService(db, { timeZone }),
    audit: createAuditQuery(db, { timeZone }),
    catalog: createCatalogService(db, { dataVersion: prepareDataVersion(database.sqlite) }),
    labels: createLabelsService(db, { currency: () => shop.current().currency }),
    stockHistory: createStockHistory(db),
    stockReceipts: createStockReceiptsService(db),
    lowStock: createLowStock(db),
    orders,
    refunds,
    receipts,
    receiptMail: createReceiptMail(db, {
      receipts,
      notifier,
      limit: createRateLimit(options.receiptMailLimit ?? DEFAULT_RECEIPT_MAIL_LIMIT, RECEIPT_MAIL_LIMIT_MESSAGE),
    }),
    printers: createPrintersService(db),
    printQueue,
    receiptPrinting,
    systemPrinters: createSystemPrinters(options.printing?.systemPrinters),
    salesStats: createSalesStats(db, { timeZone }),
    demo: createDemoService(db, hasher),
    notifier,
    notifySettings: createNotifySettingsService(db, options.env ?? {}, settings),
    networkSettings: createNetworkSettingsService(db, options.env ?? {}, settings),
    customerSettings: createCustomerSettingsService(db, settings),
    shop,
    registers: createRegistersService(db),
    taxRates,
    // The Z close's backup starts after the close has committed, and never fails it.
    cashSessions: withBackupAfterZClose(cashSessions, backups.backupNow, log),
    backups,
    backupSettings: createBackupSettingsService(db, settings),
    pins: createPinService({ db, hasher, guesses }),
    deviceTokens,
    pinLogin: createPinLogin({ hasher, assertTrustedDevice, signInWithSecret: auth.signInWithSecret }),
    switchRoster: createSwitchRoster({ db, assertTrustedDevice, timeZone }),
    passwordReset: createPasswordResetService({
      db,
      hasher,
      notifier,
      policyOf,
      digestKey: createHmac('sha256', secret).update('shopdesk password-reset digests').digest(),
      requestThrottle: createFailureThrottle(resetThrottle.perAddress),
      accountThrottle: createFailureThrottle(resetThrottle.perAccount),
      accountTotalThrottle: createFailureThrottle(resetThrottle.perAccountTotal ?? DEFAULT_RESET_THROTTLE.perAccountTotal),
      verifyThrottle: createFailureThrottle(resetThrottle.verifyFailures),
      guard: options.resetGuard ?? DEFAULT_RESET_GUARD,
      guesses,
    }),
    /** Waits for hashing in flight, then closes the database. */
    async close(): Promise<void> {
      orderMaintenance.stop();
      backupSchedule?.stop();
      await backups.close();
      await printQueue.stop();
      await notifier.stop();
      await hasher.close();
      database.close();
      releaseDataFolder();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
