import type { ProductDto } from '../../../../shared/schemas/catalog';
import { randomUuid } from './random-uuid';

/** The most of one product an order line may hold (`orders.create`). */
export const MAX_AMOUNT = 10_000;
/** The most lines an order may have (`orders.create`). */
export const MAX_LINES = 200;

export interface CartLine {
  product: ProductDto;
  qty: number;
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
  /** A new sale holding these lines (a parked sale taken back for editing). */
  | { type: 'load'; lines: CartLine[] }
  | { type: 'clear' };

export function newSale(): Sale {
  return { key: randomUuid(), lines: [], selected: null, problems: {} };
}

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

export function saleReducer(sale: Sale, action: SaleAction): Sale {
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
      return { ...sale, lines: [...sale.lines, { product: action.product, qty: clampQty(action.qty ?? 1) }], selected: action.product.id };
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
    case 'load': {
      const lines = action.lines.slice(0, MAX_LINES).map((line) => ({ ...line, qty: clampQty(line.qty) }));
      return { ...newSale(), lines, selected: lines[0]?.product.id ?? null };
    }
    case 'clear':
      return newSale();
  }
}

export const cartTotalCents = (lines: readonly CartLine[]) => lines.reduce((sum, line) => sum + line.product.price_cents * line.qty, 0);
export const cartItemCount = (lines: readonly CartLine[]) => lines.reduce((sum, line) => sum + line.qty, 0);
