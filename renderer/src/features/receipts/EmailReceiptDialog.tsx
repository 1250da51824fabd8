import { Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReceiptEmailResult } from '../../../../shared/schemas/receipt-email';
import { FormError } from '../../components/FormError';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { notifySuccess, notifyWarning } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { titleStyles } from '../till/dialog-styles';
import { useOpenAboveOthers } from './nested-dialogs';
import type { ReceiptTarget } from './receipt-target';

interface EmailReceiptDialogProps {
  /** The receipt to send; null when the dialog is shut. */
  target: ReceiptTarget | null;
  receiptNo: number | null;
  onClose: () => void;
}

function EmailForm({ target, receiptNo, onClose }: { target: ReceiptTarget; receiptNo: number | null; onClose: () => void }) {
  const trpc = useTRPC();
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ to?: string; form?: string }>({});
  const settle = {
    onSuccess: (result: ReceiptEmailResult) => {
      // Kept in the outbox is no failure, but the customer gets nothing yet: the cashier must know.
      if (result.status === 'outbox') notifyWarning(result.message, 'Not sent yet');
      else notifySuccess(result.message, 'Receipt sent');
      onClose();
    },
    onError: (error: unknown) => {
      const field = apiErrorOf(error)?.fields?.to?.join(' ');
      setErrors(field ? { to: field } : { form: errorMessageOf(error) });
    },
  };
  const sendOrder = useMutation(trpc.receipts.emailOrder.mutationOptions(settle));
  const sendRefund = useMutation(trpc.receipts.emailRefund.mutationOptions(settle));
  const pending = sendOrder.isPending || sendRefund.isPending;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const address = to.trim();
        if (address === '') {
          setErrors({ to: 'Enter the e-mail address to send the receipt to.' });
          return;
        }
        setErrors({});
        const input = { id: target.id, to: address };
        if (target.kind === 'order') sendOrder.mutate(input);
        else sendRefund.mutate(input);
      }}
      noValidate
      aria-label="Send the receipt by e-mail"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {receiptNo !== null ? `Receipt ${receiptNo}` : 'The receipt'} goes out as text and HTML, through the shop’s mail server.
        </Text>
        <FormError message={errors.form ?? null} />
        <TextInput
          label="E-mail address"
          type="email"
          inputMode="email"
          autoComplete="email"
          placeholder="customer@example.com"
          required
          maxLength={254}
          value={to}
          onChange={(event) => {
            setTo(event.currentTarget.value);
            setErrors({});
          }}
          error={errors.to}
          data-autofocus
          data-testid="receipt-email-to"
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> sends · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconMail size={18} />} loading={pending} data-testid="receipt-email-send">
              Send
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** "Send by e-mail": one address, Enter sends; the server's word on a bad address shows under it. */
export function EmailReceiptDialog({ target, receiptNo, onClose }: EmailReceiptDialogProps) {
  const shown = useLingering(target);
  useOpenAboveOthers(target !== null);
  return (
    <Modal opened={target !== null} onClose={onClose} title="Send the receipt by e-mail" size="md" centered styles={titleStyles}>
      <div data-testid="receipt-email-dialog">
        {shown ? <EmailForm key={`${shown.kind}-${shown.id}`} target={shown} receiptNo={receiptNo} onClose={onClose} /> : null}
      </div>
    </Modal>
  );
}
