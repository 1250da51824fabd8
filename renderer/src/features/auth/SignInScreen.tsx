import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconClockPause, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { apiErrorOf, applyFieldErrors } from '../../lib/api-error';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { required } from './validation';

interface SignInProps {
  initialUsername: string;
  /** Coming back from "Forgot password?" with the new password saved. */
  resetDone: boolean;
  onForgotPassword: () => void;
  onLocked: (username: string) => void;
  onPasswordExpired: (username: string, reason: string) => void;
}

interface Problem {
  color: string;
  title: string;
  text: ReactNode;
  icon: ReactNode;
}

export function SignInScreen({ initialUsername, resetDone, onForgotPassword, onLocked, onPasswordExpired }: SignInProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const form = useForm({
    initialValues: { username: initialUsername, password: '' },
    validate: { username: required('your username'), password: (v: string) => (v === '' ? 'Enter your password.' : null) },
  });

  const refreshState = () => queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() });

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: refreshState,
      onError: async (err, input) => {
        const body = apiErrorOf(err);
        switch (body?.error) {
          case 'account_locked':
            onLocked(input.username);
            return;
          case 'password_expired':
            onPasswordExpired(input.username, body.message);
            await refreshState();
            return;
          case 'invalid_credentials':
            setProblem({
              color: 'red',
              title: 'Wrong username or password',
              text: 'Check both and try again. Passwords are case-sensitive.',
              icon: <IconAlertCircle />,
            });
            form.setFieldValue('password', '');
            passwordRef.current?.focus();
            return;
          case 'account_inactive':
            setProblem({
              color: 'orange',
              title: 'This account is inactive',
              text: 'It has been deactivated. Ask a manager or the shop owner if you think this is a mistake.',
              icon: <IconUserOff />,
            });
            return;
          case 'rate_limited':
            setProblem({
              color: 'orange',
              title: 'Too many attempts',
              text: 'There were too many failed sign-ins from this device. Wait a few minutes, then try again.',
              icon: <IconClockPause />,
            });
            return;
          case 'validation_failed':
            applyFieldErrors(form, body.fields);
            return;
          default:
            notifyFailure(err, 'Could not sign in');
        }
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setProblem(null);
    login.mutate({ username: values.username.trim(), password: values.password });
  });

  return (
    <AuthLayout title="Sign in" description="Welcome back. Enter your username and password." testId="signin-screen">
      <form onSubmit={submit} noValidate data-testid="login-form" aria-label="Sign in">
        <Stack gap="md">
          {problem ? (
            <Alert color={problem.color} variant="light" title={problem.title} icon={problem.icon} role="alert" data-testid="login-error">
              {problem.text}
            </Alert>
          ) : resetDone ? (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status" data-testid="reset-done">
              Password changed — your account is unlocked. Sign in with the new password.
            </Alert>
          ) : null}
          <TextInput
            label="Username"
            autoComplete="username"
            autoFocus={initialUsername === ''}
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            autoFocus={initialUsername !== ''}
            required
            ref={passwordRef}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component="button" type="button" size="sm" onClick={onForgotPassword} data-testid="forgot-password-link">
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" size="md" fullWidth loading={login.isPending} data-testid="login-submit">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
