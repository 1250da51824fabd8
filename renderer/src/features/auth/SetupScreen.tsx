import { Button, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { PageError, PageLoader } from '../../components/PageStates';
import { apiErrorOf, formErrorOf, renameKey } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { usePasswordPolicy } from './policies';
import { confirmationRule, newPasswordRule, optionalEmailRule, required, usernameRule } from './validation';

interface SetupValues {
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  password: string;
  confirm_password: string;
}

/** First run: create the owner (Super Admin) of this shop. */
export function SetupScreen({ onCreated }: { onCreated: (username: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { policy, isPending, error, refetch } = usePasswordPolicy('super_admin');
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<SetupValues>({
    initialValues: { username: '', first_name: '', last_name: '', email: '', password: '', confirm_password: '' },
    validate: {
      username: usernameRule('Choose a username.'),
      first_name: required('a first name'),
      last_name: required('a last name'),
      email: optionalEmailRule,
      password: newPasswordRule(policy),
      confirm_password: confirmationRule<SetupValues, 'password'>('password'),
    },
  });

  const setup = useMutation(
    trpc.auth.setup.mutationOptions({
      onSuccess: async (_data, input) => {
        notifySuccess('The owner account is ready. Sign in with it to open ShopDesk.', 'Shop set up');
        onCreated(input.username);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() });
      },
      onError: async (err) => {
        const body = apiErrorOf(err);
        if (body?.error === 'already_initialized') {
          notifyFailure(err, 'Already set up');
          await queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() });
          return;
        }
        setFormError(formErrorOf(form, err, renameKey('new_password', 'password')));
        if (!body) notifyFailure(err);
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const email = values.email.trim();
    setup.mutate({
      username: values.username.trim(),
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      password: values.password,
      ...(email ? { email } : {}),
    });
  });

  return (
    <AuthLayout
      title="Set up your shop"
      description="Welcome to ShopDesk. Create the owner account first: it has every permission (Super Admin) and can add the rest of your staff."
      width={600}
      testId="setup-screen"
    >
      {isPending ? (
        <PageLoader label="Loading the password policy…" />
      ) : error ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : (
        <form onSubmit={submit} noValidate data-testid="setup-form" aria-label="Create the owner account">
          <Stack gap="md">
            <FormError message={formError} icon={<IconInfoCircle />} />
            <TextInput label="Username" required autoComplete="username" data-autofocus autoFocus {...form.getInputProps('username')} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput label="First name" required autoComplete="given-name" {...form.getInputProps('first_name')} />
              <TextInput label="Last name" required autoComplete="family-name" {...form.getInputProps('last_name')} />
            </SimpleGrid>
            <TextInput
              label="Email"
              description="Optional. Used for notices about the shop."
              type="email"
              autoComplete="email"
              {...form.getInputProps('email')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <PasswordInput label="Password" required autoComplete="new-password" {...form.getInputProps('password')} />
              <PasswordInput label="Confirm password" required autoComplete="new-password" {...form.getInputProps('confirm_password')} />
            </SimpleGrid>
            {policy ? (
              <PasswordChecklist policy={policy} password={form.values.password} confirmation={form.values.confirm_password} columns={2} />
            ) : (
              <Text size="sm" c="dimmed">
                The password policy is not available.
              </Text>
            )}
            <Button type="submit" size="md" loading={setup.isPending} data-testid="setup-submit" fullWidth>
              Create owner account
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
