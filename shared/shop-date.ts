/** Shop dates are the calendar dates of the shop computer's time zone, as `YYYY-MM-DD`. */
export function shopDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return shopDate(new Date(y, m - 1, d + days));
}

/** Local midnight at the start of a shop date, in epoch milliseconds. */
export function startOfShopDate(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}
