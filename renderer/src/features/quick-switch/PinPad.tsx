import { Alert, Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconBackspace, IconBarcode } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { PIN_MIN_DIGITS } from '../../../../shared/pin-policy';
import { apiErrorOf } from '../../lib/api-error';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { EMPTY_PIN_ENTRY, pressPinKey, type PinEntry, type PinKey } from './pin-entry';

export interface SwitchPerson {
  username: string;
  name: string;
}

interface PinPadProps {
  person: SwitchPerson;
  /** This desk's register: a terminal's device token must match it. */
  registerId: number | null;
  onBack: () => void;
  onSignedIn: () => Promise<void>;
  onPasswordExpired: (username: string, reason: string) => Promise<void>;
}

const DIGIT_ROWS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The PIN of the person chosen, on a big pad (or the keyboard: digits, Backspace, Enter, Esc).
 * A scanner's burst is thrown away, never checked (pin-entry.ts).
 */
export function PinPad({ person, registerId, onBack, onSignedIn, onPasswordExpired }: PinPadProps) {
  const trpc = useTRPC();
  const [entry, setEntry] = useState(EMPTY_PIN_ENTRY);
  const [problem, setProblem] = useState<{ kind: 'wrong' | 'scan' | 'refused'; text: string } | null>(null);

  // Keys of a burst come faster than renders: each one reads the entry the last one left.
  const entryRef = useRef(EMPTY_PIN_ENTRY);
  const setPinEntry = (next: PinEntry) => {
    entryRef.current = next;
    setEntry(next);
  };

  const pinLogin = useMutation(
    trpc.auth.pinLogin.mutationOptions({
      onSuccess: onSignedIn,
      onError: async (error) => {
        setPinEntry(EMPTY_PIN_ENTRY);
        const body = apiErrorOf(error);
        switch (body?.error) {
          case 'invalid_credentials':
            setProblem({ kind: 'wrong', text: 'Wrong PIN. Try again.' });
            return;
          case 'password_expired':
            await onPasswordExpired(person.username, body.message);
            return;
          case 'account_locked':
          case 'account_inactive':
          case 'rate_limited':
          case 'forbidden':
            setProblem({ kind: 'refused', text: body.message });
            return;
          default:
            notifyFailure(error, 'Could not sign in');
        }
      },
    }),
  );

  const press = (key: PinKey, at: number | null) => {
    if (pinLogin.isPending) return;
    const result = pressPinKey(entryRef.current, key, at);
    setPinEntry(result.entry);
    if (result.discarded) setProblem({ kind: 'scan', text: 'That was a scan, not a PIN: nothing was checked. Type the PIN.' });
    else if (key.kind === 'digit' && !result.entry.inBurst) setProblem((shown) => (shown?.kind === 'refused' ? shown : null));
    if (result.submit !== null) {
      pinLogin.mutate({ username: person.username, pin: result.submit, ...(registerId === null ? {} : { register_id: registerId }) });
    }
  };

  // One listener for the pad's life, reading the latest state.
  const latest = useRef({ press, onBack });
  latest.current = { press, onBack };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const key: PinKey | 'escape' | null =
        event.key.length === 1 && event.key >= '0' && event.key <= '9'
          ? { kind: 'digit', digit: event.key }
          : event.key === 'Backspace'
            ? { kind: 'back' }
            : event.key === 'Enter'
              ? { kind: 'enter' }
              : event.key === 'Escape'
                ? 'escape'
                : null;
      if (key === null) return;
      // Enter on a focused pad button must not press it as well.
      event.preventDefault();
      event.stopPropagation();
      if (key === 'escape') latest.current.onBack();
      else latest.current.press(key, event.timeStamp);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const slots = Math.max(PIN_MIN_DIGITS, entry.pin.length);
  const padButton = (label: string, key: PinKey, testId: string, ariaLabel = label) => (
    <Button
      key={testId}
      variant="default"
      h={68}
      fz={26}
      onClick={() => press(key, null)}
      // The pad is for fingers and the mouse: the focus stays put, so Enter is always "OK".
      onMouseDown={(event) => event.preventDefault()}
      disabled={pinLogin.isPending}
      aria-label={ariaLabel}
      data-testid={testId}
    >
      {label === '⌫' ? <IconBackspace size={26} /> : label}
    </Button>
  );

  return (
    <Stack gap="md" data-testid="pin-pad" data-username={person.username}>
      <Group justify="space-between" wrap="nowrap">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="pin-pad-back">
          Back
        </Button>
        <Text fw={650} size="lg" data-testid="pin-pad-person">
          {person.name}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" ta="center">
        Enter your PIN, then OK. Esc goes back.
      </Text>
      <Group justify="center" gap="sm" data-testid="pin-dots" data-count={entry.pin.length} aria-label={`${entry.pin.length} digits typed`}>
        {Array.from({ length: slots }, (_, index) => (
          <Box
            key={index}
            w={18}
            h={18}
            style={{
              borderRadius: '50%',
              border: '2px solid var(--mantine-color-teal-6)',
              background: index < entry.pin.length ? 'var(--mantine-color-teal-6)' : 'transparent',
            }}
          />
        ))}
      </Group>
      {problem ? (
        <Alert
          color={problem.kind === 'scan' ? 'orange' : 'red'}
          variant="light"
          icon={problem.kind === 'scan' ? <IconBarcode /> : <IconAlertCircle />}
          role="alert"
          data-testid="pin-pad-error"
          data-kind={problem.kind}
        >
          {problem.text}
        </Alert>
      ) : null}
      <SimpleGrid cols={3} spacing="sm" maw={340} mx="auto" w="100%">
        {DIGIT_ROWS.map((digit) => padButton(digit, { kind: 'digit', digit }, `pin-key-${digit}`))}
        {padButton('⌫', { kind: 'back' }, 'pin-key-back', 'Delete the last digit')}
        {padButton('0', { kind: 'digit', digit: '0' }, 'pin-key-0')}
        <Button
          h={68}
          fz={22}
          onClick={() => press({ kind: 'enter' }, null)}
          onMouseDown={(event) => event.preventDefault()}
          loading={pinLogin.isPending}
          disabled={entry.pin.length < PIN_MIN_DIGITS}
          data-testid="pin-key-ok"
        >
          OK
        </Button>
      </SimpleGrid>
    </Stack>
  );
}
