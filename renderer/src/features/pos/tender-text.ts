import type { PaymentMethod } from '../../../../shared/schemas/orders';
import { formatMoney } from '../../lib/money';
import type { TenderRefusal } from './tender-plan';

export const METHOD_LABELS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** The pay dialog's keys for choosing the tender (listed in ShortcutsCard too). */
export const METHOD_KEYS: Record<PaymentMethod, string> = { cash: 'F6', card: 'F7', other: 'F8' };

export const methodOfKey = (key: string): PaymentMethod | null =>
  key === METHOD_KEYS.cash ? 'cash' : key === METHOD_KEYS.card ? 'card' : key === METHOD_KEYS.other ? 'other' : null;

/** "Rounded −€0.02": the difference cash rounding makes to the total. */
export const roundingText = (roundingCents: number) => `Rounded ${roundingCents < 0 ? '−' : '+'}${formatMoney(Math.abs(roundingCents))}`;

export function refusalMessage(refusal: TenderRefusal, method: PaymentMethod): string {
  switch (refusal.reason) {
    case 'overpaid':
      return `The payments taken are ${formatMoney(refusal.overCents)} more than is due by ${METHOD_LABELS[method].toLowerCase()}. Remove one.`;
    case 'not_an_amount':
      return method === 'cash' ? 'Enter the cash tendered, e.g. 20 or 20.50.' : 'Enter the amount, e.g. 20 or 20.50.';
    case 'too_large':
      return 'That is more than any sale takes. Check the amount.';
    case 'above_remaining':
      return `Only ${formatMoney(refusal.remainingCents)} is left to pay; only cash gives change.`;
    case 'too_many':
      return 'A sale takes at most 20 payments: pay the rest in one.';
  }
}
