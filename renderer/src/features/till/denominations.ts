/** A coin or a note of the shop currency, in minor units (cents). */
export interface Denomination {
  cents: number;
  kind: 'coin' | 'note';
}

interface CurrencyTable {
  /** The minor-unit digits the table is written for; another count falls back to the series. */
  decimals: number;
  coins: readonly number[];
  notes: readonly number[];
}

/**
 * What a drawer holds in the currencies the shop is likely to use: the coins and notes in
 * circulation, leaving out those a till never sees (the €500 note, the US half dollar).
 */
const TABLES: Partial<Record<string, CurrencyTable>> = {
  EUR: { decimals: 2, coins: [1, 2, 5, 10, 20, 50, 100, 200], notes: [500, 1000, 2000, 5000, 10_000, 20_000] },
  USD: { decimals: 2, coins: [1, 5, 10, 25], notes: [100, 200, 500, 1000, 2000, 5000, 10_000] },
  GBP: { decimals: 2, coins: [1, 2, 5, 10, 20, 50, 100, 200], notes: [500, 1000, 2000, 5000] },
  // Swiss cash has no coin below 5 Rappen.
  CHF: { decimals: 2, coins: [5, 10, 20, 50, 100, 200, 500], notes: [1000, 2000, 5000, 10_000, 20_000, 100_000] },
};

/**
 * The 1-2-5 series most currencies follow, from one minor unit up to 500 major units: coins
 * below 5 major units, notes from there. A currency without decimals (the yen) has small
 * units, so its notes start at 1,000 and go up to 10,000.
 */
function seriesOf(decimals: number): Denomination[] {
  const unit = 10 ** decimals;
  const top = Math.max(500 * unit, 10_000);
  const firstNote = decimals === 0 ? 1000 : 5 * unit;
  const values: number[] = [];
  for (let step = 1; step <= top; step *= 10) values.push(step, 2 * step, 5 * step);
  return values.filter((cents) => cents <= top).map((cents): Denomination => ({ cents, kind: cents >= firstNote ? 'note' : 'coin' }));
}

/** The coins and notes of `currency` to count a drawer by, smallest first. */
export function denominationsFor(currency: string, decimals: number): Denomination[] {
  const table = TABLES[currency.toUpperCase()];
  if (!table || table.decimals !== decimals) return seriesOf(decimals);
  return [
    ...table.coins.map((cents): Denomination => ({ cents, kind: 'coin' })),
    ...table.notes.map((cents): Denomination => ({ cents, kind: 'note' })),
  ];
}

/** Pieces counted per denomination (cents → how many); a blank or invalid count is none. */
export type PieceCounts = Readonly<Partial<Record<number, number>>>;

export function countedTotal(counts: PieceCounts): number {
  return Object.entries(counts).reduce((sum, [cents, pieces]) => sum + Number(cents) * (pieces ?? 0), 0);
}

export function hasCounts(counts: PieceCounts): boolean {
  return Object.values(counts).some((pieces) => (pieces ?? 0) > 0);
}
