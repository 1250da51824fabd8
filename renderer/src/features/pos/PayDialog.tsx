import { Alert, Button, Group, Kbd, Loader, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCash, IconPlus, IconUserShield } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/schemas/orders';
import { CURRENCY_DECIMALS, CURRENCY_SYMBOL, centsFromInput, formatWholeMoney } from '../../lib/money';
import { PaySummary } from './PaySummary';
import { TenderOutcomeBar } from './TenderOutcomeBar';
import { applyTender, planState, suggestedTenders, type PlannedPayment } from './tender-plan';
import { METHOD_KEYS, METHOD_LABELS, methodOfKey, refusalMessage } from './tender-text';

interface PayDialogProps {
  opened: boolean;
  totalCents: number;
  itemCount: number;
  /** The shop's `cash_rounding_cents`; null until `shop.get` answered. */
  roundingStep: number | null;
  pending: boolean;
  error: string | null;
  /** A manager's approval is asked on top: Esc is that dialog's (both listen on the window). */
  approvalAsked: boolean;
  /** Shown above the payment: the discount is beyond the cashier's limit. */
  notice: string | null;
  onConfirm: (payments: PlannedPayment[]) => void;
  onClose: () => void;
}

type PayFormProps = Omit<PayDialogProps, 'opened' | 'roundingStep' | 'approvalAsked'> & { roundingStep: number };

const inputStyles = {
  label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 },
  description: { fontSize: 'var(--mantine-font-size-xs)' },
  error: { fontSize: 'var(--mantine-font-size-sm)' },
};

function PayForm({ totalCents, itemCount, roundingStep, pending, error, notice, onConfirm, onClose }: PayFormProps) {
  const [added, setAdded] = useState<PlannedPayment[]>([]);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  // Empty means "the rest, exactly": the quickest case needs only Enter.
  const [entered, setEntered] = useState<string | number>('');
  const [reference, setReference] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement | null>(null);

  const state = planState(totalCents, added, method, roundingStep);
  const enteredCents = entered === '' ? null : centsFromInput(entered);
  const unreadable = entered !== '' && enteredCents === null;
  const preview = unreadable ? null : applyTender(state, added, method, enteredCents, reference);
  const focusAmount = () => requestAnimationFrame(() => amountRef.current?.focus());

  const choose = (next: PaymentMethod) => {
    setMethod(next);
    setEntered('');
    setRefusal(null);
    focusAmount();
  };

  const take = (cents: number | null) => {
    if (pending) return;
    const outcome = applyTender(state, added, method, cents, reference);
    if (outcome.kind === 'refused') {
      setRefusal(refusalMessage(outcome.refusal, method));
      return;
    }
    setRefusal(null);
    if (outcome.kind === 'partial') {
      setAdded([...added, outcome.payment]);
      setEntered('');
      setReference('');
      focusAmount();
      return;
    }
    onConfirm(outcome.payments);
  };

  const cash = method === 'cash';
  const rest = Math.max(0, state.remainingCents) / 10 ** CURRENCY_DECIMALS;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (unreadable) setRefusal(refusalMessage({ reason: 'not_an_amount' }, method));
        else take(enteredCents);
      }}
      onKeyDown={(event) => {
        const next = methodOfKey(event.key);
        if (next && !event.ctrlKey && !event.altKey && !event.metaKey) {
          event.preventDefault();
          choose(next);
        }
      }}
      aria-label="Payment"
    >
      <Stack gap="md">
        <PaySummary
          totalCents={totalCents}
          itemCount={itemCount}
          state={state}
          added={added}
          onRemove={(index) => setAdded(added.filter((_, i) => i !== index))}
          disabled={pending}
        />
        {notice ? (
          <Alert color="orange" variant="light" icon={<IconUserShield />} p="xs" data-testid="pay-approval-notice">
            {notice}
          </Alert>
        ) : null}
        <SegmentedControl
          fullWidth
          size="md"
          value={method}
          onChange={(value) => choose(PAYMENT_METHODS.find((m) => m === value) ?? 'cash')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: `${METHOD_LABELS[m]} · ${METHOD_KEYS[m]}` }))}
          disabled={pending}
          aria-label="Tender"
          data-testid="pay-method"
          data-method={method}
        />
        <NumberInput
          ref={amountRef}
          label={cash ? 'Cash tendered' : `${METHOD_LABELS[method]} amount`}
          description={
            cash ? 'Empty pays the rest exactly; less than the rest is a part payment.' : 'Empty pays the rest; less is a part payment.'
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          size="xl"
          styles={inputStyles}
          leftSection={<Text fw={600}>{CURRENCY_SYMBOL}</Text>}
          placeholder={rest.toFixed(CURRENCY_DECIMALS)}
          decimalScale={CURRENCY_DECIMALS}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          value={entered}
          onChange={(value) => {
            setEntered(value);
            setRefusal(null);
          }}
          error={refusal}
          data-autofocus
          data-testid="tendered-input"
        />
        {cash ? (
          <SimpleGrid cols={4} spacing="xs">
            <Button variant="default" onClick={() => take(null)} disabled={pending} data-testid="tender-exact">
              Exact
            </Button>
            {suggestedTenders(Math.max(0, state.remainingCents), CURRENCY_DECIMALS).map((cents) => (
              <Button
                key={cents}
                variant="default"
                onClick={() => {
                  setEntered(cents / 10 ** CURRENCY_DECIMALS);
                  setRefusal(null);
                  focusAmount();
                }}
                disabled={pending}
                data-testid="tender-note"
              >
                {formatWholeMoney(cents)}
              </Button>
            ))}
          </SimpleGrid>
        ) : (
          <TextInput
            label={method === 'card' ? 'Card reference (optional)' : 'Reference (optional)'}
            placeholder={method === 'card' ? 'Last digits or approval code' : 'Voucher or transfer number'}
            maxLength={100}
            styles={inputStyles}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            data-testid="reference-input"
          />
        )}
        <TenderOutcomeBar preview={preview} method={method} />
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="pay-error">
            {error}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> {preview?.kind === 'partial' ? 'adds the payment' : 'confirms'} · <Kbd size="xs">F6</Kbd>–
            <Kbd size="xs">F8</Kbd> tender
            <br />
            <Kbd size="xs">Esc</Kbd> back to the sale{added.length > 0 ? ' (drops the payments taken)' : ''}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Back
            </Button>
            <Button
              type="submit"
              leftSection={preview?.kind === 'partial' ? <IconPlus size={18} /> : <IconCash size={18} />}
              loading={pending}
              data-testid="confirm-sale"
              data-action={preview?.kind === 'partial' ? 'add' : 'confirm'}
            >
              {preview?.kind === 'partial' ? 'Add payment' : 'Confirm sale'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Taking the payment: cash (tendered, quick amounts, change), card (optional reference), other,
 * or several of them (a split sale: each part is added, the rest stays on screen). Nothing is
 * recorded until the payments cover the amount due.
 */
export function PayDialog({ opened, onClose, pending, roundingStep, approvalAsked, ...rest }: PayDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={() => (pending ? undefined : onClose())}
      closeOnEscape={!approvalAsked}
      title="Payment"
      size="lg"
      centered
      closeOnClickOutside={!pending}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div data-testid="pay-dialog">
        {!opened ? null : roundingStep === null ? (
          <Group justify="center" py="xl">
            <Loader />
          </Group>
        ) : (
          <PayForm onClose={onClose} pending={pending} roundingStep={roundingStep} {...rest} />
        )}
      </div>
    </Modal>
  );
}
