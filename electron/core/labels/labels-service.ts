import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products } from '../../../db/schema';
import type { FieldErrors } from '../../../shared/errors';
import { moneyFormatOf } from '../../../shared/money';
import { MAX_LABELS_PER_SHEET, type LabelSheetDto, type LabelSheetInput } from '../../../shared/schemas/labels';
import type { Actor } from '../actor';
import { DomainError, invalidField } from '../errors';
import { requirePermission } from '../permissions';
import { barcodeSvg, labelCodeOf } from './barcode';
import { renderLabelSheet, type LabelContent } from './label-sheet';

type LabelledProduct = Pick<typeof products.$inferSelect, 'id' | 'sku' | 'barcode' | 'name' | 'priceCents' | 'isActive'>;

/**
 * Shelf and product labels (issue 14): name, price and barcode of the chosen products, each as
 * many times as asked, on a printable sheet. Only active products: a label for something no
 * longer sold would put a price on the shelf that the till refuses.
 */
export function createLabelsService(db: Db, deps: { currency: () => string }) {
  function productsOf(ids: readonly number[]): Map<number, LabelledProduct> {
    const rows = db
      .select({
        id: products.id,
        sku: products.sku,
        barcode: products.barcode,
        name: products.name,
        priceCents: products.priceCents,
        isActive: products.isActive,
      })
      .from(products)
      .where(inArray(products.id, [...new Set(ids)]))
      .all();
    return new Map(rows.map((row) => [row.id, row]));
  }

  return {
    sheet(actor: Actor, input: LabelSheetInput): LabelSheetDto {
      requirePermission(actor, 'products.labels');
      const count = input.items.reduce((sum, item) => sum + item.copies, 0);
      if (count > MAX_LABELS_PER_SHEET)
        throw invalidField('items', `At most ${MAX_LABELS_PER_SHEET} labels per sheet (${count} asked); print them in parts.`);

      const found = productsOf(input.items.map((item) => item.product_id));
      const fields: FieldErrors = {};
      input.items.forEach((item, index) => {
        const product = found.get(item.product_id);
        if (!product) fields[`items.${index}.product_id`] = ['No product has this id.'];
        else if (!product.isActive) fields[`items.${index}.product_id`] = ['This product is no longer sold.'];
      });
      if (Object.keys(fields).length > 0) throw new DomainError('validation_failed', 'Some products cannot be labelled.', { fields });

      const formatPrice = moneyFormatOf(deps.currency()).format;
      // One rendering per product, however many copies it prints.
      const labels: LabelContent[] = [];
      const rendered = new Map<number, LabelContent>();
      for (const item of input.items) {
        let label = rendered.get(item.product_id);
        if (!label) {
          const product = found.get(item.product_id);
          if (!product) continue;
          const code = labelCodeOf(product);
          label = { productId: product.id, name: product.name, price: formatPrice(product.priceCents), code, barcodeSvg: barcodeSvg(code) };
          rendered.set(item.product_id, label);
        }
        for (let copy = 0; copy < item.copies; copy++) labels.push(label);
      }
      return { html: renderLabelSheet(labels, input.layout), count: labels.length };
    },
  };
}

export type LabelsService = ReturnType<typeof createLabelsService>;
