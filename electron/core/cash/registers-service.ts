import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { cashSessions, printers, registers, type RegisterRow } from '../../../db/schema';
import type { CreateRegisterInput, RegisterDto, UpdateRegisterInput } from '../../../shared/schemas/cash';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { invalidField, notFound } from '../errors';
import { requirePermission } from '../permissions';

function toRegisterDto(row: RegisterRow, openSessionId: number | null): RegisterDto {
  return { id: row.id, name: row.name, is_default: row.isDefault, open_session_id: openSessionId, printer_id: row.printerId };
}

/** Registers with the id of their open session (null when the drawer is closed). */
function readRegisters(db: DbOrTx, id?: number): RegisterDto[] {
  return db
    .select({ register: registers, openSessionId: cashSessions.id })
    .from(registers)
    .leftJoin(cashSessions, and(eq(cashSessions.registerId, registers.id), eq(cashSessions.status, 'open')))
    .where(id === undefined ? undefined : eq(registers.id, id))
    .orderBy(asc(registers.id))
    .all()
    .map((r) => toRegisterDto(r.register, r.openSessionId));
}

/** A register prints on a printer that exists and is not deleted; anything else is the caller's mistake. */
function assertPrinterExists(db: DbOrTx, printerId: number): void {
  const printer = db
    .select({ id: printers.id })
    .from(printers)
    .where(and(eq(printers.id, printerId), isNull(printers.deletedAt)))
    .get();
  if (!printer) throw invalidField('printer_id', 'No printer has this id (or it was deleted).');
}

function readRegister(db: DbOrTx, id: number): RegisterDto {
  const [register] = readRegisters(db, id);
  if (!register) throw notFound('Register');
  return register;
}

/**
 * The shop's tills. Staff list them (to open a drawer on one); managers add and rename them and
 * choose the default and the receipt printer. There is always exactly one default: it is moved, never dropped.
 */
export function createRegistersService(db: Db) {
  return {
    list(actor: Actor): RegisterDto[] {
      requirePermission(actor, 'registers.read');
      return readRegisters(db);
    },

    create(actor: Actor, input: CreateRegisterInput, now = Date.now()): RegisterDto {
      requirePermission(actor, 'registers.manage');
      return db.transaction((tx) => {
        const row = tx.insert(registers).values({ name: input.name, isDefault: false, createdAt: now, updatedAt: now }).returning().get();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'register.created',
          targetType: 'register',
          targetId: row.id,
          after: { name: row.name },
          now,
        });
        return readRegister(tx, row.id);
      });
    },

    update(actor: Actor, id: number, input: UpdateRegisterInput, now = Date.now()): RegisterDto {
      requirePermission(actor, 'registers.manage');
      return db.transaction((tx) => {
        const before = readRegister(tx, id);
        if (input.is_default === false && before.is_default) {
          throw invalidField('is_default', 'A shop always has a default register: make another one the default instead.');
        }
        if (input.is_default === true && !before.is_default) {
          // The partial unique index allows one default: clear the old one first.
          tx.update(registers).set({ isDefault: false, updatedAt: now }).where(eq(registers.isDefault, true)).run();
          tx.update(registers).set({ isDefault: true, updatedAt: now }).where(eq(registers.id, id)).run();
        }
        if (input.name !== undefined && input.name !== before.name) {
          tx.update(registers).set({ name: input.name, updatedAt: now }).where(eq(registers.id, id)).run();
        }
        if (input.printer_id !== undefined && input.printer_id !== before.printer_id) {
          if (input.printer_id !== null) assertPrinterExists(tx, input.printer_id);
          tx.update(registers).set({ printerId: input.printer_id, updatedAt: now }).where(eq(registers.id, id)).run();
        }
        const after = readRegister(tx, id);
        const changed = (['name', 'is_default', 'printer_id'] as const).filter((field) => after[field] !== before[field]);
        if (changed.length > 0) {
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'register.updated',
            targetType: 'register',
            targetId: id,
            before: Object.fromEntries(changed.map((field) => [field, before[field]])),
            after: Object.fromEntries(changed.map((field) => [field, after[field]])),
            now,
          });
        }
        return after;
      });
    },
  };
}

export type RegistersService = ReturnType<typeof createRegistersService>;
