/**
 * The staff PIN rule of API-SELLING.md ("Staff PINs"): 4–8 digits, not one digit repeated, not a
 * run of consecutive digits up or down. A run never wraps (`7890`, `9012` are allowed): the
 * keypad has no "after 9". Pure, so the UI can show the same check the core enforces.
 */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;

/** Why a PIN is refused, as a sentence for the person choosing it; null when it is acceptable. */
export function pinPolicyProblem(pin: string): string | null {
  if (!new RegExp(`^[0-9]{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin)) {
    return `A PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits.`;
  }
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, i) => digit - (digits[i] ?? digit));
  if (steps.every((step) => step === 0)) return 'A PIN may not be one digit repeated.';
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) {
    return 'A PIN may not be a run of consecutive digits.';
  }
  return null;
}

export function isAcceptablePin(pin: string): boolean {
  return pinPolicyProblem(pin) === null;
}
