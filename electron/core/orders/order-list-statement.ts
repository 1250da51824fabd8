import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orders } from '../../../db/schema';
import { statementsByShape } from '../statements-by-shape';

/** Which filters an orders list has: each combination is one statement, prepared once. */
export interface OrderListShape {
  userId: boolean;
  /** Staff finding a colleague's sale by its receipt number see completed sales only. */
  completedOnly: boolean;
  status: boolean;
  receiptNo: boolean;
  from: boolean;
  to: boolean;
  before: boolean;
}

function prepareOrderList(db: Db, shape: OrderListShape) {
  const conditions: (SQL | undefined)[] = [];
  if (shape.userId) conditions.push(eq(orders.userId, sql.placeholder('userId')));
  if (shape.completedOnly) conditions.push(eq(orders.status, 'completed'));
  if (shape.status) conditions.push(eq(orders.status, sql.placeholder('status')));
  if (shape.receiptNo) conditions.push(eq(orders.receiptNo, sql.placeholder('receiptNo')));
  if (shape.from) conditions.push(gte(orders.createdAt, sql.placeholder('from')));
  if (shape.to) conditions.push(lt(orders.createdAt, sql.placeholder('to')));
  if (shape.before) conditions.push(lt(orders.id, sql.placeholder('before')));
  return db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.id))
    .limit(sql.placeholder('limit'))
    .prepare();
}

/**
 * The orders list's statements (128 combinations at most), each prepared on first use: a
 * manager pages through the day's sales, the till looks up receipt numbers.
 */
export function createOrderListStatements(db: Db) {
  return statementsByShape((shape: OrderListShape) => prepareOrderList(db, shape));
}
