import { Alert, Anchor, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { isOneOf, ROLE_KEYS, ROLE_NAMES, WORKER_ROLES, type RoleKey } from '../../../../shared/roles';
import type { UpdateUserInput, UserDto } from '../../../../shared/schemas/users';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { PageError } from '../../components/PageStates';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { fullName } from '../../lib/names';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { usePasswordPolicy } from '../auth/policies';
import { required, usernamePattern } from '../auth/validation';
import { suggestPassword, temporaryPasswordRule } from './temporary-password';
import { managerOptions, useManagers, useRefreshPeople } from './use-people';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

/** tRPC puts `users.update` inputs under `changes.`; the form knows the bare names. */
const stripChanges = (key: string) => key.replace(/^changes\./, '');

function Dialog({ opened, onClose, title, children }: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered styles={titleStyles}>
      <div data-testid="user-dialog">{children}</div>
    </Modal>
  );
}

/** A temporary password with the role's live checklist and a "suggest one" helper. */
function TemporaryPassword({
  role,
  inputProps,
  value,
  onSuggest,
  optional,
}: {
  role: RoleKey;
  inputProps: GetInputPropsReturnType;
  value: string;
  onSuggest: (password: string) => void;
  optional: boolean;
}) {
  const { policy, isPending, error, refetch } = usePasswordPolicy(role);
  const [visible, setVisible] = useState(false);
  return (
    <Stack gap="sm">
      <PasswordInput
        label={optional ? 'Set a temporary password' : 'Temporary password'}
        description={optional ? 'Optional. Leave empty to keep the current password.' : undefined}
        autoComplete="new-password"
        required={!optional}
        visible={visible}
        onVisibilityChange={setVisible}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        {...inputProps}
        data-testid="user-password"
      />
      {isPending ? (
        <Text size="sm" c="dimmed">
          Loading the {ROLE_NAMES[role]} password rules…
        </Text>
      ) : error ? (
        <PageError error={error} onRetry={() => void refetch()} title="The password rules could not be loaded" />
      ) : policy && (!optional || value !== '') ? (
        <PasswordChecklist policy={policy} password={value} columns={2} />
      ) : null}
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed">
          {optional
            ? 'A password you set here is temporary: they must change it at their next sign-in, and their current sign-ins end.'
            : 'This password is temporary: they must change it at their first sign-in.'}
        </Text>
        {policy ? (
          <Anchor
            component="button"
            type="button"
            size="xs"
            fw={500}
            style={{ whiteSpace: 'nowrap' }}
            onClick={() => {
              onSuggest(suggestPassword(policy));
              setVisible(true);
            }}
            data-testid="user-password-suggest"
          >
            Suggest one
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}

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
  const isAdmin = actor.role === 'super_admin';
  const { managers } = useManagers(actor);
  const [formError, setFormError] = useState<string | null>(null);
  const roleChoices: readonly RoleKey[] = isAdmin ? ROLE_KEYS : WORKER_ROLES;

  const form = useForm<CreateValues>({
    initialValues: { username: '', first_name: '', last_name: '', email: '', phone: '', role: 'cashier', manager_id: null, password: '' },
    validate: {
      username: (v) => (v.trim() === '' ? 'Enter a username.' : usernamePattern.test(v.trim()) ? null : 'Letters, digits and @ . + - _ only.'),
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
      email: values.email.trim() === '' ? undefined : values.email.trim(),
      phone: values.phone.trim() === '' ? undefined : values.phone.trim(),
      role: values.role,
      password: values.password,
      // A manager's new account is always their own worker: the server fills it in.
      manager_id: isAdmin && isWorker && values.manager_id ? Number(values.manager_id) : undefined,
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={isAdmin ? 'Add an account' : 'Add a worker'}>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Username" description="Used to sign in; it cannot be changed later." autoComplete="off" required data-autofocus inputWrapperOrder={['label', 'description', 'input', 'error']} {...form.getInputProps('username')} data-testid="user-username" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="First name" autoComplete="off" required {...form.getInputProps('first_name')} data-testid="user-first-name" />
          <TextInput label="Last name" autoComplete="off" required {...form.getInputProps('last_name')} data-testid="user-last-name" />
          <TextInput label="Email" type="email" autoComplete="off" placeholder="Optional" {...form.getInputProps('email')} data-testid="user-email" />
          <TextInput label="Phone" type="tel" autoComplete="off" placeholder="Optional, e.g. +1 555 0100" {...form.getInputProps('phone')} data-testid="user-phone" />
          <Select
            label="Role"
            data={roleChoices.map((key) => ({ value: key, label: ROLE_NAMES[key] }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
            onChange={(value) => {
              if (value) form.setFieldValue('role', value as RoleKey);
            }}
            data-testid="user-role"
          />
          {isAdmin ? (
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
        </SimpleGrid>
        <TemporaryPassword
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
    <Dialog opened={opened} onClose={onClose} title={actor.role === 'super_admin' ? 'Add an account' : 'Add a worker'}>
      <CreateForm actor={actor} onClose={onClose} />
    </Dialog>
  );
}

interface EditValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  manager_id: string | null;
  password: string;
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Only what the form changed, as `users.update` takes it. */
function changesOf(values: EditValues, user: UserDto, withManager: boolean): UpdateUserInput {
  const changes: UpdateUserInput = {};
  if (values.first_name.trim() !== user.first_name) changes.first_name = values.first_name.trim();
  if (values.last_name.trim() !== user.last_name) changes.last_name = values.last_name.trim();
  if (blankToNull(values.email) !== user.email) changes.email = blankToNull(values.email);
  if (blankToNull(values.phone) !== user.phone) changes.phone = blankToNull(values.phone);
  const managerId = values.manager_id ? Number(values.manager_id) : null;
  if (withManager && managerId !== user.manager_id) changes.manager_id = managerId;
  if (values.password !== '') changes.password = values.password;
  return changes;
}

function EditForm({ actor, user, onClose }: { actor: UserDto; user: UserDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const isSelf = actor.id === user.id;
  const withManager = actor.role === 'super_admin' && !isSelf && isOneOf(WORKER_ROLES, user.role);
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
    },
    validate: {
      first_name: required('a first name'),
      last_name: required('a last name'),
      password: temporaryPasswordRule(policy, true),
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

  const changes = changesOf(form.values, user, withManager);
  const dirty = Object.keys(changes).length > 0;
  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate({ id: user.id, changes: changesOf(values, user, withManager) });
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
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          Username <b>{user.username}</b> · {ROLE_NAMES[user.role]}. Change the role with “Change role” in the list.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="First name" autoComplete="off" required data-autofocus {...form.getInputProps('first_name')} data-testid="user-first-name" />
          <TextInput label="Last name" autoComplete="off" required {...form.getInputProps('last_name')} data-testid="user-last-name" />
          <TextInput label="Email" type="email" autoComplete="off" placeholder="Not given" {...form.getInputProps('email')} data-testid="user-email" />
          <TextInput label="Phone" type="tel" autoComplete="off" placeholder="Not given" {...form.getInputProps('phone')} data-testid="user-phone" />
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
        </SimpleGrid>
        {isSelf ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
            This is your own account: change your password from the account menu.
          </Alert>
        ) : (
          <TemporaryPassword
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
  const last = useRef(user);
  if (user) last.current = user;
  const shown = user ?? last.current;
  return (
    <Dialog opened={user !== null} onClose={onClose} title={shown ? `Edit ${fullName(shown)}` : 'Edit account'}>
      {shown ? <EditForm key={shown.id} actor={actor} user={shown} onClose={onClose} /> : null}
    </Dialog>
  );
}
