import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orderItems, orders, orderTaxes, products } from '../../../db/schema';
import { exceedsDiscountLimit, type PricedOrder, type TaxRateRef } from '../../../shared/pricing';
import type { CreateOrderInput, OrderDto } from '../../../shared/schemas/orders';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { prepareSaleTill } from '../cash/sale-till';
import { prepareOrderLineMovement } from '../catalog/stock-movements';
import { DomainError } from '../errors';
import type { Approver } from '../pins/approval';
import { prepareReceiptNumbers } from '../receipts/receipt-numbers';
import { prepareDiscountLimit } from '../roles/discount-limit';
import type { SaleSettings } from '../shop/shop-settings-service';
import type { CustomerOrderCaps } from './customer-caps';
import { prepareCustomerCaps } from './customer-caps';
import { toOrderDto } from './order-dto';
import { amountsOf, discountApprovalRequired, mergeSaleLines } from './sale-lines';
import { priceSale, type PricedSaleLine } from './sale-pricing';
import { settleTenders } from './tenders';

export interface PlaceOrderDeps {
  caps: CustomerOrderCaps;
  /** `prices_include_tax` and `cash_rounding_cents`, read once per sale. */
  saleSettings(): SaleSettings;
  /** Each product's rate as the sale copies it (electron/core/tax/tax-rate-lookup.ts). */
  taxRateRefsOf(productIds: readonly number[]): Map<number, TaxRateRef | null>;
}

type ProductRow = typeof products.$inferSelect;

type StockProblem = { product_id: number; error: 'product_not_found' | 'insufficient_stock'; requested: number; available?: number };

function stockRefusal(problems: StockProblem[]): DomainError {
  const missing = problems.some((p) => p.error === 'product_not_found');
  return new DomainError(
    missing ? 'product_not_found' : 'insufficient_stock',
    missing ? 'Some products do not exist or are no longer sold.' : 'Not enough stock for some items.',
    { details: problems },
  );
}

/**
 * Places (and with `complete: true` sells) an order in the caller's synchronous transaction:
 * products and rates are read there, the sale is priced by the one pricing function
 * (shared/pricing) and every figure it gives is stored, so the order reads back as it was priced.
 */
