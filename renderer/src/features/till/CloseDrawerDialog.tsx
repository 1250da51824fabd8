import { Alert, Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconUserShield } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CashSessionDto } from '../../../../shared/schemas/cash';
import type { ApprovalInput } from '../../../../shared/schemas/pins';
import type { UserDto } from '../../../../shared/schemas/users';
import { FormError } from '../../components/FormError';
import { apiErrorOf, errorCodeOf, errorMessageOf } from '../../lib/api-error';
import { formatMoney } from '../../lib/money';
import { notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { APPROVAL_REFUSED, ApprovalDialog } from '../approval/ApprovalDialog';
import { CashCountFields } from './CashCountFields';
import { CloseSummary } from './CloseSummary';
import { titleStyles } from './dialog-styles';
import { isBeyondLimit, varianceText } from './till-text';
import { useCashCount } from './use-cash-count';
import { useRefreshTill } from './use-refresh-till';
import { useTillSettings } from './use-till-settings';

interface CloseDrawerDialogProps {
  opened: boolean;
  sessionId: number;
  registerName: string;
  /** Whether this person may close beyond the shop's variance limit (a manager). */
  mayCloseBeyondLimit: boolean;
  /** The signed-in user, who may ask a manager to approve. */
  actor: UserDto;
  onClose: () => void;
  onClosed: (session: CashSessionDto) => void;
}

/** What `approval_required` tells of the count (its `details`), when it says it. */
function approvalDetails(error: unknown): { varianceCents: number; limitCents: number } | null {
  const [detail] = apiErrorOf(error)?.details ?? [];
  if (typeof detail !== 'object' || detail === null || !('variance_cents' in detail) || !('variance_approval_cents' in detail)) return null;
  const { variance_cents: varianceCents, variance_approval_cents: limitCents } = detail;
  return typeof varianceCents === 'number' && typeof limitCents === 'number' ? { varianceCents, limitCents } : null;
}

/** The close waits for a manager: refused for want of an approval, or with a wrong one. */
const needsApproval = (error: unknown) => {
  const code = errorCodeOf(error);
  return code === 'approval_required' || code === 'approval_invalid';
};

/** The server's refusal, in the words the person needs at the drawer. */
function closeFailureOf(error: unknown): { title?: string; message: string } {
  if (errorCodeOf(error) === 'approval_invalid') {
    return {
      title: 'The approval was refused',
      message: `${APPROVAL_REFUSED} Ask a manager again, or count again (Back to the count). The drawer stays open.`,
    };
  }
  if (errorCodeOf(error) === 'approval_required') {
    const details = approvalDetails(error);
    const why = details
      ? `${varianceText(details.varianceCents)}: more than the ${formatMoney(details.limitCents)} a cashier may close with.`
      : errorMessageOf(error);
    return {
      title: 'A manager must close this drawer',
      message: `${why} Count again (Back to the count), or ask a manager to approve the close with their PIN (Ask a manager). The drawer stays open.`,
    };
  }
  const fields = apiErrorOf(error)?.fields;
  return { message: fields ? Object.values(fields).flat().join(' ') : errorMessageOf(error) };
}

interface CloseDrawerFormProps extends Omit<CloseDrawerDialogProps, 'opened'> {
  /** The manager's approval is being asked (its dialog is on top: Esc is its own). */
  asking: boolean;
  onAsking: (asking: boolean) => void;
}

function CloseDrawerForm({
  sessionId,
  registerName,
  mayCloseBeyondLimit,
  actor,
  asking,
  onAsking,
  onClose,
  onClosed,
}: CloseDrawerFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshTill();
  const { currency, varianceLimitCents } = useTillSettings();
  // The running expected cash: read afresh, a sale may have gone in since the page loaded.
  const session = useQuery({ ...trpc.cashSessions.get.queryOptions({ id: sessionId }), refetchOnMount: 'always' });
  const count = useCashCount();
  const [note, setNote] = useState('');
  const [step, setStep] = useState<'count' | 'confirm'>('count');
  const [refusal, setRefusal] = useState<string | null>(null);
  const close = useMutation(
    trpc.cashSessions.close.mutationOptions({
      onSuccess: async (closed) => {
        notifySuccess(
          `${registerName} is closed: ${formatMoney(closed.counted_cash_cents ?? 0)} counted, ${varianceText(closed.variance_cents ?? 0).toLowerCase()}.`,
          'Drawer closed',
        );
        onAsking(false);
        onClosed(closed);
        onClose();
        await refresh();
      },
    }),
  );
  const failure = close.error ? closeFailureOf(close.error) : null;
  // Kept while the approval is asked: a retry clears the error, and a remounted button would take the focus from the PIN.
  const waitsForManager = asking || needsApproval(close.error);
  // Only the answer to a try with an approval speaks of that approval.
  const approvalError = close.variables?.count.approval ? close.error : null;

  const expected = session.data?.expected_cash_cents ?? null;
  const counted = count.totalCents;
  const variance = expected === null || counted === null ? null : counted - expected;
  const needsManager =
    !mayCloseBeyondLimit && variance !== null && varianceLimitCents !== null && isBeyondLimit(variance, varianceLimitCents);

  if (step === 'confirm' && counted !== null) {
    const submitClose = (approval?: ApprovalInput) =>
      close.mutate({
        id: sessionId,
        count: { counted_cash_cents: counted, ...(note.trim() ? { note: note.trim() } : {}), ...(approval ? { approval } : {}) },
      });
    return (
      <>
        <form
          // Its own element: the Close button mounts afresh and takes the focus.
          key="confirm"
          onSubmit={(event) => {
            event.preventDefault();
            if (close.isPending) return;
            // Refused for want of a manager: Enter asks one rather than trying again alone.
            if (waitsForManager) onAsking(true);
            else submitClose();
          }}
          aria-label={`Confirm the close of ${registerName}`}
          data-testid="close-confirm"
        >
          <Stack gap="md">
            <Text size="sm">
              Close the drawer of <b>{registerName}</b> with this count? A closed drawer cannot be reopened; its Z report is final.
            </Text>
            <CloseSummary expectedCents={expected} countedCents={counted} />
            {note.trim() ? (
              <Text size="sm" c="dimmed">
                Note: {note.trim()}
              </Text>
            ) : null}
            {needsManager && !failure ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="Beyond the limit" data-testid="close-limit-warning">
                The difference is more than the {formatMoney(varianceLimitCents ?? 0)} a cashier may close with: a manager must close this
                drawer, or approve the close with their PIN. Count again first.
              </Alert>
            ) : null}
            {failure ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={failure.title} role="alert" data-testid="close-error">
                {failure.message}
              </Alert>
            ) : null}
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                <Kbd size="xs">Enter</Kbd> {waitsForManager ? 'asks a manager' : 'closes the drawer'} · <Kbd size="xs">Esc</Kbd> cancels
              </Text>
              <Group gap="sm" wrap="nowrap">
                <Button
                  variant="default"
                  onClick={() => {
                    close.reset();
                    setStep('count');
                  }}
                  disabled={close.isPending}
                  data-testid="close-back"
                >
                  Back to the count
                </Button>
                {waitsForManager ? (
                  // Its own element: it mounts with the focus once the close is refused.
                  <Button
                    key="ask"
                    type="submit"
                    leftSection={<IconUserShield size={18} />}
                    loading={close.isPending}
                    autoFocus
                    data-testid="close-ask-manager"
                  >
                    Ask a manager
                  </Button>
                ) : (
                  <Button
                    key="close"
                    type="submit"
                    color="red"
                    leftSection={<IconLock size={18} />}
                    loading={close.isPending}
                    autoFocus
                    data-testid="close-submit"
                  >
                    Close drawer
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
        <ApprovalDialog
          opened={asking}
          actor={actor}
          reason={
            <>
              Closing <b>{registerName}</b> {variance === null ? '' : `${varianceText(variance).toLowerCase()} `}needs a manager&apos;s
              approval. The manager types their username and PIN here.
            </>
          }
          pending={close.isPending}
          error={approvalError}
          onApproved={submitClose}
          onCancel={() => onAsking(false)}
        />
      </>
    );
  }

  return (
    <form
      key="count"
      onSubmit={(event) => {
        event.preventDefault();
        if (counted === null) {
          setRefusal('Enter the cash counted in the drawer, or count it below.');
          return;
        }
        void session.refetch();
        setStep('confirm');
      }}
      noValidate
      aria-label={`Count the drawer of ${registerName}`}
      data-testid="close-count"
    >
      <Stack gap="md">
        <Text size="sm">
          Count the cash in the drawer of <b>{registerName}</b>. You will see the difference before the drawer closes.
        </Text>
        <FormError message={session.isError ? errorMessageOf(session.error) : null} />
        <CashCountFields
          count={count}
          label="Counted cash"
          error={refusal}
          currency={currency}
          testId="close-drawer"
          onEdit={() => setRefusal(null)}
          autoFocus
        />
        <CloseSummary expectedCents={expected} countedCents={counted} />
        <TextInput
          label="Note"
          description="Optional: why the drawer is over or short."
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autoComplete="off"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="close-note"
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> shows the difference · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" data-testid="close-review">
              Review the close
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Closing a drawer in two steps: count (typed or by coins and notes, with the difference shown
 * live), then confirm with expected, counted and the difference in front of the person. Enter
 * moves on at each step.
 */
export function CloseDrawerDialog({ opened, onClose, ...rest }: CloseDrawerDialogProps) {
  const [asking, setAsking] = useState(false);
  const cancel = () => {
    setAsking(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={cancel}
      // Esc while the approval is asked closes only the approval (both listen on the window).
      closeOnEscape={!asking}
      title="Close the drawer"
      size="lg"
      centered
      styles={titleStyles}
    >
      <div data-testid="close-drawer-dialog">
        {opened ? <CloseDrawerForm {...rest} asking={asking} onAsking={setAsking} onClose={cancel} /> : null}
      </div>
    </Modal>
  );
}
