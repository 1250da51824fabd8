/** A receipt number as typed or scanned; null unless it is one. */
export function receiptNoOf(text: string): number | null {
  const digits = text.trim();
  if (!/^\d{1,15}$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
