import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconReceiptRefund } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { OrderDto, PaymentMethod } from '../../../../shared/schemas/orders';
import type { RefundDto } from '../../../../shared/schemas/refunds';
import type { UserDto } from '../../../../shared/schemas/users';
import { formatMoney } from '../../lib/money';
import { useShopSettings } from '../../lib/shop-settings';
import { ApprovalDialog } from '../approval/ApprovalDialog';
import { useDeskRegister } from '../till/desk-register';
import { RefundLineRow } from './RefundLineRow';
import {
  chosenLinesOf,
  defaultTenderOf,
  dueOf,
  estimateRefund,
  NO_CHOICE,
  refundableLinesOf,
  refundInputOf,
  type LineChoices,
} from './refund-plan';
import { useRefund } from './use-refund';

const TENDER_OPTIONS: { value: PaymentMethod; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'other', label: 'Other' },
];
const isTender = (value: string): value is PaymentMethod => TENDER_OPTIONS.some((option) => option.value === value);

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

interface RefundDialogProps {
  opened: boolean;
  order: OrderDto;
  /** The sale's earlier refunds: the last unit of a line gives back what they left. */
  earlier: readonly RefundDto[];
  actor: UserDto;
  onClose: () => void;
  onRefunded: (refund: RefundDto) => void;
}

interface RefundFormProps extends Omit<RefundDialogProps, 'opened'> {
  onAsking: (asking: boolean) => void;
}

function RefundForm({ order, earlier, actor, onClose, onRefunded, onAsking }: RefundFormProps) {
  const settings = useShopSettings();
  const desk = useDeskRegister();
  const [choices, setChoices] = useState<LineChoices>({});
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<PaymentMethod>(() => defaultTenderOf(order));
  const [missing, setMissing] = useState<{ lines?: string; reason?: string }>({});
  // The core's due after a payment_mismatch, for exactly the choice it answered.
  const [corrected, setCorrected] = useState<{ dueCents: number; for: string } | null>(null);
  const lines = refundableLinesOf(order);
  const estimate = estimateRefund(order, earlier, choices);
  const chosen = chosenLinesOf(order, choices);
  const fingerprint = JSON.stringify({ chosen, method });
  const refund = useRefund(order.id, { onRefunded, onDueCorrected: (dueCents) => setCorrected({ dueCents, for: fingerprint }) });

  const estimatedDue = estimate === null ? null : dueOf(estimate.totalCents, method, settings?.cash_rounding_cents ?? 1);
  const dueCents = corrected?.for === fingerprint ? corrected.dueCents : estimatedDue;
  const failure = refund.failure;
  const drawerClosed = failure?.kind === 'no_drawer' || (desk.loaded && desk.register !== null && desk.openSessionId === null);

  const input = () => refundInputOf({ items: chosen, method, dueCents: dueCents ?? 0, reason, registerId: desk.register?.id ?? null });

  const submit = () => {
    if (refund.pending) return;
    const problems = {
      lines: chosen.length === 0 ? 'Choose at least one unit to refund.' : undefined,
      reason: reason.trim() ? undefined : 'Say why the sale is refunded.',
    };
    setMissing(problems);
    if (problems.lines || problems.reason || dueCents === null) return;
    refund.start(input());
  };

  const asking = refund.asking;
  useEffect(() => onAsking(asking), [asking, onAsking]);

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A portal passes React events up its owner's tree: nothing around the dialog may act on it.
          event.stopPropagation();
          submit();
        }}
        noValidate
        aria-label="Refund"
      >
        <Stack gap="md">
          <Table verticalSpacing="xs" fz="sm" withTableBorder data-testid="refund-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right" w={60}>
                  Left
                </Table.Th>
                <Table.Th>Refund</Table.Th>
                <Table.Th>Goes</Table.Th>
                <Table.Th ta="right" w={100}>
                  Amount
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <RefundLineRow
                  key={line.order_item_id}
                  line={line}
                  choice={choices[line.order_item_id] ?? NO_CHOICE}
                  estimateCents={estimate?.lineCents.get(line.order_item_id) ?? null}
                  onChange={(choice) => setChoices((now) => ({ ...now, [line.order_item_id]: choice }))}
                />
              ))}
            </Table.Tbody>
          </Table>
          {missing.lines && chosen.length === 0 ? (
            <Text size="sm" c="red" role="alert">
              {missing.lines}
            </Text>
          ) : null}
          <TextInput
            label="Reason"
            required
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reason.trim() ? undefined : missing.reason}
            placeholder="Wrong size, faulty, changed mind…"
            data-testid="refund-reason"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Pay back by
            </Text>
            <SegmentedControl
              data={TENDER_OPTIONS}
              value={method}
              onChange={(value) => {
                if (isTender(value)) setMethod(value);
              }}
              data-testid="refund-tender"
              data-method={method}
            />
          </Stack>
          <Group justify="space-between" align="baseline">
            <Text size="sm" c="dimmed">
              {corrected?.for === fingerprint ? 'As the shop reckons it' : 'Estimated'}
              {method === 'cash' && (settings?.cash_rounding_cents ?? 1) > 1 ? ', rounded for cash' : ''}
            </Text>
            <Text fz={24} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="refund-total">
              {dueCents === null ? '—' : formatMoney(dueCents)}
            </Text>
          </Group>
          {drawerClosed ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="refund-drawer-closed">
              The drawer of this till{desk.register ? ` (${desk.register.name})` : ''} is closed: a refund belongs to an open drawer.{' '}
              <Anchor component={Link} to="/till" data-testid="refund-open-till">
                Open it on the Cash drawer page
              </Anchor>
              .
            </Alert>
          ) : null}
          {failure && failure.kind !== 'no_drawer' ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="refund-error">
              {failure.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={refund.pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="red"
              leftSection={<IconReceiptRefund size={18} />}
              loading={refund.pending}
              data-testid="refund-submit"
            >
              Refund{dueCents === null ? '' : ` ${formatMoney(dueCents)}`}
            </Button>
          </Group>
        </Stack>
      </form>
      <ApprovalDialog
        opened={asking}
        actor={actor}
        reason={
          <>
            <b>A refund needs a manager.</b> Paying back {dueCents === null ? '' : `${formatMoney(dueCents)} `}on receipt no.{' '}
            {order.receipt_no} needs a manager&apos;s approval. The manager types their username and PIN here.
          </>
        }
        pending={refund.pending}
        error={refund.approvalError}
        onApproved={(approval) => refund.approve(input(), approval)}
        onCancel={refund.cancelApproval}
      />
    </>
  );
}

/**
 * A refund of a completed sale: which units come back (restocked or damaged), why, and how the
 * money goes back; it belongs to this desk's open drawer. Cashiers and attendants refund with a
 * manager's approval.
 */
export function RefundDialog({ opened, onClose, ...rest }: RefundDialogProps) {
  const [asking, setAsking] = useState(false);
  const close = () => {
    setAsking(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      // Esc while the approval is asked closes only the approval (both listen on the window).
      closeOnEscape={!asking}
      title={`Refund receipt no. ${rest.order.receipt_no ?? '—'}`}
      size="xl"
      centered
      styles={titleStyles}
    >
      <div data-testid="refund-dialog">{opened ? <RefundForm {...rest} onClose={close} onAsking={setAsking} /> : null}</div>
    </Modal>
  );
}
