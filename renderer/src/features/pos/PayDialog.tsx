import { Alert, Button, Group, Kbd, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCash } from '@tabler/icons-react';
import { useState } from 'react';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, centsFromInput, formatMoney, formatWholeMoney } from '../../lib/money';
import classes from './Pos.module.css';

/** Notes a customer is likely to hand over for this total (the next round amounts above it). */
export function suggestedTenders(totalCents: number): number[] {
  const notes = [500, 1000, 2000, 5000, 10_000, 20_000].map((n) => n * 10 ** (CURRENCY_DECIMALS - 2));
  const above = notes.filter((n) => n > totalCents).slice(0, 3);
  return above.length > 0 ? above : [Math.ceil(totalCents / 10_000) * 10_000];
}

interface PayDialogProps {
  opened: boolean;
  totalCents: number;
  itemCount: number;
  pending: boolean;
  error: string | null;
  onConfirm: (tenderedCents: number) => void;
  onClose: () => void;
}

function PayForm({ totalCents, itemCount, pending, error, onConfirm, onClose }: Omit<PayDialogProps, 'opened'>) {
  const [tendered, setTendered] = useState<string | number>('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // Empty means the exact amount: the quickest case needs only Enter.
  const tenderedCents = tendered === '' ? totalCents : centsFromInput(tendered);
  const change = tenderedCents === null ? null : tenderedCents - totalCents;
  const short = change !== null && change < 0;

  const confirm = (cents: number | null) => {
    if (pending) return;
    if (cents === null) {
      setRefusal('Enter the cash tendered, e.g. 20 or 20.50.');
      return;
    }
    if (cents < totalCents) {
      setRefusal(`The cash tendered is ${formatMoney(totalCents - cents)} short of the total.`);
      return;
    }
    setRefusal(null);
    onConfirm(cents);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        confirm(tenderedCents);
      }}
      aria-label="Cash payment"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              Total · {itemCount === 1 ? '1 item' : `${itemCount} items`}
            </Text>
            <Text className={classes.grandTotal} data-testid="pay-total">
              {formatMoney(totalCents)}
            </Text>
          </Stack>
        </Group>
        <NumberInput
          label="Cash tendered"
          description="Leave it empty for the exact amount."
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          size="xl"
          styles={{
            label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 },
            description: { fontSize: 'var(--mantine-font-size-xs)' },
            error: { fontSize: 'var(--mantine-font-size-sm)' },
          }}
          leftSection={<Text fw={600}>{CURRENCY_SYMBOL}</Text>}
          placeholder={(totalCents / 10 ** CURRENCY_DECIMALS).toFixed(CURRENCY_DECIMALS)}
          decimalScale={CURRENCY_DECIMALS}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          value={tendered}
          onChange={(value) => {
            setTendered(value);
            setRefusal(null);
          }}
          error={refusal}
          data-autofocus
          data-testid="tendered-input"
        />
        <SimpleGrid cols={4} spacing="xs">
          <Button variant="default" onClick={() => confirm(totalCents)} disabled={pending}>
            Exact
          </Button>
          {suggestedTenders(totalCents).map((cents) => (
            <Button key={cents} variant="default" onClick={() => setTendered(cents / 10 ** CURRENCY_DECIMALS)} disabled={pending}>
              {formatWholeMoney(cents)}
            </Button>
          ))}
        </SimpleGrid>
        <Group
          justify="space-between"
          p="md"
          style={{
            borderRadius: 'var(--mantine-radius-md)',
            background: short ? 'var(--mantine-color-red-light)' : 'var(--mantine-color-teal-light)',
          }}
        >
          <Text fw={600} size="lg">
            {short ? 'Still due' : 'Change due'}
          </Text>
          <Text fw={750} fz={30} className={classes.money} c={short ? 'red' : 'teal.8'} data-testid="change-due" data-short={short}>
            {change === null ? '—' : formatMoney(Math.abs(change))}
          </Text>
        </Group>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="pay-error">
            {error}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> confirms
            <br />
            <Kbd size="xs">Esc</Kbd> back to the cart
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Back
            </Button>
            <Button type="submit" leftSection={<IconCash size={18} />} loading={pending} data-testid="confirm-sale">
              Confirm sale
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Cash payment: tendered amount, live change, Enter to confirm; too little cash is refused. */
export function PayDialog({ opened, onClose, pending, ...rest }: PayDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={() => (pending ? undefined : onClose())}
      title="Cash payment"
      size="md"
      centered
      closeOnClickOutside={!pending}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div data-testid="pay-dialog">{opened ? <PayForm onClose={onClose} pending={pending} {...rest} /> : null}</div>
    </Modal>
  );
}
