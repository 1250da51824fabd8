import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_NAMES, type RoleKey } from '../../../../shared/roles';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { PageError, PageLoader } from '../../components/PageStates';
import { apiErrorOf, formErrorOf, renameKey } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { PasswordChangeFields } from './PasswordChangeFields';
import { usePasswordPolicy } from './policies';
import { confirmationRule, newPasswordRule } from './validation';

interface ForcedChangeProps {
  username: string;
  role: RoleKey | null;
  /** The sign-in's own words (temporary vs expired), when this screen follows a sign-in. */
  reason: string | null;
}

interface ChangeValues {
  old_password: string;
  new_password: string;
  confirm_password: string;
}

/** After `password_expired` (code 4): a new password before anything else, then signed in. */
export function ForcedChangeScreen({ username, role, reason }: ForcedChangeProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { policy, isPending, error, refetch } = usePasswordPolicy(role);
  const [formError, setFormError] = useState<string | null>(null);
  const refreshState = () => queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() });

  const form = useForm<ChangeValues>({
    initialValues: { old_password: '', new_password: '', confirm_password: '' },
    validate: {
      old_password: (v) => (v === '' ? 'Enter your current password.' : null),
      new_password: newPasswordRule(policy),
      confirm_password: confirmationRule<ChangeValues, 'new_password'>('new_password'),
    },
  });

  const complete = useMutation(
    trpc.auth.completePasswordChange.mutationOptions({
      onSuccess: async (result) => {
        notifySuccess(`Welcome, ${result.user.first_name}. Your new password is saved.`, 'Password changed');
        await refreshState();
      },
      onError: (err) => {
        const body = apiErrorOf(err);
        if (body?.error === 'token_invalid') {
          notifyFailure(err, 'Sign in again');
          return;
        }
        setFormError(formErrorOf(form, err, renameKey('password', 'new_password')));
        if (!body) notifyFailure(err);
      },
    }),
  );

  const cancel = useMutation(trpc.auth.cancelPasswordChange.mutationOptions({ onSettled: refreshState }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    complete.mutate({ old_password: values.old_password, new_password: values.new_password });
  });

  return (
    <AuthLayout
      title="Choose a new password"
      description={
        <>
          Signing in as <b>{username}</b>
          {role ? ` (${ROLE_NAMES[role]})` : ''}.
        </>
      }
      width={520}
      testId="forced-change-screen"
    >
      <Alert color="blue" variant="light" icon={<IconInfoCircle />} data-testid="forced-change-reason">
        <Text size="sm">
          {reason ?? 'You must set a new password before signing in.'} This happens after a manager sets a temporary password, or when a
          password is older than the role allows.
        </Text>
      </Alert>
      {isPending ? (
        <PageLoader label="Loading the password policy…" />
      ) : error ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : (
        <form onSubmit={submit} noValidate data-testid="forced-change-form" aria-label="Choose a new password">
          <Stack gap="md">
            <FormError message={formError} />
            <PasswordChangeFields
              username={username}
              inputProps={form.getInputProps}
              values={form.values}
              policy={policy}
              inDialog={false}
            />
            <Group justify="space-between" mt="xs">
              <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="forced-change-cancel">
                Cancel
              </Button>
              <Button type="submit" loading={complete.isPending} data-testid="forced-change-submit">
                Save and sign in
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
