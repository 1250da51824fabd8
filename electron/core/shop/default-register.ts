import type { DbOrTx } from '../../../db/client';
import { DEFAULT_REGISTER_NAME, receiptSequences, registers, SHOP_RECEIPT_SERIES } from '../../../db/schema';

/**
 * The till every shop starts with: "Main till" as the default register, and the shop's receipt
 * series. Migration 0002 makes both; setup calls this in its own transaction so a database
 * without them (a register-less copy, say) still gets them, never twice.
 */
export function ensureDefaultRegister(tx: DbOrTx, now: number): void {
  const anyRegister = tx.select({ id: registers.id }).from(registers).limit(1).get();
  if (!anyRegister) tx.insert(registers).values({ name: DEFAULT_REGISTER_NAME, isDefault: true, createdAt: now, updatedAt: now }).run();
  tx.insert(receiptSequences).values({ series: SHOP_RECEIPT_SERIES, lastNo: 0, updatedAt: now }).onConflictDoNothing().run();
}
