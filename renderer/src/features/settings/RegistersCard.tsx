import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCashRegister, IconPencil, IconPlus, IconStar } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegisterDto } from '../../../../shared/schemas/cash';
import { FormError } from '../../components/FormError';
import { RowAction } from '../../components/RowAction';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsCard } from './SettingsCard';

const MAX_NAME = 100;
const nameRule = (value: string) => (value.trim() === '' ? 'Enter a name.' : null);

function useRefreshRegisters() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.registers.list.queryKey() });
}

function AddRegisterForm() {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '' }, validate: { name: nameRule } });
  const create = useMutation(
    trpc.registers.create.mutationOptions({
      onSuccess: async (register) => {
        notifySuccess(`${register.name} is added. Open a drawer on it at the till.`, 'Register added');
        form.reset();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not add the register');
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate({ name: values.name.trim() });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a register">
      <Stack gap="xs">
        <FormError message={formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            placeholder="Name of the new register, e.g. Till 2"
            aria-label="Name of the new register"
            maxLength={MAX_NAME}
            autoComplete="off"
            style={{ flex: 1 }}
            {...form.getInputProps('name')}
            data-testid="register-add-name"
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.isPending} data-testid="register-add">
            Add register
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameDialog({ register, onClose }: { register: RegisterDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: register.name }, validate: { name: nameRule } });
  const rename = useMutation(
    trpc.registers.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`The register is now called ${saved.name}.`, 'Register renamed');
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, stripChanges));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not rename the register');
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const name = values.name.trim();
    if (name === register.name) onClose();
    else rename.mutate({ id: register.id, changes: { name } });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Rename ${register.name}`}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={MAX_NAME}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
          data-testid="register-rename-name"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending} data-testid="register-rename-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RegisterRows({ registers }: { registers: RegisterDto[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  const [renaming, setRenaming] = useState<RegisterDto | null>(null);
  const makeDefault = useMutation(
    trpc.registers.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`Sales without a register named now go to ${saved.name}.`, 'Default register');
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not change the default register'),
    }),
  );
  return (
    <>
      <Table verticalSpacing="xs" data-testid="registers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Register</Table.Th>
            <Table.Th>Drawer</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {registers.map((register) => (
            <Table.Tr key={register.id} data-testid="register-row" data-register-id={register.id} data-default={register.is_default}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500} data-testid="register-name">
                    {register.name}
                  </Text>
                  {register.is_default ? (
                    <Badge size="sm" variant="light" tt="none" data-testid="register-default-badge">
                      Default
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {register.open_session_id === null ? (
                  <Text size="sm" c="dimmed">
                    Closed
                  </Text>
                ) : (
                  <Badge size="sm" variant="dot" color="teal" tt="none" fw={500} data-testid="register-session-open">
                    Open (session #{register.open_session_id})
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {register.is_default ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconStar size={14} />}
                      loading={makeDefault.isPending && makeDefault.variables?.id === register.id}
                      onClick={() => makeDefault.mutate({ id: register.id, changes: { is_default: true } })}
                      data-testid="register-make-default"
                    >
                      Make default
                    </Button>
                  )}
                  <RowAction
                    tooltip="Rename"
                    label={`Rename ${register.name}`}
                    icon={<IconPencil size={16} />}
                    onClick={() => setRenaming(register)}
                    testId="register-rename"
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title="Rename the register"
        size="sm"
        centered
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {renaming ? <RenameDialog register={renaming} onClose={() => setRenaming(null)} /> : null}
      </Modal>
    </>
  );
}

/**
 * The shop's tills (managers and up): add one, rename one, choose the default (where sales
 * without a register go), and see which has a drawer open now.
 */
export function RegistersCard() {
  const trpc = useTRPC();
  const registers = useQuery(trpc.registers.list.queryOptions());
  return (
    <SettingsCard
      testId="registers-card"
      icon={<IconCashRegister size={20} aria-hidden />}
      title="Registers"
      description="Each till with its own cash drawer. Sales that name no register go to the default one."
      query={registers}
      loadingLabel="Loading the registers…"
    >
      {(list) => (
        <Stack gap="md">
          <RegisterRows registers={list} />
          <AddRegisterForm />
        </Stack>
      )}
    </SettingsCard>
  );
}
