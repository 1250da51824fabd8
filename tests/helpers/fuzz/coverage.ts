/**
 * With FUZZ_STATS=1, the statuses each target got, printed at the end of its run: a target that
 * never gets past validation needs better generators.
 */
const enabled = Boolean(process.env.FUZZ_STATS);
const byTarget = new Map<string, Map<number, number>>();

export function recordStatus(target: string, status: number): void {
  if (!enabled) return;
  const counts = byTarget.get(target) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  byTarget.set(target, counts);
}

export function printCoverage(target: string, elapsedMs: number): void {
  if (!enabled) return;
  const counts = [...(byTarget.get(target) ?? new Map<number, number>())].sort(([a], [b]) => a - b);
  console.log(`${target}: ${counts.map(([status, n]) => `${status}×${n}`).join(' ')} (${elapsedMs} ms)`);
}
