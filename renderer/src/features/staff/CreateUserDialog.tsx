import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { reachOf } from '../../../../shared/permissions';
import { isOneOf, isRoleKey, ROLE_KEYS, ROLE_NAMES, WORKER_ROLES, type RoleKey } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { ContactFields } from '../../components/ContactFields';
import { FormError } from '../../components/FormError';
import { blankToNull } from '../../lib/contact-changes';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { usePasswordPolicy } from '../auth/policies';
import { required, usernameRule } from '../auth/validation';
import { temporaryPasswordRule } from './temporary-password';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { UserDialogFrame } from './UserDialogFrame';
import { managerOptions, useManagers, useRefreshPeople } from './use-people';

interface CreateValues {
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  role: RoleKey;
  manager_id: string | null;
  password: string;
}

function CreateForm({ actor, onClose }: { actor: UserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  // A narrower reach than `any` creates the actor's own workers only (shared/permissions.ts).
  const createsAnyone = reachOf(actor.role, 'users.create') === 'any';
  const { managers } = useManagers(actor);
  const [formError, setFormError] = useState<string | null>(null);
  const roleChoices: readonly RoleKey[] = createsAnyone ? ROLE_KEYS : WORKER_ROLES;

  const form = useForm<CreateValues>({
    initialValues: { username: '', first_name: '', last_name: '', email: '', phone: '', role: 'cashier', manager_id: null, password: '' },
    validate: {
      username: usernameRule('Enter a username.'),
      first_name: required('a first name'),
      last_name: required('a last name'),
    },
  });
  const { policy } = usePasswordPolicy(form.values.role);
  const isWorker = isOneOf(WORKER_ROLES, form.values.role);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(`${fullName(user)} signs in as “${user.username}” and must change the temporary password then.`, 'Account created');
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not create the account');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const passwordProblem = temporaryPasswordRule(policy, false)(values.password);
    if (passwordProblem) {
      form.setFieldError('password', passwordProblem);
      return;
    }
    create.mutate({
      username: values.username.trim(),
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      email: blankToNull(values.email) ?? undefined,
      phone: blankToNull(values.phone) ?? undefined,
      role: values.role,
      password: values.password,
      // A manager's new account is always their own worker: the server fills it in.
      manager_id: createsAnyone && isWorker && values.manager_id ? Number(values.manager_id) : undefined,
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={createsAnyone ? 'Add an account' : 'Add a worker'}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput
          label="Username"
          description="Used to sign in; it cannot be changed later."
          autoComplete="off"
          required
          data-autofocus
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          {...form.getInputProps('username')}
          data-testid="user-username"
        />
        <ContactFields
          inputProps={form.getInputProps}
          testIdPrefix="user"
          own={false}
          autoFocus={false}
          placeholders={{ email: 'Optional', phone: 'Optional, e.g. +1 555 0100' }}
        >
          <Select
            label="Role"
            data={roleChoices.map((key) => ({ value: key, label: ROLE_NAMES[key] }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
            onChange={(value: string | null) => {
              if (value !== null && isRoleKey(value)) form.setFieldValue('role', value);
            }}
            data-testid="user-role"
          />
          {createsAnyone ? (
            <Select
              label="Manager"
              placeholder={isWorker ? 'No manager' : 'Only attendants and cashiers have one'}
              data={managerOptions(managers)}
              disabled={!isWorker}
              clearable
              searchable
              nothingFoundMessage="No active manager matches"
              {...form.getInputProps('manager_id')}
              value={isWorker ? form.values.manager_id : null}
              data-testid="user-manager"
            />
          ) : (
            <TextInput label="Manager" value={`${fullName(actor)} (you)`} readOnly variant="filled" data-testid="user-manager" />
          )}
        </ContactFields>
        <TemporaryPasswordField
          role={form.values.role}
          inputProps={form.getInputProps('password')}
          value={form.values.password}
          onSuggest={(password) => form.setFieldValue('password', password)}
          optional={false}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="user-dialog-submit">
            Create account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserDialog({ opened, onClose, actor }: { opened: boolean; onClose: () => void; actor: UserDto }) {
  return (
    <UserDialogFrame
      opened={opened}
      onClose={onClose}
      title={reachOf(actor.role, 'users.create') === 'any' ? 'Add an account' : 'Add a worker'}
    >
      <CreateForm actor={actor} onClose={onClose} />
    </UserDialogFrame>
  );
}
