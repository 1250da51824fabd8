import { MAX_RATE_BP } from '../../../../shared/schemas/tax-rates';

/** "20 %", "5.5 %", "7.25 %": basis points as a person reads a rate, without trailing zeros. */
export function formatRateBp(rateBp: number): string {
  const whole = Math.trunc(rateBp / 100);
  const hundredths = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${hundredths === '' ? '' : `.${hundredths}`} %`;
}

/**
 * A percent as typed ("5.5", "20", "7,25", "5.5 %") into basis points, digit by digit so that no
 * float drift creeps in ("5.5" → 550, never 549.99…). Null when it is not a percent of 0–100
 * with at most two decimals.
 */
export function rateBpFromPercentText(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const rateBp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return rateBp <= MAX_RATE_BP ? rateBp : null;
}
