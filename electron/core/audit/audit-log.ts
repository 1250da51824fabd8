import type { DbOrTx } from '../../../db/client';
import { auditLog } from '../../../db/schema';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType:
    | 'user'
    | 'role'
    | 'product'
    | 'order'
    | 'working_time'
    | 'settings'
    | 'register'
    | 'cash_session'
    | 'tax_rate'
    | 'printer'
    | 'stock_receipt'
    | 'refund';
  targetId: number | null;
  before?: unknown;
  after?: unknown;
  now: number;
}

/** Writes one audit row; call it inside the transaction that makes the change. */
export function recordAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      createdAt: entry.now,
    })
    .run();
}
