import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { IconDialpad } from '@tabler/icons-react';
import type { Ref } from 'react';
import { PIN_MAX_DIGITS } from '../../../shared/pin-policy';

/** Only the digits of what was typed or pasted, at most a PIN's length (more cannot be typed). */
export const pinDigitsOf = (text: string) => text.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);

interface PinFieldProps extends Omit<PasswordInputProps, 'value' | 'onChange' | 'ref'> {
  value: string;
  onChange: (pin: string) => void;
  testId: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A masked PIN: the numeric keypad on touch screens, digits only (anything else typed is
 * dropped), never remembered by the browser.
 */
export function PinField({ value, onChange, testId, ref, ...rest }: PinFieldProps) {
  return (
    <PasswordInput
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={PIN_MAX_DIGITS}
      leftSection={<IconDialpad size={16} stroke={1.6} />}
      {...rest}
      value={value}
      onChange={(event) => onChange(pinDigitsOf(event.currentTarget.value))}
      data-testid={testId}
    />
  );
}
