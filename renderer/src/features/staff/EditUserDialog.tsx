import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import { isOneOf, ROLE_NAMES, WORKER_ROLES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { ContactFields, CurrentPasswordField } from '../../components/ContactFields';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { usePasswordPolicy } from '../auth/policies';
import { required } from '../auth/validation';
import { temporaryPasswordRule } from './temporary-password';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { asksCurrentPassword, changesOf, type EditValues } from './user-changes';
import { UserDialogFrame } from './UserDialogFrame';
import { managerOptions, useManagers, useRefreshPeople } from './use-people';

/** tRPC puts `users.update` inputs under `changes.`; the form knows the bare names. */

function EditForm({ actor, user, onClose }: { actor: UserDto; user: UserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const isSelf = actor.id === user.id;
  const withManager = can(actor.role, 'users.set_manager') && !isSelf && isOneOf(WORKER_ROLES, user.role);
  const { managers } = useManagers(actor);
  const { policy } = usePasswordPolicy(user.role);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<EditValues>({
    initialValues: {
      first_name: user.first_name,
      last_name: user.last_name,
      email: user.email ?? '',
      phone: user.phone ?? '',
      manager_id: user.manager_id === null ? null : String(user.manager_id),
      password: '',
      current_password: '',
    },
    validate: {
      first_name: required('a first name'),
      last_name: required('a last name'),
      password: temporaryPasswordRule(policy, true),
      current_password: (value, values) =>
        asksCurrentPassword(values, user, isSelf) && value === '' ? 'Enter your current password.' : null,
    },
  });

  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (saved, input) => {
        notifySuccess(
          input.changes.password !== undefined
            ? `${fullName(saved)} must change the temporary password at their next sign-in.`
            : `${fullName(saved)}’s details are saved.`,
          'Account updated',
        );
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, stripChanges));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the account');
      },
    }),
  );

  const changes = changesOf(form.values, user, withManager, isSelf);
  const dirty = Object.keys(changes).length > 0;
  // Shown when one's own email or phone changes, and whenever the server asked for it.
  const asksPassword = asksCurrentPassword(form.values, user, isSelf) || Boolean(form.errors.current_password);
  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate({ id: user.id, changes: changesOf(values, user, withManager, isSelf) });
  });

  // The current manager stays choosable even if inactive, so the form shows who it is.
  const options = managerOptions(managers);
  if (user.manager_id !== null && !options.some((o) => o.value === String(user.manager_id))) {
    const current = managers.find((m) => m.id === user.manager_id);
    options.push({ value: String(user.manager_id), label: current ? `${fullName(current)} (inactive)` : `User #${user.manager_id}` });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${fullName(user)}`}>
      <Stack gap="md">
        <FormError message={formError} />
        <Text size="sm" c="dimmed">
          Username <b>{user.username}</b> · {ROLE_NAMES[user.role]}. Change the role with “Change role” in the list.
        </Text>
        <ContactFields inputProps={form.getInputProps} testIdPrefix="user" own={false} autoFocus>
          {withManager ? (
            <Select
              label="Manager"
              placeholder="No manager"
              data={options}
              clearable
              searchable
              nothingFoundMessage="No active manager matches"
              {...form.getInputProps('manager_id')}
              data-testid="user-manager"
            />
          ) : null}
        </ContactFields>
        {isSelf && asksPassword ? (
          <CurrentPasswordField inputProps={form.getInputProps('current_password')} testId="user-current-password" />
        ) : null}
        {isSelf ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
            This is your own account: change your password from the account menu.
          </Alert>
        ) : (
          <TemporaryPasswordField
            role={user.role}
            inputProps={form.getInputProps('password')}
            value={form.values.password}
            onSuggest={(password) => form.setFieldValue('password', password)}
            optional
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!dirty} loading={update.isPending} data-testid="user-dialog-submit">
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserDialog({ user, onClose, actor }: { user: UserDto | null; onClose: () => void; actor: UserDto }) {
  // The form stays on screen while the dialog fades out after `user` went back to null.
  const shown = useLingering(user);
  return (
    <UserDialogFrame opened={user !== null} onClose={onClose} title={shown ? `Edit ${fullName(shown)}` : 'Edit account'}>
      {shown ? <EditForm key={shown.id} actor={actor} user={shown} onClose={onClose} /> : null}
    </UserDialogFrame>
  );
}
