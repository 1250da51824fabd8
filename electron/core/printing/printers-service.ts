import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { printers, registers } from '../../../db/schema';
import type { CreatePrinterInput, PrinterDto, PrinterKind, UpdatePrinterInput } from '../../../shared/schemas/printing';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, invalidField } from '../errors';
import { requirePermission } from '../permissions';
import { parsePrinterAddress } from './printer-address';

export type PrinterRow = typeof printers.$inferSelect;

export const printerNotFound = () => new DomainError('not_found', 'No Printer matches the given query.');

export function toPrinterDto(row: PrinterRow): PrinterDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    width: row.width,
    auto_print: row.autoPrint,
    open_drawer_on_cash: row.openDrawerOnCash,
    cut: row.cut,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
  };
}

/** A printer that is not deleted, or 404. */
export function findPrinter(db: DbOrTx, id: number): PrinterRow {
  const row = db
    .select()
    .from(printers)
    .where(and(eq(printers.id, id), isNull(printers.deletedAt)))
    .get();
  if (!row) throw printerNotFound();
  return row;
}

/** What a manager set on a printer: the audit log keeps these (not the bookkeeping times). */
const AUDITED_FIELDS = ['name', 'kind', 'address', 'width', 'auto_print', 'open_drawer_on_cash', 'cut'] as const;
type AuditedFields = Pick<PrinterDto, (typeof AUDITED_FIELDS)[number]>;

function auditedFields(printer: PrinterDto): AuditedFields {
  const { name, kind, address, width, auto_print, open_drawer_on_cash, cut } = printer;
  return { name, kind, address, width, auto_print, open_drawer_on_cash, cut };
}

/**
 * What the address means for the kind: a network printer's `host[:port]` (kept as given, the
 * port 9100 implied), a system printer's OS name; a browser printer has none.
 */
function addressFor(kind: PrinterKind, address: string | null | undefined): string | null {
  const given = address === undefined || address === null || address === '' ? null : address;
  if (kind === 'browser') return null;
  if (kind === 'system') {
    if (given === null) throw invalidField('address', 'A system printer needs the name the computer knows it by.');
    return given;
  }
  if (given === null || !parsePrinterAddress(given)) {
    throw invalidField('address', 'A network printer needs its address as host or host:port (port 9100 when left out).');
  }
  return given;
}

/** The shop's receipt printers (managers). A deleted printer is hidden; its jobs keep pointing at it. */
export function createPrintersService(db: Db) {
  return {
    list(actor: Actor): PrinterDto[] {
      requirePermission(actor, 'printers.manage');
      return db.select().from(printers).where(isNull(printers.deletedAt)).orderBy(asc(printers.id)).all().map(toPrinterDto);
    },

    get(actor: Actor, id: number): PrinterDto {
      requirePermission(actor, 'printers.manage');
      return toPrinterDto(findPrinter(db, id));
    },

    create(actor: Actor, input: CreatePrinterInput, now = Date.now()): PrinterDto {
      requirePermission(actor, 'printers.manage');
      return db.transaction((tx) => {
        const row = tx
          .insert(printers)
          .values({
            name: input.name,
            kind: input.kind,
            address: addressFor(input.kind, input.address),
            width: input.width,
            autoPrint: input.auto_print,
            openDrawerOnCash: input.open_drawer_on_cash,
            cut: input.cut,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        const created = toPrinterDto(row);
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'printer.created',
          targetType: 'printer',
          targetId: row.id,
          after: auditedFields(created),
          now,
        });
        return created;
      });
    },

    update(actor: Actor, id: number, input: UpdatePrinterInput, now = Date.now()): PrinterDto {
      requirePermission(actor, 'printers.manage');
      return db.transaction((tx) => {
        const before = findPrinter(tx, id);
        const kind = input.kind ?? before.kind;
        // A new kind re-checks the address it keeps; a new address is checked against the kind.
        const address =
          input.address !== undefined || input.kind !== undefined
            ? addressFor(kind, input.address === undefined ? before.address : input.address)
            : before.address;
        const row = tx
          .update(printers)
          .set({
            name: input.name ?? before.name,
            kind,
            address,
            width: input.width ?? before.width,
            autoPrint: input.auto_print ?? before.autoPrint,
            openDrawerOnCash: input.open_drawer_on_cash ?? before.openDrawerOnCash,
            cut: input.cut ?? before.cut,
            updatedAt: now,
          })
          .where(eq(printers.id, id))
          .returning()
          .get();
        const was = toPrinterDto(before);
        const after = toPrinterDto(row ?? before);
        const changed = AUDITED_FIELDS.filter((field) => was[field] !== after[field]);
        if (changed.length > 0) {
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'printer.updated',
            targetType: 'printer',
            targetId: id,
            before: Object.fromEntries(changed.map((field) => [field, was[field]])),
            after: Object.fromEntries(changed.map((field) => [field, after[field]])),
            now,
          });
        }
        return after;
      });
    },

    /** Hides the printer; registers that printed on it fall back to having none. */
    remove(actor: Actor, id: number, now = Date.now()): void {
      requirePermission(actor, 'printers.manage');
      db.transaction((tx) => {
        const before = findPrinter(tx, id);
        tx.update(printers).set({ deletedAt: now, updatedAt: now }).where(eq(printers.id, id)).run();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'printer.deleted',
          targetType: 'printer',
          targetId: id,
          before: auditedFields(toPrinterDto(before)),
          now,
        });
        tx.update(registers).set({ printerId: null, updatedAt: now }).where(eq(registers.printerId, id)).run();
      });
    },
  };
}

export type PrintersService = ReturnType<typeof createPrintersService>;
