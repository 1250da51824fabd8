import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { backupsRouter } from './routers/backups';
import { cashSessionsRouter } from './routers/cash-sessions';
import { catalogRouter } from './routers/catalog';
import { labelsRouter } from './routers/labels';
import { networkRouter } from './routers/network';
import { ordersRouter } from './routers/orders';
import { notificationsRouter } from './routers/notifications';
import { passwordResetRouter } from './routers/password-reset';
import { printingRouter } from './routers/printing';
import { profileRouter } from './routers/profile';
import { receiptsRouter } from './routers/receipts';
import { refundsRouter } from './routers/refunds';
import { registersRouter } from './routers/registers';
import { rolesRouter } from './routers/roles';
import { settingsRouter } from './routers/settings';
import { shiftsRouter } from './routers/shifts';
import { shopRouter } from './routers/shop';
import { taxRatesRouter } from './routers/tax-rates';
import { stockRouter } from './routers/stock';
import { timeClockRouter } from './routers/time-clock';
import { usersRouter } from './routers/users';
import { router } from './trpc';

/** The one registry of procedures; the renderer imports only its type. */
export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  backups: backupsRouter,
  cashSessions: cashSessionsRouter,
  catalog: catalogRouter,
  labels: labelsRouter,
  network: networkRouter,
  orders: ordersRouter,
  notifications: notificationsRouter,
  passwordReset: passwordResetRouter,
  printing: printingRouter,
  profile: profileRouter,
  receipts: receiptsRouter,
  refunds: refundsRouter,
  registers: registersRouter,
  roles: rolesRouter,
  settings: settingsRouter,
  shifts: shiftsRouter,
  shop: shopRouter,
  taxRates: taxRatesRouter,
  stock: stockRouter,
  timeClock: timeClockRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
