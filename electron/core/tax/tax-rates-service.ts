import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { taxRates, type TaxRateRow } from '../../../db/schema';
import type { CreateTaxRateInput, ListTaxRatesQuery, TaxRateDto, UpdateTaxRateInput } from '../../../shared/schemas/tax-rates';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, invalidField } from '../errors';
import { requirePermission } from '../permissions';
import { toTaxRateDto } from './tax-rate-dto';
import { prepareTaxRateLookup } from './tax-rate-lookup';

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Two active rates of one name would be a coin toss in the product dialog. Inactive ones may
 * share it: "Standard" at 20 % replaces a retired "Standard" at 19 %.
 */
function assertNameFree(db: DbOrTx, name: string, exceptId?: number): void {
  const taken = db
    .select({ name: taxRates.name })
    .from(taxRates)
    .where(and(eq(taxRates.isActive, true), exceptId === undefined ? undefined : ne(taxRates.id, exceptId)))
    .all()
    .some((other) => sameName(other.name, name));
  if (taken) throw invalidField('name', `An active tax rate is already called ${name}.`);
}

function loadRate(db: DbOrTx, id: number): TaxRateRow {
  const row = db.select().from(taxRates).where(eq(taxRates.id, id)).get();
  if (!row) throw new DomainError('not_found', 'No TaxRate matches the given query.');
  return row;
}

/**
 * The shop's tax rates. Everyone signed in reads the active ones (the till and the webstore
 * show prices with their tax); managers add, rename, retire and bring back rates. A rate's
 * `rate_bp` never changes: a new rate is a new row, so every sale keeps the rate it was taxed at.
 */
export function createTaxRatesService(db: Db) {
  const lookup = prepareTaxRateLookup(db);

  return {
    list(actor: Actor, query: ListTaxRatesQuery = {}): TaxRateDto[] {
      requirePermission(actor, 'tax_rates.read');
      return db
        .select()
        .from(taxRates)
        .where(query.include_inactive ? undefined : eq(taxRates.isActive, true))
        .orderBy(asc(taxRates.id))
        .all()
        .map(toTaxRateDto);
    },

    create(actor: Actor, input: CreateTaxRateInput, now = Date.now()): TaxRateDto {
      requirePermission(actor, 'tax_rates.manage');
      return db.transaction((tx) => {
        assertNameFree(tx, input.name);
        const row = tx
          .insert(taxRates)
          .values({ name: input.name, rateBp: input.rate_bp, isActive: true, createdAt: now, updatedAt: now })
          .returning()
          .get();
        const created = toTaxRateDto(row);
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'tax_rate.created',
          targetType: 'tax_rate',
          targetId: row.id,
          after: { name: created.name, rate_bp: created.rate_bp, is_active: created.is_active },
          now,
        });
        return created;
      });
    },

    update(actor: Actor, id: number, input: UpdateTaxRateInput, now = Date.now()): TaxRateDto {
      requirePermission(actor, 'tax_rates.manage');
      return db.transaction((tx) => {
        const before = toTaxRateDto(loadRate(tx, id));
        const name = input.name ?? before.name;
        const isActive = input.is_active ?? before.is_active;
        if (isActive && (name !== before.name || !before.is_active)) assertNameFree(tx, name, id);
        const changed = (['name', 'is_active'] as const).filter((field) => input[field] !== undefined && input[field] !== before[field]);
        if (changed.length === 0) return before;
        const after = toTaxRateDto(
          tx.update(taxRates).set({ name, isActive, updatedAt: now }).where(eq(taxRates.id, id)).returning().get(),
        );
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'tax_rate.updated',
          targetType: 'tax_rate',
          targetId: id,
          // The name on both sides, so the log names the rate even when only `is_active` moved.
          before: { name: before.name, ...Object.fromEntries(changed.map((field) => [field, before[field]])) },
          after: { name: after.name, ...Object.fromEntries(changed.map((field) => [field, after[field]])) },
          now,
        });
        return after;
      });
    },

    /** For the order code: a rate by id (inactive ones too), on a prepared statement. */
    getTaxRate: lookup.getTaxRate,
    /** For the order code: each product's rate as the sale copies it (null: not taxed). */
    taxRateRefsOf: lookup.taxRateRefsOf,
  };
}

export type TaxRatesService = ReturnType<typeof createTaxRatesService>;
