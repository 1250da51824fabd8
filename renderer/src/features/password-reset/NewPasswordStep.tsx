import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { PageError } from '../../components/PageStates';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { usePasswordPolicy } from '../auth/policies';
import { confirmationRule } from '../auth/validation';

interface NewPasswordValues {
  password: string;
  confirm_password: string;
}

interface NewPasswordStepProps {
  resetToken: string;
  onDone: () => void;
  /** The reset token is spent or expired: start again at step 1. */
  onTokenInvalid: () => void;
  onCancel: () => void;
  cancelLabel: string;
}

/**
 * Step 3: the new password. The account's role is not known before sign-in, so the checklist
 * shows the strictest rules of all roles as guidance; the server checks the role's own rules
 * and its messages appear under the field.
 */
export function NewPasswordStep({ resetToken, onDone, onTokenInvalid, onCancel, cancelLabel }: NewPasswordStepProps) {
  const trpc = useTRPC();
  const { policy, error, refetch } = usePasswordPolicy(null);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<NewPasswordValues>({
    initialValues: { password: '', confirm_password: '' },
    validate: {
      password: (v) => (v === '' ? 'Enter a new password.' : null),
      confirm_password: confirmationRule<NewPasswordValues, 'password'>('password'),
    },
  });

  const confirm = useMutation(
    trpc.passwordReset.confirm.mutationOptions({
      onSuccess: onDone,
      onError: (err) => {
        const body = apiErrorOf(err);
        switch (body?.error) {
          case 'reset_token_invalid':
            onTokenInvalid();
            return;
          case 'password_reused':
            form.setFieldError('password', 'Choose a password different from your current one.');
            return;
          default:
            setFormError(formErrorOf(form, err));
            if (!body) notifyFailure(err, 'Could not save the new password');
        }
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    confirm.mutate({ reset_token: resetToken, password: values.password });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="reset-password-form" aria-label="Choose a new password">
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconShieldCheck />} py="xs" data-testid="reset-pin-ok">
          The PIN is right. Saving a new password unlocks your account and signs it out everywhere else.
        </Alert>
        <FormError message={formError} />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          required
          autoFocus
          {...form.getInputProps('password')}
          data-testid="reset-new-password"
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm_password')}
          data-testid="reset-confirm-password"
        />
        {policy ? (
          <Stack gap={6}>
            <PasswordChecklist policy={policy} password={form.values.password} confirmation={form.values.confirm_password} />
            <Text size="xs" c="dimmed">
              These are the strictest rules of any role, so a password that meets them fits every account. Your role may ask for less;
              ShopDesk checks its rules when you save.
            </Text>
          </Stack>
        ) : error ? (
          <PageError error={error} onRetry={() => void refetch()} title="The password rules could not be loaded" />
        ) : null}
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onCancel} data-testid="reset-back">
            {cancelLabel}
          </Button>
          <Button type="submit" loading={confirm.isPending} data-testid="reset-submit">
            Save new password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
