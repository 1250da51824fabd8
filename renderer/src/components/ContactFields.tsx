import { PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type ContactField = 'first_name' | 'last_name' | 'email' | 'phone';

interface ContactFieldsProps {
  /** The form's `getInputProps`. */
  inputProps: (field: ContactField) => GetInputPropsReturnType;
  /** Prefix of the test ids: `<prefix>-first-name`, `-last-name`, `-email`, `-phone`. */
  testIdPrefix: string;
  /** One's own details: the browser may fill them in. Someone else's: it may not. */
  own: boolean;
  /** Focus the first name when the dialog opens. */
  autoFocus: boolean;
  placeholders?: { email: string; phone: string };
  /** Further cells of the grid (role, manager). */
  children?: ReactNode;
}

const NOT_GIVEN = { email: 'Not given', phone: 'Not given' };

/** A person's names, email and phone, two to a row: the account and profile forms. */
export function ContactFields({ inputProps, testIdPrefix, own, autoFocus, placeholders = NOT_GIVEN, children }: ContactFieldsProps) {
  // What every field takes: the form's value and error, autocompletion, and its test id.
  const wired = (field: ContactField, personal: string) => ({
    autoComplete: own ? personal : 'off',
    ...inputProps(field),
    'data-testid': `${testIdPrefix}-${field.replace('_', '-')}`,
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label="First name" required data-autofocus={autoFocus || undefined} {...wired('first_name', 'given-name')} />
      <TextInput label="Last name" required {...wired('last_name', 'family-name')} />
      <TextInput label="Email" type="email" placeholder={placeholders.email} {...wired('email', 'email')} />
      <TextInput label="Phone" type="tel" placeholder={placeholders.phone} {...wired('phone', 'tel')} />
      {children}
    </SimpleGrid>
  );
}

/** Asked when one changes one's own email or phone: a reset PIN goes there. */
export function CurrentPasswordField({ inputProps, testId }: { inputProps: GetInputPropsReturnType; testId: string }) {
  return (
    <PasswordInput
      label="Your current password"
      description="A password-reset PIN is sent to your email or phone, so changing them needs your password."
      autoComplete="current-password"
      required
      leftSection={<IconLock size={16} stroke={1.6} />}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      {...inputProps}
      data-testid={testId}
    />
  );
}
