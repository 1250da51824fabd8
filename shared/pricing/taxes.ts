import { PricingInputError, requireInteger, type InputPath } from './errors';
import { mulDivRound, sumExact } from './integer-math';
import type { TaxEntry, TaxRateRef } from './types';

const FULL_RATE_BP = 10_000;

/** A line's rate, checked: an integer id, a string name, 0–10000 bp. */
export function checkTaxRate(rate: TaxRateRef | null, path: InputPath): TaxRateRef | null {
  if (rate === null) return null;
  requireInteger(rate.id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, [...path, 'id']);
  requireInteger(rate.rate_bp, 0, FULL_RATE_BP, [...path, 'rate_bp']);
  if (typeof rate.name !== 'string') throw new PricingInputError([...path, 'name'], 'expected a name');
  return rate;
}

/** The tax in `taxable_cents` at `rate_bp`: extracted from gross prices, or added to net ones. */
export function taxOn(taxableCents: number, rateBp: number, pricesIncludeTax: boolean): number {
  return mulDivRound(taxableCents, rateBp, pricesIncludeTax ? FULL_RATE_BP + rateBp : FULL_RATE_BP);
}

/**
 * Taxes per rate over the whole sale (or refund), never per line: `taxable` = Σ net of the
 * lines at that rate, rounded once (step 4). Ordered by rate id; untaxed lines are in no entry,
 * a 0 % rate still has one. Lines naming one id must agree on its `rate_bp`.
 */
export function taxesPerRate(
  lines: readonly { readonly net_cents: number; readonly tax_rate: TaxRateRef | null }[],
  pricesIncludeTax: boolean,
  ratePath: (index: number) => InputPath,
): TaxEntry[] {
  const byRate = new Map<number, { rate: TaxRateRef; nets: number[] }>();
  lines.forEach((line, index) => {
    const rate = line.tax_rate;
    if (rate === null) return;
    const group = byRate.get(rate.id);
    if (group === undefined) byRate.set(rate.id, { rate, nets: [line.net_cents] });
    else if (group.rate.rate_bp !== rate.rate_bp)
      throw new PricingInputError(
        [...ratePath(index), 'rate_bp'],
        `rate ${rate.id} has two values (${group.rate.rate_bp}, ${rate.rate_bp})`,
      );
    else group.nets.push(line.net_cents);
  });
  return [...byRate.values()]
    .sort((a, b) => a.rate.id - b.rate.id)
    .map(({ rate, nets }) => {
      const taxable = sumExact(nets);
      return {
        tax_rate_id: rate.id,
        name: rate.name,
        rate_bp: rate.rate_bp,
        taxable_cents: taxable,
        tax_cents: taxOn(taxable, rate.rate_bp, pricesIncludeTax),
      };
    });
}
