import type { ProductDto } from '../../../../shared/schemas/catalog';
import type { CreateStockReceiptInput } from '../../../../shared/schemas/stock';
import { centsFromInput } from '../../lib/money';

/** One line of goods being received, as the form holds it (inputs may be mid-typing). */
export interface ReceivingLine {
  product: ProductDto;
  amount: string | number;
  unitCost: string | number;
}

/** A scan adds the product with 1, or counts one more on its line (one line per product). */
export function addScanned(lines: readonly ReceivingLine[], product: ProductDto): ReceivingLine[] {
  const existing = lines.find((line) => line.product.id === product.id);
  if (!existing) return [...lines, { product, amount: 1, unitCost: '' }];
  return lines.map((line) => (line === existing ? { ...line, amount: (Number(line.amount) || 0) + 1 } : line));
}

export const isWholeAmount = (amount: string | number) => Number.isInteger(Number(amount)) && Number(amount) >= 1;
const costGiven = (cost: string | number) => String(cost).trim() !== '';
export const isValidCost = (cost: string | number) => !costGiven(cost) || centsFromInput(cost) !== null;

/** What `stock.receive` takes; call it only when every line is valid. */
export function receiptInputOf(lines: readonly ReceivingLine[], supplier: string, note: string): CreateStockReceiptInput {
  return {
    supplier: supplier.trim() === '' ? null : supplier.trim(),
    note: note.trim() === '' ? null : note.trim(),
    items: lines.map((line) => ({
      product_id: line.product.id,
      amount: Number(line.amount),
      unit_cost_cents: costGiven(line.unitCost) ? centsFromInput(line.unitCost) : null,
    })),
  };
}
