// Cash rounding (API-SELLING.md, "Cash rounding"); the allowed steps are in schemas/shop.ts.

/** `cents` to the nearest multiple of `step`, halves away from zero. */
export function roundToStep(cents: number, step: number): number {
  if (step <= 1) return cents;
  const rounded = Math.round(Math.abs(cents) / step) * step;
  return cents < 0 && rounded > 0 ? -rounded : rounded;
}

/**
 * What a sale's payments must add up to: its total, rounded to the shop's step only when every
 * payment is cash (no coins change hands on a card). The POS screen and the core share this.
 */
export function amountDue(totalCents: number, methods: readonly string[], stepCents: number): { dueCents: number; roundingCents: number } {
  const allCash = methods.length > 0 && methods.every((method) => method === 'cash');
  const dueCents = allCash ? roundToStep(totalCents, stepCents) : totalCents;
  return { dueCents, roundingCents: dueCents - totalCents };
}
