import { Alert, Button, Group, Kbd, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconUserShield } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import type { ApprovalInput } from '../../../../shared/schemas/pins';
import type { UserDto } from '../../../../shared/schemas/users';
import { PinField } from '../../components/PinField';
import { errorCodeOf, errorMessageOf } from '../../lib/api-error';
import { useApprovers } from './use-approvers';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

export const APPROVAL_REFUSED = 'Wrong PIN, or that person may not approve.';

interface ApprovalDialogProps {
  opened: boolean;
  /** The signed-in user, who asks: a Super Admin picks the approver from a list. */
  actor: UserDto;
  /** What the manager approves, in a sentence or two. */
  reason: ReactNode;
  /** The action is being retried with the approval. */
  pending: boolean;
  /** The action's last failure, if any: `approval_invalid` reads as a wrong PIN. */
  error: unknown;
  onApproved: (approval: ApprovalInput) => void;
  onCancel: () => void;
}

/** What the person at the till needs to read of the last try; null before any. */
function refusalOf(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  return errorCodeOf(error) === 'approval_invalid' ? APPROVAL_REFUSED : errorMessageOf(error);
}

function ApprovalForm({ actor, reason, pending, error, onApproved, onCancel }: Omit<ApprovalDialogProps, 'opened'>) {
  const approvers = useApprovers(actor);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState<{ username?: string; pin?: string }>({});
  const pinInput = useRef<HTMLInputElement>(null);
  const refusal = refusalOf(error);

  const submit = () => {
    if (pending) return;
    const name = username.trim();
    const problems = { username: name ? undefined : "Enter the manager's username.", pin: pin ? undefined : 'Enter their PIN.' };
    setMissing(problems);
    if (problems.username || problems.pin) return;
    onApproved({ username: name, pin });
    // A refused PIN is typed again from the start; the username stays.
    setPin('');
    pinInput.current?.focus();
  };

  const usernameProps = {
    label: "Manager's username",
    required: true,
    error: missing.username,
    'data-autofocus': true,
    'data-testid': 'approval-username',
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // A portal passes React events up its owner's tree: a form around the caller must not submit too.
        event.stopPropagation();
        submit();
      }}
      noValidate
      aria-label="A manager's approval"
    >
      <Stack gap="md">
        <Text size="sm" component="div">
          {reason}
        </Text>
        {approvers ? (
          <Select
            {...usernameProps}
            data={approvers}
            value={username || null}
            onChange={(value) => setUsername(value ?? '')}
            searchable
            allowDeselect={false}
          />
        ) : (
          <TextInput
            {...usernameProps}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
        )}
        <PinField ref={pinInput} label="Their PIN" required value={pin} onChange={setPin} error={missing.pin} testId="approval-pin" />
        {refusal && !pending ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="approval-error">
            {refusal}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> approves · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconUserShield size={18} />} loading={pending} data-testid="approval-submit">
              Approve
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "A manager's approval": a manager or Super Admin gives their username and PIN at the till for
 * what the signed-in user may not do alone. The caller retries its action with the approval
 * (`onApproved`) and hands back the answer (`error`): a refusal clears the PIN to type again.
 */
export function ApprovalDialog({ opened, ...rest }: ApprovalDialogProps) {
  return (
    <Modal opened={opened} onClose={rest.onCancel} title="A manager's approval" size="md" centered styles={titleStyles}>
      <div data-testid="approval-dialog">{opened ? <ApprovalForm {...rest} /> : null}</div>
    </Modal>
  );
}
