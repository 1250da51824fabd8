// The till's cart (renderer/src/features/pos/cart.ts): a pure reducer over the sale in progress.
import { describe, expect, it } from 'vitest';
import type { ProductDto } from '../../shared/schemas/catalog';
import {
  afterLineDiscountsCents,
  cartItemCount,
  lineGrossCents,
  MAX_AMOUNT,
  MAX_LINES,
  newSale,
  saleReducer,
  type Sale,
  type SaleAction,
} from '../../renderer/src/features/pos/cart';

const product = (id: number, price_cents = 100, stock = 10): ProductDto => ({
  id,
  sku: `SKU-${id}`,
  barcode: null,
  name: `Product ${id}`,
  price_cents,
  stock,
  is_active: true,
  tax_rate_id: null,
  reorder_level: 0,
});

const run = (actions: SaleAction[], from: Sale = newSale()) => actions.reduce(saleReducer, from);
const grossOf = (sale: Sale) => sale.lines.reduce((sum, line) => sum + lineGrossCents(line), 0);

describe('cart', () => {
  it('adds a product as a line, and again as more of the same line', () => {
    const sale = run([
      { type: 'add', product: product(1) },
      { type: 'add', product: product(2) },
      { type: 'add', product: product(1), qty: 2 },
    ]);
    expect(sale.lines.map((l) => [l.product.id, l.qty])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(sale.selected).toBe(1);
  });

  it('takes the fresher product (price, stock) when it is added again', () => {
    const sale = run([
      { type: 'add', product: product(1, 100) },
      { type: 'add', product: product(1, 250) },
    ]);
    expect(sale.lines[0]?.product.price_cents).toBe(250);
    expect(grossOf(sale)).toBe(500);
  });

  it('totals gross cents and items over every line', () => {
    const sale = run([
      { type: 'add', product: product(1, 199), qty: 3 },
      { type: 'add', product: product(2, 1) },
    ]);
    expect(grossOf(sale)).toBe(598);
    expect(cartItemCount(sale.lines)).toBe(4);
    expect(grossOf(newSale())).toBe(0);
  });

  it('keeps a quantity between 1 and the most a line may hold, in whole units', () => {
    const base = run([{ type: 'add', product: product(1) }]);
    expect(run([{ type: 'set_qty', productId: 1, qty: 0 }], base).lines[0]?.qty).toBe(1);
    expect(run([{ type: 'set_qty', productId: 1, qty: -5 }], base).lines[0]?.qty).toBe(1);
    expect(run([{ type: 'set_qty', productId: 1, qty: 2.6 }], base).lines[0]?.qty).toBe(3);
    expect(run([{ type: 'set_qty', productId: 1, qty: MAX_AMOUNT + 1 }], base).lines[0]?.qty).toBe(MAX_AMOUNT);
    expect(run([{ type: 'step', by: -1 }], base).lines[0]?.qty).toBe(1);
  });

  it('steps the quantity of the selected line', () => {
    const sale = run([
      { type: 'add', product: product(1) },
      { type: 'add', product: product(2) },
      { type: 'select', productId: 1 },
      { type: 'step', by: 1 },
      { type: 'step', by: 1 },
    ]);
    expect(sale.lines.map((l) => l.qty)).toEqual([3, 1]);
  });

  it('moves the selection within the lines and never past the ends', () => {
    const three = run([1, 2, 3].map((id) => ({ type: 'add', product: product(id) }) satisfies SaleAction));
    expect(three.selected).toBe(3);
    expect(run([{ type: 'move', by: 1 }], three).selected).toBe(3);
    expect(
      run(
        [
          { type: 'move', by: -1 },
          { type: 'move', by: -1 },
          { type: 'move', by: -1 },
        ],
        three,
      ).selected,
    ).toBe(1);
    expect(run([{ type: 'move', by: 1 }])).toEqual(expect.objectContaining({ selected: null, lines: [] }));
  });

  it('removes the selected line and selects its neighbour, so Delete can be pressed again', () => {
    const three = run([1, 2, 3].map((id) => ({ type: 'add', product: product(id) }) satisfies SaleAction));
    const middle = run([{ type: 'select', productId: 2 }, { type: 'remove' }], three);
    expect(middle.lines.map((l) => l.product.id)).toEqual([1, 3]);
    expect(middle.selected).toBe(3);
    const last = run([{ type: 'remove' }], three);
    expect(last.selected).toBe(2);
    const empty = run([{ type: 'remove' }, { type: 'remove' }, { type: 'remove' }, { type: 'remove' }], three);
    expect(empty.lines).toEqual([]);
    expect(empty.selected).toBeNull();
  });

  it('refuses a line beyond the most an order may have', () => {
    const full = run(Array.from({ length: MAX_LINES }, (_, i) => ({ type: 'add', product: product(i + 1) }) satisfies SaleAction));
    expect(full.lines).toHaveLength(MAX_LINES);
    expect(run([{ type: 'add', product: product(MAX_LINES + 1) }], full)).toBe(full);
  });

  it('marks the lines the server refused, takes the stock it reported, and unmarks a line once it changes', () => {
    const sale = run([
      { type: 'add', product: product(1, 100, 10) },
      { type: 'add', product: product(2, 100, 10), qty: 5 },
    ]);
    const refused = run([{ type: 'problems', problems: { 2: { error: 'insufficient_stock', requested: 5, available: 3 } } }], sale);
    expect(refused.selected).toBe(2);
    expect(refused.lines[1]?.product.stock).toBe(3);
    expect(refused.lines[0]?.product.stock).toBe(10);
    expect(Object.keys(refused.problems)).toEqual(['2']);
    const fixed = run([{ type: 'set_qty', productId: 2, qty: 3 }], refused);
    expect(fixed.problems).toEqual({});
  });

  it('keeps the idempotency key for the whole sale; a new key or a cleared sale gets another', () => {
    const sale = run([
      { type: 'add', product: product(1) },
      { type: 'step', by: 1 },
    ]);
    const first = newSale();
    const same = run([{ type: 'add', product: product(1) }], first);
    expect(same.key).toBe(first.key);
    expect(sale.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const renewed = run([{ type: 'new_key' }], same);
    expect(renewed.key).not.toBe(same.key);
    expect(renewed.lines).toEqual(same.lines);
    const cleared = run([{ type: 'clear' }], same);
    expect(cleared.lines).toEqual([]);
    expect(cleared.key).not.toBe(same.key);
  });

  it('loads a parked sale’s lines as a new sale (new key, first line selected, no old problems)', () => {
    const before = run([{ type: 'problems', problems: { 9: { error: 'product_not_found', requested: 1 } } }]);
    const loaded = run(
      [
        {
          type: 'load',
          lines: [
            { product: product(1), qty: 2, discount: null },
            { product: product(2), qty: 20_000, discount: null },
          ],
        },
      ],
      before,
    );
    expect(loaded.key).not.toBe(before.key);
    expect(loaded.lines.map((l) => [l.product.id, l.qty])).toEqual([
      [1, 2],
      [2, MAX_AMOUNT],
    ]);
    expect(loaded.selected).toBe(1);
    expect(loaded.problems).toEqual({});
  });

  describe('discounts', () => {
    const two = () =>
      run([
        { type: 'add', product: product(1, 500), qty: 2 },
        { type: 'add', product: product(2, 300) },
      ]);

    it('gives the selected line (or a named one) a percent or an amount, and the sale its own', () => {
      const sale = run(
        [
          { type: 'line_discount', discount: { type: 'percent', value: 10 } },
          { type: 'line_discount', productId: 1, discount: { type: 'amount', value: 250 } },
          { type: 'sale_discount', discount: { type: 'percent', value: 5 } },
        ],
        two(),
      );
      expect(sale.lines.map((l) => l.discount)).toEqual([
        { type: 'amount', value: 250 },
        { type: 'percent', value: 10 },
      ]);
      expect(sale.discount).toEqual({ type: 'percent', value: 5 });
      // 1000 − 250 + 300 − 30
      expect(afterLineDiscountsCents(sale.lines)).toBe(1020);
      expect(sale.selected).toBe(1);
    });

    it('refuses what the contract refuses, leaving the sale as it was', () => {
      const sale = two();
      const refused: SaleAction[] = [
        { type: 'line_discount', discount: { type: 'percent', value: 101 } },
        { type: 'line_discount', discount: { type: 'percent', value: 12.5 } },
        { type: 'line_discount', discount: { type: 'percent', value: -1 } },
        { type: 'line_discount', discount: { type: 'amount', value: 301 } },
        { type: 'line_discount', discount: { type: 'amount', value: 1.5 } },
        { type: 'line_discount', productId: 99, discount: { type: 'percent', value: 10 } },
        { type: 'sale_discount', discount: { type: 'amount', value: 1301 } },
        { type: 'sale_discount', discount: { type: 'percent', value: 100.5 } },
      ];
      for (const action of refused) expect(saleReducer(sale, action)).toBe(sale);
      // At the limits: the whole line, the whole sale.
      expect(run([{ type: 'line_discount', discount: { type: 'amount', value: 300 } }], sale).lines[1]?.discount?.value).toBe(300);
      expect(run([{ type: 'sale_discount', discount: { type: 'amount', value: 1300 } }], sale).discount?.value).toBe(1300);
      expect(run([{ type: 'sale_discount', discount: { type: 'percent', value: 100 } }], sale).discount?.value).toBe(100);
    });

    it('drops a discount of nothing, and removes one given null', () => {
      const given = run([{ type: 'line_discount', discount: { type: 'percent', value: 10 } }], two());
      expect(run([{ type: 'line_discount', discount: { type: 'amount', value: 0 } }], given).lines[1]?.discount).toBeNull();
      expect(run([{ type: 'line_discount', discount: null }], given).lines[1]?.discount).toBeNull();
      const saleOff = run([{ type: 'sale_discount', discount: { type: 'amount', value: 100 } }], given);
      expect(run([{ type: 'sale_discount', discount: null }], saleOff).discount).toBeNull();
    });

    it('keeps an amount within what it discounts when the quantity goes down, and an emptied cart has none', () => {
      const sale = run(
        [
          { type: 'line_discount', productId: 1, discount: { type: 'amount', value: 800 } },
          { type: 'sale_discount', discount: { type: 'amount', value: 500 } },
          { type: 'set_qty', productId: 1, qty: 1 },
        ],
        two(),
      );
      expect(sale.lines[0]?.discount).toEqual({ type: 'amount', value: 500 });
      // The lines after theirs: 0 + 300.
      expect(sale.discount).toEqual({ type: 'amount', value: 300 });
      const emptied = run(
        [
          { type: 'remove', productId: 1 },
          { type: 'remove', productId: 2 },
        ],
        sale,
      );
      expect(emptied.discount).toBeNull();
    });

    it('loads a parked sale with its discounts, dropping what no longer fits', () => {
      const loaded = run([
        {
          type: 'load',
          lines: [
            { product: product(1, 100), qty: 1, discount: { type: 'amount', value: 150 } },
            { product: product(2, 100), qty: 2, discount: { type: 'percent', value: 50 } },
          ],
          discount: { type: 'amount', value: 50 },
        },
      ]);
      expect(loaded.lines.map((l) => l.discount)).toEqual([null, { type: 'percent', value: 50 }]);
      expect(loaded.discount).toEqual({ type: 'amount', value: 50 });
    });
  });
});
