import { type products } from '../../../db/schema';
import type { ProductDto } from '../../../shared/schemas/catalog';

export type ProductRow = typeof products.$inferSelect;

export function toProductDto(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    price_cents: row.priceCents,
    stock: row.stock,
    is_active: row.isActive,
    tax_rate_id: row.taxRateId,
    reorder_level: row.reorderLevel,
  };
}
