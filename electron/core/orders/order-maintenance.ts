import type { Log } from '../notify/notifier';
import type { OrdersService } from './orders-service';

/** Often enough that stale orders free their stock soon after their hour, cheap enough to ignore. */
const MAINTENANCE_INTERVAL_MS = 10 * 60_000;

/**
 * The orders' housekeeping: expires customers' stale open orders and forgets old
 * Idempotency-Keys, once at start and then every few minutes. The timer never keeps the
 * process alive; `stop()` ends it (services.close()).
 */
export function startOrderMaintenance(orders: OrdersService, log: Log) {
  function runOnce(): void {
    try {
      const expired = orders.expireStaleCustomerOrders();
      if (expired > 0) log(`${expired} customer order(s) expired; their stock is back on the shelf`);
      orders.purgeStaleIdempotencyKeys();
    } catch (error) {
      log(`order housekeeping failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  runOnce();
  const timer = setInterval(runOnce, MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return {
    stop(): void {
      clearInterval(timer);
    },
  };
}
