import { Button, Group, Kbd, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CashMovementDto } from '../../../../shared/schemas/cash';
import { FormError } from '../../components/FormError';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, centsFromInput, formatMoney } from '../../lib/money';
import { notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { titleStyles } from './dialog-styles';
import { useRefreshTill } from './use-refresh-till';

export type MovementType = CashMovementDto['type'];

const TEXT: Record<MovementType, { title: string; action: string; hint: string; done: string }> = {
  in: { title: 'Cash in', action: 'Add cash', hint: 'e.g. Float top-up, change from the bank', done: 'added to' },
  out: { title: 'Cash out', action: 'Take cash out', hint: 'e.g. Safe drop, paid out for milk', done: 'taken out of' },
};

interface CashMovementDialogProps {
  /** Which way the cash goes; null when the dialog is shut. */
  type: MovementType | null;
  sessionId: number;
  registerName: string;
  onClose: () => void;
}

function MovementForm({ type, sessionId, registerName, onClose }: Omit<CashMovementDialogProps, 'type'> & { type: MovementType }) {
  const trpc = useTRPC();
  const refresh = useRefreshTill();
  const [amount, setAmount] = useState<string | number>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; form?: string }>({});
  const text = TEXT[type];
  const move = useMutation(
    trpc.cashSessions.addMovement.mutationOptions({
      onSuccess: async (movement) => {
        notifySuccess(`${formatMoney(movement.amount_cents)} ${text.done} the drawer of ${registerName}.`, text.title);
        onClose();
        await refresh();
      },
      onError: (error) => {
        const fields = apiErrorOf(error)?.fields ?? {};
        const fieldText = (key: string) => fields[`movement.${key}`]?.join(' ') ?? fields[key]?.join(' ');
        const amountError = fieldText('amount_cents');
        const reasonError = fieldText('reason');
        setErrors({
          amount: amountError,
          reason: reasonError,
          form: amountError || reasonError ? undefined : errorMessageOf(error),
        });
      },
    }),
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (move.isPending) return;
        const cents = centsFromInput(amount);
        const found = {
          amount: cents === null || cents === 0 ? 'Enter an amount above zero.' : undefined,
          reason: reason.trim() === '' ? 'Say why the cash moves.' : undefined,
        };
        setErrors(found);
        if (cents === null || found.amount || found.reason) return;
        move.mutate({ id: sessionId, movement: { type, amount_cents: cents, reason: reason.trim() } });
      }}
      noValidate
      aria-label={text.title}
    >
      <Stack gap="md">
        <FormError message={errors.form ?? null} />
        <NumberInput
          label="Amount"
          size="lg"
          leftSection={<Text fw={600}>{CURRENCY_SYMBOL}</Text>}
          placeholder={(0).toFixed(CURRENCY_DECIMALS)}
          decimalScale={CURRENCY_DECIMALS}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          required
          value={amount}
          onChange={(value) => {
            setAmount(value);
            setErrors((e) => ({ ...e, amount: undefined }));
          }}
          error={errors.amount}
          data-autofocus
          data-testid="movement-amount"
        />
        <TextInput
          label="Reason"
          placeholder={text.hint}
          required
          autoComplete="off"
          maxLength={200}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setErrors((e) => ({ ...e, reason: undefined }));
          }}
          error={errors.reason}
          data-testid="movement-reason"
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> records it · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={move.isPending}>
              Cancel
            </Button>
            <Button
              type="submit"
              leftSection={type === 'in' ? <IconArrowDownRight size={18} /> : <IconArrowUpRight size={18} />}
              loading={move.isPending}
              data-testid="movement-submit"
            >
              {text.action}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Cash into or out of an open drawer without a sale (a float top-up, a safe drop), with its reason. */
export function CashMovementDialog({ type, ...rest }: CashMovementDialogProps) {
  // The title stays while the dialog fades out.
  const shown = useLingering(type);
  return (
    <Modal opened={type !== null} onClose={rest.onClose} title={shown ? TEXT[shown].title : ''} size="md" centered styles={titleStyles}>
      <div data-testid="movement-dialog" data-type={type ?? undefined}>
        {type ? <MovementForm key={type} type={type} {...rest} /> : null}
      </div>
    </Modal>
  );
}