export function preparePlaceOrder(db: Db, deps: PlaceOrderDeps) {
  // The sale's statements run thousands of times a minute: prepared once, not rebuilt per call.
  const productById = db
    .select()
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  // Guarded decrement: even a bug elsewhere cannot take stock below zero.
  const takeStock = db
    .update(products)
    .set({ stock: sql`${products.stock} - ${sql.placeholder('amount')}` })
    .where(and(eq(products.id, sql.placeholder('id')), gte(products.stock, sql.placeholder('amount'))))
    .prepare();
  const insertItem = db
    .insert(orderItems)
    .values({
      orderId: sql.placeholder('orderId'),
      productId: sql.placeholder('productId'),
      name: sql.placeholder('name'),
      amount: sql.placeholder('amount'),
      unitPriceCents: sql.placeholder('unitPriceCents'),
      lineTotalCents: sql.placeholder('lineTotalCents'),
      taxRateId: sql.placeholder('taxRateId'),
      rateBp: sql.placeholder('rateBp'),
      taxName: sql.placeholder('taxName'),
      discountCents: sql.placeholder('discountCents'),
      discountType: sql.placeholder('discountType'),
      discountValue: sql.placeholder('discountValue'),
      netLineCents: sql.placeholder('netLineCents'),
    })
    .prepare();
  const insertTax = db
    .insert(orderTaxes)
    .values({
      orderId: sql.placeholder('orderId'),
      taxRateId: sql.placeholder('taxRateId'),
      name: sql.placeholder('name'),
      rateBp: sql.placeholder('rateBp'),
      taxableCents: sql.placeholder('taxableCents'),
      taxCents: sql.placeholder('taxCents'),
    })
    .prepare();
  const insertOrder = db
    .insert(orders)
    .values({
      userId: sql.placeholder('userId'),
      status: sql.placeholder('status'),
      totalCents: sql.placeholder('totalCents'),
      subtotalCents: sql.placeholder('subtotalCents'),
      discountCents: sql.placeholder('discountCents'),
      taxCents: sql.placeholder('taxCents'),
      discountType: sql.placeholder('discountType'),
      discountValue: sql.placeholder('discountValue'),
      discountApprovedBy: sql.placeholder('discountApprovedBy'),
      roundingCents: sql.placeholder('roundingCents'),
      dueCents: sql.placeholder('dueCents'),
      receiptNo: sql.placeholder('receiptNo'),
      registerId: sql.placeholder('registerId'),
      cashSessionId: sql.placeholder('cashSessionId'),
      address: sql.placeholder('address'),
      phone: sql.placeholder('phone'),
      createdAt: sql.placeholder('createdAt'),
      completedAt: sql.placeholder('completedAt'),
      completedBy: sql.placeholder('completedBy'),
    })
    .returning()
    .prepare();
  const recordLineMovement = prepareOrderLineMovement(db);
  const saleTill = prepareSaleTill(db);
  const receiptNumbers = prepareReceiptNumbers(db);
  const assertWithinCustomerCaps = prepareCustomerCaps(db, deps.caps);
  const discountLimitOf = prepareDiscountLimit(db);

  /** The lines with their products, or the stock refusal naming every line that cannot be sold. */
  function readLines(input: CreateOrderInput): { line: PricedSaleLine; product: ProductRow }[] {
    const lines = mergeSaleLines(input.items);
    const problems: StockProblem[] = [];
    const found: { line: (typeof lines)[number]; product: ProductRow }[] = [];
    for (const line of lines) {
      const product = productById.get({ id: line.productId });
      if (!product || !product.isActive) problems.push({ product_id: line.productId, error: 'product_not_found', requested: line.amount });
      else if (product.stock < line.amount)
        problems.push({ product_id: line.productId, error: 'insufficient_stock', requested: line.amount, available: product.stock });
      else found.push({ line, product });
    }
    if (problems.length > 0) throw stockRefusal(problems);
    const rates = deps.taxRateRefsOf(found.map(({ product }) => product.id));
    return found.map(({ line, product }) => ({
      line: { ...line, unitPriceCents: product.priceCents, taxRate: rates.get(product.id) ?? null },
      product,
    }));
  }

  /**
   * 403 `approval_required` when the discount share is beyond the creator's limit (read at each
   * sale) and nobody approved; answers the limit, or null for a sale without a discount.
   */
  function assertDiscountAllowed(actor: Actor, priced: PricedOrder, approver: Approver | null): number | null {
    if (priced.discount_cents === 0) return null;
    const limit = discountLimitOf(actor.role);
    if (approver === null && exceedsDiscountLimit(priced, limit))
      throw discountApprovalRequired(priced.discount_cents, priced.subtotal_cents, limit);
    return limit;
  }

  return function placeOrder(actor: Actor, input: CreateOrderInput, approver: Approver | null, now: number): OrderDto {
    const complete = input.complete === true;
    const settings = deps.saleSettings();
    // The drawer first: a till that cannot sell need not check the shelves.
    const till = complete ? saleTill.resolve(input.register_id) : null;
    const lines = readLines(input);
    if (actor.role === 'customer') assertWithinCustomerCaps(actor.user.id, amountsOf(lines.map(({ line }) => line)));
    const orderDiscount = input.discount ?? null;
    const priced = priceSale(
      lines.map(({ line }) => line),
      orderDiscount,
      settings.pricesIncludeTax,
    );
    const limit = assertDiscountAllowed(actor, priced, approver);
    // An approval of a sale without a discount approves nothing: it is checked, not recorded.
    const approvedBy = limit === null ? null : approver;
    const settled = complete ? settleTenders(priced.total_cents, input.payments, settings.cashRoundingCents) : null;
    const receiptNo = settled ? receiptNumbers.next(now) : null;
    const order = insertOrder.get({
      userId: actor.user.id,
      status: complete ? 'completed' : 'open',
      totalCents: priced.total_cents,
      subtotalCents: priced.subtotal_cents,
      discountCents: priced.discount_cents,
      taxCents: priced.tax_cents,
      discountType: orderDiscount?.type ?? null,
      discountValue: orderDiscount?.value ?? null,
      discountApprovedBy: approvedBy?.id ?? null,
      roundingCents: settled?.roundingCents ?? 0,
      dueCents: settled?.dueCents ?? priced.total_cents,
      receiptNo,
      registerId: till?.registerId ?? null,
      cashSessionId: till?.cashSessionId ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      createdAt: now,
      completedAt: complete ? now : null,
      completedBy: complete ? actor.user.id : null,
    });
    if (!order) throw new Error('the order row was not written');
    const items = lines.map(({ line, product }, index) => {
      const pricedLine = priced.lines[index];
      if (!pricedLine) throw new Error('priced line missing');
      const taken = takeStock.run({ id: product.id, amount: line.amount });
      if (taken.changes !== 1) throw stockRefusal([{ product_id: product.id, error: 'insufficient_stock', requested: line.amount }]);
      recordLineMovement.run({ productId: product.id, delta: -line.amount, reason: 'sale', orderId: order.id, userId: actor.user.id, now });
      const item = {
        orderId: order.id,
        productId: product.id,
        name: product.name,
        amount: line.amount,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: pricedLine.gross_cents,
        taxRateId: pricedLine.tax_rate_id,
        rateBp: pricedLine.rate_bp,
        taxName: pricedLine.tax_name,
        discountCents: pricedLine.discount_cents,
        discountType: line.discount?.type ?? null,
        discountValue: line.discount?.value ?? null,
        netLineCents: pricedLine.net_line_cents,
      };
      const inserted = insertItem.run(item);
      return { ...item, id: Number(inserted.lastInsertRowid), refundedAmount: 0 };
    });
    const taxes = priced.taxes.map((tax) => ({
      orderId: order.id,
      taxRateId: tax.tax_rate_id,
      name: tax.name,
      rateBp: tax.rate_bp,
      taxableCents: tax.taxable_cents,
      taxCents: tax.tax_cents,
    }));
    for (const tax of taxes) insertTax.run(tax);
    if (approvedBy) {
      recordAudit(db, {
        actorId: actor.user.id,
        action: 'order.discount_approved',
        targetType: 'order',
        targetId: order.id,
        after: {
          subtotal_cents: priced.subtotal_cents,
          discount_cents: priced.discount_cents,
          max_discount_percent: limit,
          // The audit row names both people: the cashier (the actor) and who approved.
          approved_by: approvedBy.id,
          approved_by_username: approvedBy.username,
        },
        now,
      });
    }
    if (till && settled) saleTill.recordPayments(order.id, till, settled.tenders, now);
    // Built from what was just written, rather than read back.
    return toOrderDto(order, { items, user: actor.user, payments: settled?.tenders ?? [], taxes });
  };
}
