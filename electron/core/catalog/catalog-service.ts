import { and, asc, eq, gt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { products } from '../../../db/schema';
import type { FieldErrors } from '../../../shared/errors';
import {
  importProductRow,
  type CreateProductInput,
  type ListProductsQuery,
  type ProductDto,
  type UpdateProductInput,
} from '../../../shared/schemas/catalog';
import type { StockMovementDto } from '../../../shared/schemas/stock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, invalidField, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { likePlaceholder, literalLikePattern } from '../sql-like';
import { memoByVersion } from '../memo-by-version';
import { statementsByShape } from '../statements-by-shape';
import { prepareTaxRateLookup } from '../tax/tax-rate-lookup';
import { toProductDto, type ProductRow } from './product-queries';
import { adjustmentMovementDto } from '../stock/stock-movement-dto';
import { recordAdjustmentMovement, recordStockMovement } from './stock-movements';

const PATCH_STOCK_NOTE = 'set by PATCH';
const importNote = (line: number) => `CSV import, line ${line}`;

/** Where a new product's stock comes from: a manager's form (`initial`) or a CSV row (`import`). */
type StockSource = { reason: 'initial' } | { reason: 'import'; line: number };

type ImportResult =
  { line: number; ok: true; action: 'created' | 'updated'; product: ProductDto } | { line: number; ok: false; error: string };

function assertUniqueCodes(db: DbOrTx, codes: { sku?: string; barcode?: string | null }, exceptId?: number): void {
  const fields: FieldErrors = {};
  const others = exceptId === undefined ? undefined : ne(products.id, exceptId);
  if (
    codes.sku !== undefined &&
    db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.sku, codes.sku), others))
      .get()
  ) {
    fields.sku = ['A product with that SKU already exists.'];
  }
  if (
    codes.barcode &&
    db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.barcode, codes.barcode), others))
      .get()
  ) {
    fields.barcode = ['A product with that barcode already exists.'];
  }
  const first = Object.values(fields)[0]?.[0];
  if (first) throw new DomainError('validation_failed', first, { fields });
}

/**
 * A page of the product list. A kept page is shared by every caller until the next write, so it
 * is frozen (a mutation throws); typed mutable because what clients receive is their own copy
 * (JSON over REST and tRPC).
 */
export interface ProductPage {
  items: ProductDto[];
  nextCursor: string | null;
}

/** Which filters a product list has: each combination is one prepared statement. */
interface ProductListShape {
  activeOnly: boolean;
  barcode: boolean;
  q: boolean;
  after: boolean;
}

export interface CatalogOptions {
  /** db/data-version.ts: list pages are kept while it reads the same. */
  dataVersion(): string;
}

