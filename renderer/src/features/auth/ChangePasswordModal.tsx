import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { RoleKey } from '../../../../shared/roles';
import { FormError } from '../../components/FormError';
import { PageError, PageLoader } from '../../components/PageStates';
import { apiErrorOf, formErrorOf, renameKey } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { PasswordChangeFields } from './PasswordChangeFields';
import { usePasswordPolicy } from './policies';
import { confirmationRule, newPasswordRule } from './validation';

interface ChangeValues {
  old_password: string;
  new_password: string;
  confirm_password: string;
}

/** A signed-in user changes their own password, against their own role's policy. */
interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
  username: string;
  role: RoleKey;
}

export function ChangePasswordModal({ opened, onClose, username, role }: ChangePasswordModalProps) {
  const trpc = useTRPC();
  const { policy, isPending, error, refetch } = usePasswordPolicy(role);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<ChangeValues>({
    initialValues: { old_password: '', new_password: '', confirm_password: '' },
    validate: {
      old_password: (v) => (v === '' ? 'Enter your current password.' : null),
      new_password: newPasswordRule(policy),
      confirm_password: confirmationRule<ChangeValues, 'new_password'>('new_password'),
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        notifySuccess('Your password is changed. Your other sign-ins have been ended.', 'Password changed');
        close();
      },
      onError: (err) => {
        const body = apiErrorOf(err);
        setFormError(formErrorOf(form, err, renameKey('password', 'new_password')));
        if (!body) notifyFailure(err);
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate({ old_password: values.old_password, new_password: values.new_password });
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Change password"
      size="md"
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div data-testid="change-password-dialog">
        {isPending ? (
          <PageLoader label="Loading the password policy…" />
        ) : error ? (
          <PageError error={error} onRetry={() => void refetch()} />
        ) : (
          <form onSubmit={submit} noValidate aria-label="Change password" data-testid="change-password-form">
            <Stack gap="md">
              <FormError message={formError} />
              <PasswordChangeFields username={username} inputProps={form.getInputProps} values={form.values} policy={policy} inDialog />
              <Group justify="flex-end" gap="sm" mt="xs">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
                  Change password
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </div>
    </Modal>
  );
}
