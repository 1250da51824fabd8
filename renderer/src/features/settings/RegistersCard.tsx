import { Badge, Button, NativeSelect, Text } from '@mantine/core';
import { IconCashRegister, IconStar } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterDto } from '../../../../shared/schemas/cash';
import type { PrinterDto } from '../../../../shared/schemas/printing';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { AddNamedRowForm } from './AddNamedRowForm';
import { nameRule } from './named-rows';
import { NamedRowsCard } from './NamedRowsCard';
import { NamedRowsTable } from './NamedRowsTable';

const MAX_NAME = 100;

function useRefreshRegisters() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.registers.list.queryKey() });
}

function AddRegisterForm() {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  return (
    <AddNamedRowForm
      label="Add a register"
      testIdStem="register"
      nameInput={{ placeholder: 'Name of the new register, e.g. Till 2', label: 'Name of the new register', maxLength: MAX_NAME }}
      buttonText="Add register"
      initialValues={{ name: '' }}
      validate={{ name: nameRule }}
      toVariables={(values) => ({ name: values.name.trim() })}
      mutationOptions={(callbacks) => trpc.registers.create.mutationOptions(callbacks)}
      added={(register: RegisterDto) => `${register.name} is added. Open a drawer on it at the till.`}
      addedTitle="Register added"
      failureTitle="Could not add the register"
      refresh={refresh}
    />
  );
}

/** The register's receipt printer, changed at once; "None" prints in the browser's dialog. */
function RegisterPrinterSelect({ register, printers }: { register: RegisterDto; printers: readonly PrinterDto[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  const choose = useMutation(
    trpc.registers.update.mutationOptions({
      onSuccess: async (saved) => {
        const printer = printers.find((p) => p.id === saved.printer_id);
        notifySuccess(printer ? `${saved.name} prints on ${printer.name}.` : `${saved.name} has no printer now.`, 'Register’s printer');
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not change the register’s printer'),
    }),
  );
  return (
    <NativeSelect
      size="xs"
      aria-label={`Printer of ${register.name}`}
      value={register.printer_id === null ? '' : String(register.printer_id)}
      data={[{ value: '', label: 'None (browser)' }, ...printers.map((p) => ({ value: String(p.id), label: p.name }))]}
      disabled={choose.isPending}
      onChange={(event) => {
        const value = event.currentTarget.value;
        choose.mutate({ id: register.id, changes: { printer_id: value === '' ? null : Number(value) } });
      }}
      data-testid="register-printer"
    />
  );
}

function RegisterRows({ registers }: { registers: RegisterDto[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegisters();
  const printers = useQuery(trpc.printing.list.queryOptions());
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
    <NamedRowsTable
      rows={registers}
      testIdStem="register"
      tableTestId="registers-table"
      nameHeader="Register"
      columns={[
        {
          header: 'Printer',
          cell: (register) => <RegisterPrinterSelect register={register} printers={printers.data ?? []} />,
        },
        {
          header: 'Drawer',
          cell: (register) =>
            register.open_session_id === null ? (
              <Text size="sm" c="dimmed">
                Closed
              </Text>
            ) : (
              <Badge size="sm" variant="dot" color="teal" tt="none" fw={500} data-testid="register-session-open">
                Open (session #{register.open_session_id})
              </Badge>
            ),
        },
      ]}
      rowAttributes={(register) => ({ 'data-register-id': register.id, 'data-default': register.is_default })}
      badge={(register) =>
        register.is_default ? (
          <Badge size="sm" variant="light" tt="none" data-testid="register-default-badge">
            Default
          </Badge>
        ) : null
      }
      actions={(register, renameButton) => (
        <>
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
          {renameButton}
        </>
      )}
      rename={{
        title: 'Rename the register',
        maxLength: MAX_NAME,
        mutationOptions: (callbacks) => trpc.registers.update.mutationOptions(callbacks),
        variables: (register, name) => ({ id: register.id, changes: { name } }),
        renamed: (saved) => `The register is now called ${saved.name}.`,
        renamedTitle: 'Register renamed',
        failureTitle: 'Could not rename the register',
      }}
      refresh={refresh}
    />
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
    <NamedRowsCard
      testId="registers-card"
      icon={<IconCashRegister size={20} aria-hidden />}
      title="Registers"
      description="Each till with its own cash drawer. Sales that name no register go to the default one."
      query={registers}
      loadingLabel="Loading the registers…"
      rows={(list) => <RegisterRows registers={list} />}
      addForm={<AddRegisterForm />}
    />
  );
}
