import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { cashSessions, payments, registers } from '../../../db/schema';
import { DomainError, invalidField } from '../errors';
import type { Tender } from '../orders/tenders';

export interface SaleTill {
  registerId: number;
  cashSessionId: number;
}

/**
 * Where a sale's money goes: the register it is completed on (the shop's default when none is
 * named) and that register's open cash session. Read inside the completing transaction, so a
 * session closed a moment earlier is seen as closed.
 */
export function prepareSaleTill(db: Db) {
  const registerById = db
    .select({ id: registers.id, name: registers.name })
    .from(registers)
    .where(eq(registers.id, sql.placeholder('id')))
    .prepare();
  const defaultRegister = db
    .select({ id: registers.id, name: registers.name })
    .from(registers)
    .where(eq(registers.isDefault, true))
    .prepare();
  const openSessionOf = db
    .select({ id: cashSessions.id })
    .from(cashSessions)
    .where(and(eq(cashSessions.registerId, sql.placeholder('registerId')), eq(cashSessions.status, 'open')))
    .prepare();
  const insertPayment = db
    .insert(payments)
    .values({
      orderId: sql.placeholder('orderId'),
      method: sql.placeholder('method'),
      amountCents: sql.placeholder('amountCents'),
      tenderedCents: sql.placeholder('tenderedCents'),
      changeCents: sql.placeholder('changeCents'),
      reference: sql.placeholder('reference'),
      cashSessionId: sql.placeholder('cashSessionId'),
      createdAt: sql.placeholder('now'),
    })
    .prepare();

  return {
    /** 400 naming `register_id` for an unknown register; 409 `no_open_session` when its drawer is closed. */
    resolve(registerId: number | undefined): SaleTill {
      const register = registerId === undefined ? defaultRegister.get() : registerById.get({ id: registerId });
      if (!register) {
        if (registerId !== undefined) throw invalidField('register_id', 'No register has this id.');
        throw new Error('the shop has no default register');
      }
      const session = openSessionOf.get({ registerId: register.id });
      if (!session) {
        throw new DomainError(
          'no_open_session',
          `${register.name} has no open cash session. Open the drawer with a float before selling on it.`,
          { details: [{ register_id: register.id }] },
        );
      }
      return { registerId: register.id, cashSessionId: session.id };
    },

    recordPayments(orderId: number, till: SaleTill, tenders: Tender[], now: number): void {
      for (const tender of tenders) {
        insertPayment.run({ orderId, ...tender, cashSessionId: till.cashSessionId, now });
      }
    },
  };
}