/** Products (webstore seed): everyone reads, managers write; stock moves only with a reason. */
export function createCatalogService(db: Db, options: CatalogOptions) {
  const taxRates = prepareTaxRateLookup(db);
  // Read on every product request and inside the stock transactions (same connection).
  const productById = db
    .select()
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();

  // The product list's statement for each combination of filters (16 at most), prepared once:
  // the point of sale lists and searches on every key press.
  function prepareProductList(shape: ProductListShape) {
    const conditions: (SQL | undefined)[] = [];
    if (shape.activeOnly) conditions.push(eq(products.isActive, true));
    if (shape.barcode) conditions.push(eq(products.barcode, sql.placeholder('barcode')));
    if (shape.q) {
      conditions.push(
        or(
          likePlaceholder(products.name, 'nameLike'),
          likePlaceholder(products.sku, 'skuLike'),
          eq(products.barcode, sql.placeholder('q')),
        ),
      );
    }
    if (shape.after) conditions.push(gt(products.id, sql.placeholder('after')));
    return db
      .select()
      .from(products)
      .where(and(...conditions))
      .orderBy(asc(products.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }
  const productListStatement = statementsByShape(prepareProductList);
  // Devices poll the catalog far more often than it changes: a page is read once per change.
  const keptPages = memoByVersion<ProductPage>(options.dataVersion);

  function readProductPage(query: ListProductsQuery): ProductPage {
    const after = decodeCursor(query.cursor);
    const shape = { activeOnly: !query.include_inactive, barcode: Boolean(query.barcode), q: Boolean(query.q), after: after !== null };
    const rows = productListStatement(shape).all({
      barcode: query.barcode,
      q: query.q,
      nameLike: query.q === undefined ? undefined : literalLikePattern('%', query.q, '%'),
      skuLike: query.q === undefined ? undefined : literalLikePattern('', query.q, '%'),
      after,
      limit: query.limit + 1,
    });
    const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
    const items = page.map((row) => Object.freeze(toProductDto(row)));
    Object.freeze(items);
    return Object.freeze({ items, nextCursor });
  }

  function loadProduct(id: number) {
    const row = productById.get({ id });
    if (!row) throw notFound('Product');
    return row;
  }

  function insertProduct(tx: DbOrTx, actor: Actor, input: CreateProductInput, source: StockSource, now: number): ProductDto {
    assertUniqueCodes(tx, input);
    taxRates.assertAssignable(input.tax_rate_id);
    const row = tx
      .insert(products)
      .values({
        sku: input.sku,
        barcode: input.barcode ?? null,
        name: input.name,
        priceCents: input.price_cents,
        stock: input.stock,
        isActive: input.is_active,
        taxRateId: input.tax_rate_id,
        reorderLevel: input.reorder_level,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    if (row.stock !== 0) {
      recordStockMovement(tx, {
        productId: row.id,
        delta: row.stock,
        ...(source.reason === 'initial'
          ? { reason: 'initial', refType: 'product', refId: row.id, note: null }
          : { reason: 'import', refType: 'import', refId: null, note: importNote(source.line) }),
        userId: actor.user.id,
        createdAt: now,
      });
    }
    recordAudit(tx, {
      actorId: actor.user.id,
      action: 'product.created',
      targetType: 'product',
      targetId: row.id,
      after: toProductDto(row),
      now,
    });
    return toProductDto(row);
  }

  /**
   * Moves the stock by `delta`, writes its `adjustment` movement and audits it with its reason;
   * in the caller's transaction. A manager's adjustment is its own reference; a PATCH has none.
   */
  function applyStockAdjustment(
    tx: DbOrTx,
    actor: Actor,
    before: ProductRow,
    delta: number,
    reason: string,
    via: 'adjustment' | 'patch',
    now: number,
  ): { after: ProductRow; movementId: number } {
    if (before.stock + delta < 0) throw invalidField('delta', `Only ${before.stock} in stock; the stock cannot go below zero.`);
    const after = tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${delta}`, updatedAt: now })
      .where(eq(products.id, before.id))
      .returning()
      .get();
    const movement = { productId: before.id, delta, note: reason, userId: actor.user.id, createdAt: now };
    const movementId =
      via === 'adjustment'
        ? recordAdjustmentMovement(tx, movement)
        : recordStockMovement(tx, { ...movement, reason: 'adjustment', refType: 'adjustment', refId: null });
    recordAudit(tx, {
      actorId: actor.user.id,
      action: 'product.stock_adjusted',
      targetType: 'product',
      targetId: before.id,
      before: { stock: before.stock },
      after: { stock: after.stock, delta, reason },
      now,
    });
    return { after, movementId };
  }

  return {
    /** A page of products; the same frozen page again while nothing was written (memoByVersion). */
    list(actor: Actor, query: ListProductsQuery): ProductPage {
      requirePermission(actor, 'products.read');
      const key = JSON.stringify([query.q, query.barcode, query.include_inactive, query.cursor, query.limit]);
      return keptPages(key, () => readProductPage(query));
    },

    get(actor: Actor, id: number): ProductDto {
      requirePermission(actor, 'products.read');
      return toProductDto(loadProduct(id));
    },

    create(actor: Actor, input: CreateProductInput, now = Date.now()): ProductDto {
      requirePermission(actor, 'products.write');
      return db.transaction((tx) => insertProduct(tx, actor, input, { reason: 'initial' }, now));
    },

    /**
     * Changes the product's fields; a `stock` is an absolute count, written as an adjustment of
     * the difference (the same audit as a stock adjustment), in the same transaction. A PATCH
     * that only repeats the current stock writes nothing.
     */
    update(actor: Actor, id: number, input: UpdateProductInput, now = Date.now()): ProductDto {
      requirePermission(actor, 'products.write');
      return db.transaction((tx) => {
        const { stock, ...fields } = input;
        let current = loadProduct(id);
        if (stock === undefined || Object.keys(fields).length > 0) {
          const before = current;
          assertUniqueCodes(tx, fields, id);
          taxRates.assertAssignable(fields.tax_rate_id, id);
          const changes = {
            sku: fields.sku,
            barcode: fields.barcode,
            name: fields.name,
            priceCents: fields.price_cents,
            isActive: fields.is_active,
            taxRateId: fields.tax_rate_id,
            reorderLevel: fields.reorder_level,
            updatedAt: now,
          };
          current = tx.update(products).set(changes).where(eq(products.id, id)).returning().get();
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'product.updated',
            targetType: 'product',
            targetId: id,
            before: toProductDto(before),
            after: toProductDto(current),
            now,
          });
        }
        if (stock !== undefined && stock !== current.stock)
          current = applyStockAdjustment(tx, actor, current, stock - current.stock, PATCH_STOCK_NOTE, 'patch', now).after;
        return toProductDto(current);
      });
    },

    /** Deactivates: the product stays readable (and in old orders) but cannot be sold. */
    remove(actor: Actor, id: number, now = Date.now()): void {
      requirePermission(actor, 'products.write');
      db.transaction((tx) => {
        const before = loadProduct(id);
        const after = tx.update(products).set({ isActive: false, updatedAt: now }).where(eq(products.id, id)).returning().get();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'product.deactivated',
          targetType: 'product',
          targetId: id,
          before: toProductDto(before),
          after: toProductDto(after),
          now,
        });
      });
    },

    /** The product as it is now, and the movement the adjustment wrote (REST answers with it). */
    adjustStock(
      actor: Actor,
      id: number,
      delta: number,
      reason: string,
      now = Date.now(),
    ): { product: ProductDto; movement: StockMovementDto } {
      requirePermission(actor, 'products.write');
      return db.transaction((tx) => {
        const { after, movementId } = applyStockAdjustment(tx, actor, loadProduct(id), delta, reason, 'adjustment', now);
        const movement = adjustmentMovementDto({
          id: movementId,
          productId: id,
          delta,
          note: reason,
          userId: actor.user.id,
          createdAt: now,
        });
        return { product: toProductDto(after), movement };
      });
    },

    /**
     * One chunk of a CSV import: each row is created or, when its SKU exists, updated; a bad
     * row is reported with its reason and the good ones are kept.
     */
    importRows(actor: Actor, rows: { line: number; product: unknown }[], now = Date.now()) {
      requirePermission(actor, 'products.import');
      // One commit (one disk sync) per chunk; each row is checked and written on its own (a
      // savepoint), so a bad row is reported and rolled back alone and the good ones are kept.
      return db.transaction(() =>
        rows.map(({ line, product: raw }): ImportResult => {
          const parsed = importProductRow.safeParse(raw);
          if (!parsed.success) {
            return { line, ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ') };
          }
          const product = parsed.data;
          try {
            return db.transaction((tx) => {
              const existing = tx.select().from(products).where(eq(products.sku, product.sku)).get();
              if (!existing) {
                const created = insertProduct(
                  tx,
                  actor,
                  // The CSV has no rate column: a new product starts untaxed (docs/api.md, Tax rates).
                  {
                    ...product,
                    stock: product.stock ?? 0,
                    is_active: product.is_active ?? true,
                    tax_rate_id: null,
                    reorder_level: product.reorder_level ?? 0,
                  },
                  { reason: 'import', line },
                  now,
                );
                return { line, ok: true as const, action: 'created' as const, product: created };
              }
              assertUniqueCodes(tx, { barcode: product.barcode }, existing.id);
              const after = tx
                .update(products)
                .set({
                  barcode: product.barcode,
                  name: product.name,
                  priceCents: product.price_cents,
                  stock: product.stock,
                  isActive: product.is_active,
                  reorderLevel: product.reorder_level,
                  updatedAt: now,
                })
                .where(eq(products.id, existing.id))
                .returning()
                .get();
              if (after.stock !== existing.stock) {
                recordStockMovement(tx, {
                  productId: existing.id,
                  delta: after.stock - existing.stock,
                  reason: 'import',
                  refType: 'import',
                  refId: null,
                  note: importNote(line),
                  userId: actor.user.id,
                  createdAt: now,
                });
              }
              recordAudit(tx, {
                actorId: actor.user.id,
                action: 'product.imported',
                targetType: 'product',
                targetId: existing.id,
                before: toProductDto(existing),
                after: toProductDto(after),
                now,
              });
              return { line, ok: true as const, action: 'updated' as const, product: toProductDto(after) };
            });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return { line, ok: false as const, error: error.message };
          }
        }),
      );
    },

    /** Every product, for a CSV export. */
    exportAll(actor: Actor): ProductDto[] {
      requirePermission(actor, 'products.export');
      return db.select().from(products).orderBy(asc(products.id)).all().map(toProductDto);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
