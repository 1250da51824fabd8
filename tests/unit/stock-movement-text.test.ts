// The stock history's words and running stock (renderer/src/features/stock/movement-text.ts) and
// the receiving screen's scan counting (receiving-lines.ts).
import { describe, expect, it } from 'vitest';
import type { ProductDto } from '../../shared/schemas/catalog';
import { movementLabel, signedDelta, stockAfterEach } from '../../renderer/src/features/stock/movement-text';
import { addScanned, receiptInputOf } from '../../renderer/src/features/stock/receiving-lines';

const product = (id: number): ProductDto => ({
  id,
  sku: `SKU-${id}`,
  barcode: null,
  name: `Product ${id}`,
  price_cents: 100,
  stock: 3,
  is_active: true,
  tax_rate_id: null,
  reorder_level: 0,
});

describe('movementLabel', () => {
  it('names each reason with its reference', () => {
    expect(movementLabel({ reason: 'sale', ref_id: 12, note: null })).toBe('Sale #12');
    expect(movementLabel({ reason: 'receiving', ref_id: 3, note: null })).toBe('Goods received #3');
    expect(movementLabel({ reason: 'receiving', ref_id: 3, note: 'Fine Foods' })).toBe('Goods received #3 (Fine Foods)');
    expect(movementLabel({ reason: 'adjustment', ref_id: 9, note: 'broken jar' })).toBe('Adjustment: broken jar');
    expect(movementLabel({ reason: 'import', ref_id: null, note: 'CSV import, line 4' })).toBe('CSV import, line 4');
    expect(movementLabel({ reason: 'initial', ref_id: 1, note: null })).toBe('Opening stock');
    expect(movementLabel({ reason: 'cancel', ref_id: 7, note: null })).toBe('Cancelled order #7');
    expect(movementLabel({ reason: 'refund', ref_id: 2, note: null })).toBe('Refund #2');
  });

  it('signs deltas and runs the stock back from today', () => {
    expect(signedDelta(4)).toBe('+4');
    expect(signedDelta(-2)).toBe('−2');
    expect(stockAfterEach(7, [{ delta: 6 }, { delta: -1 }, { delta: 2 }])).toEqual([7, 1, 2]);
  });
});

describe('addScanned', () => {
  it('adds a product with 1 and counts a repeated scan on its line', () => {
    const once = addScanned([], product(1));
    const twice = addScanned(addScanned(once, product(2)), product(1));
    expect(twice.map((l) => [l.product.id, l.amount])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(receiptInputOf([{ ...once[0], product: product(1), amount: '5', unitCost: '1.25' }], ' Acme ', '')).toEqual({
      supplier: 'Acme',
      note: null,
      items: [{ product_id: 1, amount: 5, unit_cost_cents: 125 }],
    });
  });
});
