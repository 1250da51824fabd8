import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { ContactFields, CurrentPasswordField } from '../../components/ContactFields';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { changesResetChannel } from '../../lib/contact-changes';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { optionalEmailRule, required } from '../auth/validation';
import { profileChangesOf, type ProfileValues } from './profile-changes';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

/** tRPC puts `users.update` inputs under `changes.`; the form knows the bare names. */

function ProfileForm({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<ProfileValues>({
    initialValues: {
      first_name: user.first_name,
      last_name: user.last_name,
      email: user.email ?? '',
      phone: user.phone ?? '',
      current_password: '',
    },
    validate: {
      first_name: required('a first name'),
      last_name: required('a last name'),
      email: optionalEmailRule,
      current_password: (value, values) => (changesResetChannel(values, user) && value === '' ? 'Enter your current password.' : null),
    },
  });

  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        notifySuccess('Your details are saved.', 'Profile updated');
        onClose();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() }),
        ]);
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, stripChanges));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save your details');
      },
    }),
  );

  const changes = profileChangesOf(form.values, user);
  // Shown when the email or phone changes, and whenever the server asked for it.
  const asksPassword = changesResetChannel(form.values, user) || Boolean(form.errors.current_password);
  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate({ id: user.id, changes: profileChangesOf(values, user) });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Edit your details">
      <Stack gap="md">
        <FormError message={formError} />
        <ContactFields inputProps={form.getInputProps} testIdPrefix="profile" own autoFocus />
        {asksPassword ? (
          <CurrentPasswordField inputProps={form.getInputProps('current_password')} testId="profile-current-password" />
        ) : (
          <Text size="xs" c="dimmed">
            Changing your email or phone asks for your current password.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0} data-testid="profile-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Edit my details" for the signed-in user (names, email, phone) from My profile. */
export function EditProfileDialog({ user, opened, onClose }: { user: UserDto; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit your details" size="lg" centered styles={titleStyles}>
      <div data-testid="profile-dialog">{opened ? <ProfileForm user={user} onClose={onClose} /> : null}</div>
    </Modal>
  );
}
