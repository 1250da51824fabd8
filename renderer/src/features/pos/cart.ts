import { mulDivRound, type Discount } from '../../../../shared/pricing';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { discountRefusal, fitDiscount, isNoDiscount } from './discount';
import { randomUuid } from './random-uuid';

/** The most of one product an order line may hold (`orders.create`). */
export const MAX_AMOUNT = 10_000;
/** The most lines an order may have (`orders.create`). */
export const MAX_LINES = 200;

export interface CartLine {
  product: ProductDto;
  qty: number;
  /** The line's own discount (never one of nothing); null: none. */
  discount: Discount | null;
}

/** Why the server refused a line at checkout (`details` of insufficient_stock / product_not_found). */
export interface LineProblem {
  error: 'insufficient_stock' | 'product_not_found';
  requested: number;
  available?: number;
}

export interface Sale {
  /** The sale's idempotency key: a retried checkout answers the same order, never a second one. */
  key: string;
  lines: CartLine[];
  /** The product id of the line that +, − and Delete act on. */
  selected: number | null;
  problems: Record<number, LineProblem>;
  /** The whole sale's discount, spread over the lines after their own; null: none. */
  discount: Discount | null;
}

export type SaleAction =
  | { type: 'add'; product: ProductDto; qty?: number }
  | { type: 'set_qty'; productId: number; qty: number }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'remove'; productId?: number }
  | { type: 'select'; productId: number }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'problems'; problems: Record<number, LineProblem> }
  | { type: 'new_key' }
  /** The selected line's discount (or `productId`'s); null removes it. Refused when invalid. */
  | { type: 'line_discount'; productId?: number; discount: Discount | null }
  /** The sale's discount; null removes it. Refused when invalid. */
  | { type: 'sale_discount'; discount: Discount | null }
  /** A new sale holding these lines (a parked sale taken back for editing). */
  | { type: 'load'; lines: CartLine[]; discount?: Discount | null }
  | { type: 'clear' };

export function newSale(): Sale {
  return { key: randomUuid(), lines: [], selected: null, problems: {}, discount: null };
}

/** `unit price × quantity`: the line before any discount. */
export const lineGrossCents = (line: CartLine) => line.product.price_cents * line.qty;

/** What the line's own discount takes off (percent rounded half away from zero, as the server). */
function lineDiscountCents(line: CartLine): number {
  const { discount } = line;
  if (discount === null) return 0;
  return discount.type === 'amount' ? discount.value : mulDivRound(lineGrossCents(line), discount.value, 100);
}

/** Σ of the lines after their own discounts: the most a sale amount discount may be. */
export const afterLineDiscountsCents = (lines: readonly CartLine[]) =>
  lines.reduce((sum, line) => sum + lineGrossCents(line) - lineDiscountCents(line), 0);

/**
 * After any change of the lines, the amount discounts still fit what they discount: a line's at
 * most its gross, the sale's at most the lines after theirs (an amount above is capped).
 */
function fitted(sale: Sale): Sale {
  const lines = sale.lines.map((line) => {
    const discount = fitDiscount(line.discount, lineGrossCents(line));
    return discount === line.discount ? line : { ...line, discount };
  });
  // An empty cart has nothing left to discount.
  const discount = lines.length === 0 ? null : fitDiscount(sale.discount, afterLineDiscountsCents(lines));
  return { ...sale, lines, discount };
}

const asked = (discount: Discount | null) => (isNoDiscount(discount) ? null : discount);

const clampQty = (qty: number) => Math.min(MAX_AMOUNT, Math.max(1, Math.round(qty)));

function withoutProblem(problems: Sale['problems'], productId: number): Sale['problems'] {
  if (!(productId in problems)) return problems;
  const { [productId]: _gone, ...rest } = problems;
  return rest;
}

function setQty(sale: Sale, productId: number, qty: number): Sale {
  return {
    ...sale,
    lines: sale.lines.map((line) => (line.product.id === productId ? { ...line, qty: clampQty(qty) } : line)),
    selected: productId,
    problems: withoutProblem(sale.problems, productId),
  };
}

