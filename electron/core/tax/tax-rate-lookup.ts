import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products, taxRates } from '../../../db/schema';
import type { TaxRateRef } from '../../../shared/pricing';
import { invalidField } from '../errors';

/**
 * The rates as a sale and a product write read them, on statements prepared once (a sale is the
 * hot path). They run on the one connection, so inside a caller's transaction they see its rows.
 */
export function prepareTaxRateLookup(db: Db) {
  const rateById = db
    .select({ id: taxRates.id, name: taxRates.name, rate_bp: taxRates.rateBp, isActive: taxRates.isActive })
    .from(taxRates)
    .where(eq(taxRates.id, sql.placeholder('id')))
    .prepare();
  const currentRateOfProduct = db
    .select({ taxRateId: products.taxRateId })
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  // One statement for any number of products: the ids travel as one JSON array.
  const ratesOfProducts = db
    .select({ productId: products.id, id: taxRates.id, name: taxRates.name, rate_bp: taxRates.rateBp })
    .from(products)
    .innerJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .where(sql`${products.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .prepare();

  return {
    /** A rate by id, active or not (a product keeps a rate deactivated later); null when unknown. */
    getTaxRate(id: number): TaxRateRef | null {
      const row = rateById.get({ id });
      return row ? { id: row.id, name: row.name, rate_bp: row.rate_bp } : null;
    },

    /**
     * Each product's rate as a sale copies it: null for a product that is not taxed (or that
     * does not exist; the order checks its products itself).
     */
    taxRateRefsOf(productIds: readonly number[]): Map<number, TaxRateRef | null> {
      const refs = new Map<number, TaxRateRef | null>(productIds.map((id) => [id, null]));
      if (productIds.length === 0) return refs;
      for (const row of ratesOfProducts.all({ ids: JSON.stringify(productIds) })) {
        refs.set(row.productId, { id: row.id, name: row.name, rate_bp: row.rate_bp });
      }
      return refs;
    },

    /**
     * 400 `fields.tax_rate_id` unless the rate may be given to the product: an active one, or
     * the one the product already has (deactivated since; it keeps it). Null (not taxed) always may.
     */
    assertAssignable(taxRateId: number | null | undefined, productId?: number): void {
      if (taxRateId === null || taxRateId === undefined) return;
      const rate = rateById.get({ id: taxRateId });
      if (!rate) throw invalidField('tax_rate_id', 'No tax rate has this id.');
      if (rate.isActive) return;
      if (productId !== undefined && currentRateOfProduct.get({ id: productId })?.taxRateId === taxRateId) return;
      throw invalidField('tax_rate_id', `The tax rate ${rate.name} is inactive: choose an active rate, or reactivate it first.`);
    },
  };
}

export type TaxRateLookup = ReturnType<typeof prepareTaxRateLookup>;
