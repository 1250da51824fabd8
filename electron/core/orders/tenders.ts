import { amountDue } from '../../../shared/cash-rounding';
import type { PaymentInput } from '../../../shared/schemas/orders';
import { DomainError } from '../errors';

/** A payment as it is stored: change worked out, tendered filled in. */
export interface Tender {
  method: PaymentInput['method'];
  amountCents: number;
  tenderedCents: number;
  changeCents: number;
  reference: string | null;
}

export interface SettledTenders {
  tenders: Tender[];
  dueCents: number;
  roundingCents: number;
}

/**
 * How a sale of `totalCents` is paid. Without payments (a part-1 client) it is one `other`
 * payment of the total. The payments must add up to the amount due exactly: a till that takes
 * a cent too much or too little has books that never balance.
 */
export function settleTenders(totalCents: number, payments: PaymentInput[] | undefined, cashRoundingCents: number): SettledTenders {
  const given = payments ?? [{ method: 'other' as const, amount_cents: totalCents }];
  const { dueCents, roundingCents } = amountDue(
    totalCents,
    given.map((p) => p.method),
    cashRoundingCents,
  );
  const paid = given.reduce((sum, p) => sum + p.amount_cents, 0);
  if (paid !== dueCents) {
    throw new DomainError('payment_mismatch', `The payments add up to ${paid} cents but ${dueCents} cents are due.`, {
      details: [{ payments_cents: paid, due_cents: dueCents }],
    });
  }
  const tenders = given.map((p) => {
    const tenderedCents = p.tendered_cents ?? p.amount_cents;
    return {
      method: p.method,
      amountCents: p.amount_cents,
      tenderedCents,
      changeCents: p.method === 'cash' ? tenderedCents - p.amount_cents : 0,
      reference: p.reference ?? null,
    };
  });
  return { tenders, dueCents, roundingCents };
}