function setLineDiscount(sale: Sale, productId: number | null, discount: Discount | null): Sale {
  const line = sale.lines.find((l) => l.product.id === productId);
  if (!line || (discount !== null && discountRefusal(discount, lineGrossCents(line)) !== null)) return sale;
  const next = { ...line, discount: asked(discount) };
  return { ...sale, lines: sale.lines.map((l) => (l === line ? next : l)), selected: line.product.id };
}

function setSaleDiscount(sale: Sale, discount: Discount | null): Sale {
  if (discount !== null && discountRefusal(discount, afterLineDiscountsCents(sale.lines)) !== null) return sale;
  return { ...sale, discount: asked(discount) };
}

export function saleReducer(sale: Sale, action: SaleAction): Sale {
  const next = changed(sale, action);
  // An unchanged sale stays the same object (nothing to store, nothing to render).
  return next === sale ? sale : fitted(next);
}

function changed(sale: Sale, action: SaleAction): Sale {
  switch (action.type) {
    case 'add': {
      const existing = sale.lines.find((line) => line.product.id === action.product.id);
      if (existing) {
        // The fresher product (price, stock) replaces the one the line was made with.
        const next = setQty(sale, action.product.id, existing.qty + (action.qty ?? 1));
        return {
          ...next,
          lines: next.lines.map((line) => (line.product.id === action.product.id ? { ...line, product: action.product } : line)),
        };
      }
      if (sale.lines.length >= MAX_LINES) return sale;
      const line: CartLine = { product: action.product, qty: clampQty(action.qty ?? 1), discount: null };
      return { ...sale, lines: [...sale.lines, line], selected: action.product.id };
    }
    case 'set_qty':
      return setQty(sale, action.productId, action.qty);
    case 'step': {
      const line = sale.lines.find((l) => l.product.id === sale.selected);
      return line ? setQty(sale, line.product.id, line.qty + action.by) : sale;
    }
    case 'remove': {
      const id = action.productId ?? sale.selected;
      const index = sale.lines.findIndex((l) => l.product.id === id);
      if (id === null || index < 0) return sale;
      const lines = sale.lines.filter((l) => l.product.id !== id);
      // The selection moves to the neighbour, so Delete can be pressed again.
      const neighbour = lines[Math.min(index, lines.length - 1)];
      return { ...sale, lines, selected: neighbour?.product.id ?? null, problems: withoutProblem(sale.problems, id) };
    }
    case 'select':
      return { ...sale, selected: action.productId };
    case 'move': {
      if (sale.lines.length === 0) return sale;
      const index = sale.lines.findIndex((l) => l.product.id === sale.selected);
      const next =
        index < 0 ? (action.by > 0 ? 0 : sale.lines.length - 1) : Math.min(sale.lines.length - 1, Math.max(0, index + action.by));
      return { ...sale, selected: sale.lines[next]?.product.id ?? null };
    }
    case 'problems': {
      // The stock the server reported is the best we know now.
      const lines = sale.lines.map((line) => {
        const available = action.problems[line.product.id]?.available;
        return available === undefined ? line : { ...line, product: { ...line.product, stock: available } };
      });
      const first = sale.lines.find((l) => l.product.id in action.problems);
      return { ...sale, lines, problems: action.problems, selected: first?.product.id ?? sale.selected };
    }
    case 'new_key':
      return { ...sale, key: randomUuid() };
    case 'line_discount':
      return setLineDiscount(sale, action.productId ?? sale.selected, action.discount);
    case 'sale_discount':
      return setSaleDiscount(sale, action.discount);
    case 'load': {
      // What cannot be given (a price changed since it was parked) is dropped rather than refused whole.
      const lines = action.lines.slice(0, MAX_LINES).map((line) => {
        const qty = clampQty(line.qty);
        const discount = line.discount === null ? null : asked(line.discount);
        const fits = discount === null || discountRefusal(discount, line.product.price_cents * qty) === null;
        return { ...line, qty, discount: fits ? discount : null };
      });
      const loaded: Sale = { ...newSale(), lines, selected: lines[0]?.product.id ?? null };
      return setSaleDiscount(loaded, action.discount ?? null);
    }
    case 'clear':
      return newSale();
  }
}

export const cartItemCount = (lines: readonly CartLine[]) => lines.reduce((sum, line) => sum + line.qty, 0);
