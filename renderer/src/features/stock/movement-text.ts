import type { StockMovementDto } from '../../../../shared/schemas/stock';

const numbered = (label: string, id: number | null) => (id === null ? label : `${label} #${id}`);

/** What a movement was, in the shop's words: "Sale #12", "Goods received #3", "Adjustment: broken jar". */
export function movementLabel(movement: Pick<StockMovementDto, 'reason' | 'ref_id' | 'note'>): string {
  switch (movement.reason) {
    case 'initial':
      return 'Opening stock';
    case 'sale':
      return numbered('Sale', movement.ref_id);
    case 'cancel':
      return numbered('Cancelled order', movement.ref_id);
    case 'refund':
      return numbered('Refund', movement.ref_id);
    case 'adjustment':
      return movement.note ? `Adjustment: ${movement.note}` : 'Adjustment';
    case 'import':
      return movement.note ?? 'CSV import';
    case 'receiving': {
      const received = numbered('Goods received', movement.ref_id);
      return movement.note ? `${received} (${movement.note})` : received;
    }
  }
}

/** "+12", "−3": the sign always shown. */
export function signedDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

/**
 * The stock after each movement, newest first: the newest leaves today's stock, each older one
 * what was there before the newer ones.
 */
export function stockAfterEach(currentStock: number, newestFirst: readonly Pick<StockMovementDto, 'delta'>[]): number[] {
  const after: number[] = [];
  let stock = currentStock;
  for (const movement of newestFirst) {
    after.push(stock);
    stock -= movement.delta;
  }
  return after;
}
