import { mulDivFloor, sumExact } from './integer-math';

/**
 * `total` spread over non-negative `weights` (some positive unless total is 0): each gets
 * `floor(total × weight / Σ weights)`, and the cents left over go one each to the largest
 * weights, the earlier one first on a tie (API-SELLING.md, "How an order is priced", step 2).
 */
export function spreadByWeight(total: number, weights: readonly number[]): number[] {
  const weightSum = sumExact(weights);
  if (total === 0 || weightSum === 0) {
    if (total !== 0) throw new RangeError(`Cannot spread ${total} cents over nothing.`);
    return weights.map(() => 0);
  }
  const shares = weights.map((weight) => mulDivFloor(total, weight, weightSum));
  const leftover = total - sumExact(shares);
  const largestFirst = weights.map((weight, index) => ({ weight, index })).sort((a, b) => b.weight - a.weight || a.index - b.index);
  // Each floor loses less than a cent, so fewer cents are left than there are weights.
  for (const { index } of largestFirst.slice(0, leftover)) shares[index] = (shares[index] ?? 0) + 1;
  return shares;
}
