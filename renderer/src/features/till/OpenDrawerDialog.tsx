import { Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { IconCashRegister } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { apiErrorOf, errorCodeOf, errorMessageOf } from '../../lib/api-error';
import { formatMoney } from '../../lib/money';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { CashCountFields } from './CashCountFields';
import { titleStyles } from './dialog-styles';
import { useCashCount } from './use-cash-count';
import { useRefreshTill } from './use-refresh-till';
import { useTillSettings } from './use-till-settings';

export interface OpenDrawerDialogProps {
  opened: boolean;
  onClose: () => void;
  registerId: number;
  registerName: string;
  /** The new session; the dialog closes itself (onClose) right after. */
  onOpened: (sessionId: number) => void;
}

function OpenDrawerForm({ onClose, registerId, registerName, onOpened }: Omit<OpenDrawerDialogProps, 'opened'>) {
  const trpc = useTRPC();
  const refresh = useRefreshTill();
  const { currency } = useTillSettings();
  const count = useCashCount();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const open = useMutation(
    trpc.cashSessions.open.mutationOptions({
      onSuccess: async (session) => {
        notifySuccess(`${registerName} is open with a float of ${formatMoney(session.opening_float_cents)}.`, 'Drawer open');
        onOpened(session.id);
        onClose();
        await refresh();
      },
      onError: async (error) => {
        if (errorCodeOf(error) === 'session_open') {
          setFailure(`The drawer of ${registerName} is already open: someone opened it a moment ago. Close this window to work on it.`);
          await refresh();
          return;
        }
        const body = apiErrorOf(error);
        setFailure(body?.fields ? Object.values(body.fields).flat().join(' ') : errorMessageOf(error));
      },
    }),
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (open.isPending) return;
        if (count.totalCents === null) {
          setRefusal('Enter the float, or count it below (0 for an empty drawer).');
          return;
        }
        setFailure(null);
        open.mutate({ register_id: registerId, opening_float_cents: count.totalCents });
      }}
      noValidate
      aria-label={`Open the drawer of ${registerName}`}
    >
      <Stack gap="md">
        <Text size="sm">
          Count the cash you put in the drawer of <b>{registerName}</b> to start selling.
        </Text>
        <FormError message={failure} />
        <CashCountFields
          count={count}
          label="Opening float"
          error={refusal}
          currency={currency}
          testId="open-drawer"
          onEdit={() => setRefusal(null)}
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> opens the drawer · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={open.isPending}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconCashRegister size={18} />} loading={open.isPending} data-testid="open-drawer-submit">
              Open drawer
              {count.totalCents === null ? '' : ` with ${formatMoney(count.totalCents)}`}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Opens a cash session on a register: the float, typed or counted by coins and notes; Enter submits. */
export function OpenDrawerDialog({ opened, ...rest }: OpenDrawerDialogProps) {
  return (
    <Modal opened={opened} onClose={rest.onClose} title="Open the drawer" size="lg" centered styles={titleStyles}>
      <div data-testid="open-drawer-dialog">{opened ? <OpenDrawerForm {...rest} /> : null}</div>
    </Modal>
  );
}
