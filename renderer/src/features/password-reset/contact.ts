import { PIN_LENGTH, pinInText } from '../../../../shared/formats';
import type { ResetChannel } from '../../../../shared/schemas/password-reset';
import { EMAIL_MESSAGE, isEmailAddress, isPhoneNumber, PHONE_MESSAGE } from '../../../../shared/user-rules';

export const CHANNEL_TEXT: Record<
  ResetChannel,
  { label: string; noun: string; placeholder: string; inputType: 'email' | 'tel'; autoComplete: string }
> = {
  email: { label: 'Email address', noun: 'email address', placeholder: 'name@example.com', inputType: 'email', autoComplete: 'email' },
  phone: { label: 'Phone number', noun: 'phone number', placeholder: '+1 555 0100', inputType: 'tel', autoComplete: 'tel' },
};

/** The server's own shape checks (shared/user-rules.ts), so a typo is caught here. */
export function contactRule(type: ResetChannel) {
  return (value: string): string | null => {
    const v = value.trim();
    if (v === '') return `Enter the ${CHANNEL_TEXT[type].noun} of your account.`;
    if (type === 'email') return isEmailAddress(v) ? null : EMAIL_MESSAGE;
    return isPhoneNumber(v) ? null : PHONE_MESSAGE;
  };
}

/**
 * The PIN in what was pasted: "123456", "123 456", or the whole message (the PIN is the only
 * six-digit number in it). Null when no PIN can be found.
 */
export function pinFromText(text: string): string | null {
  const inMessage = pinInText(text);
  if (inMessage) return inMessage;
  const digits = text.replace(/\D/gu, '');
  return digits.length === PIN_LENGTH ? digits : null;
}
