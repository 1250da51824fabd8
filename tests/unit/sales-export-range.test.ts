// The sales export's range from what the Orders page chose (shared/schemas/orders.ts): this month
// so far when nothing is chosen, each chosen end kept, and always a range the export accepts.
import { describe, expect, it } from 'vitest';
import { exportSalesQuery, salesExportRange } from '../../shared/schemas/orders';

const TODAY = '2026-12-17';

describe('salesExportRange', () => {
  it('is this month so far when no end is chosen', () => {
    expect(salesExportRange({ from: '', to: '' }, TODAY)).toEqual({ from: '2026-12-01', to: TODAY });
  });

  it('keeps both chosen ends', () => {
    expect(salesExportRange({ from: '2026-10-03', to: '2026-11-20' }, TODAY)).toEqual({ from: '2026-10-03', to: '2026-11-20' });
  });

  it('runs from a chosen start up to today', () => {
    expect(salesExportRange({ from: '2026-09-01', to: '' }, TODAY)).toEqual({ from: '2026-09-01', to: TODAY });
  });

  it('starts the month with a chosen end inside it, and at the end itself for an end before the month', () => {
    expect(salesExportRange({ from: '', to: '2026-12-09' }, TODAY)).toEqual({ from: '2026-12-01', to: '2026-12-09' });
    const before = salesExportRange({ from: '', to: '2026-11-20' }, TODAY);
    expect(before).toEqual({ from: '2026-11-20', to: '2026-11-20' });
    expect(exportSalesQuery.safeParse(before).success).toBe(true);
  });
});
