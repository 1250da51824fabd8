import type { PaymentMethod } from '../../../../shared/schemas/orders';
import { formatMoney } from '../../lib/money';

const METHOD_LABELS: ReadonlyMap<string, string> = new Map(
  Object.entries({ cash: 'Cash', card: 'Card', other: 'Other' } satisfies Record<PaymentMethod, string>),
);

/** "Cash", "Card": a tender method as the reports name it (an unknown one as it came). */
export function methodLabel(method: string): string {
  return METHOD_LABELS.get(method) ?? method;
}

const rateFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** A tax rate in basis points as a percentage ("20%", "5.5%"). */
export const formatRate = (rateBp: number) => rateFormat.format(rateBp / 10_000);

const whenFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatWhen = (iso: string) => whenFormat.format(new Date(iso));

/** A drawer's difference in words: over, short, or exact. */
export function varianceText(varianceCents: number): string {
  if (varianceCents === 0) return 'Exact';
  return varianceCents > 0 ? `Over by ${formatMoney(varianceCents)}` : `Short by ${formatMoney(-varianceCents)}`;
}

export function varianceColor(varianceCents: number): string {
  if (varianceCents === 0) return 'teal';
  return varianceCents > 0 ? 'blue' : 'red';
}

/** Whether closing with this difference needs a manager (strictly beyond the shop's limit, either way). */
export const isBeyondLimit = (varianceCents: number, limitCents: number) => Math.abs(varianceCents) > limitCents;

/** The cash drawer page's shortcuts (letters; ignored while typing in a box). */
export const DRAWER_KEYS = { open: 'D', cashIn: 'I', cashOut: 'O', xReport: 'X', close: 'C' } as const;
