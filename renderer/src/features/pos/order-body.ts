import type { CreateOrderInput } from '../../../../shared/schemas/orders';
import type { Sale } from './cart';

/** The sale's lines and discounts as `orders.create` takes them (parked or paid alike). */
export function orderBodyOf(sale: Pick<Sale, 'lines' | 'discount'>): Pick<CreateOrderInput, 'items' | 'discount'> {
  const items = sale.lines.map((line) => ({
    product_id: line.product.id,
    amount: line.qty,
    ...(line.discount ? { discount: line.discount } : {}),
  }));
  return { items, ...(sale.discount ? { discount: sale.discount } : {}) };
}
