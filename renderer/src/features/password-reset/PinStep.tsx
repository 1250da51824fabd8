import { Alert, Anchor, Button, Center, Group, Loader, PinInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconClockExclamation, IconClockPause, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { PIN_LENGTH } from '../../../../shared/formats';
import { apiErrorOf } from '../../lib/api-error';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { pinFromText } from './contact';
import type { Contact } from './RequestStep';

interface PinStepProps {
  contact: Contact;
  /** The server's neutral answer to the request. */
  sentMessage: string;
  onVerified: (resetToken: string) => void;
  /** Back to step 1 with the email or phone filled in. */
  onRestart: () => void;
}

interface Problem {
  kind: 'wrong' | 'expired' | 'limited' | 'other';
  color: string;
  title: string;
  text: ReactNode;
  icon: ReactNode;
}

/** Step 2: the six-digit PIN, checked as soon as the last box is filled (typed or pasted). */
export function PinStep({ contact, sentMessage, onVerified, onRestart }: PinStepProps) {
  const trpc = useTRPC();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const firstBox = useRef<HTMLInputElement>(null);

  const verify = useMutation(
    trpc.passwordReset.verify.mutationOptions({
      onSuccess: (result) => onVerified(result.reset_token),
      onError: (err) => {
        const body = apiErrorOf(err);
        setPin('');
        switch (body?.error) {
          case 'pin_invalid':
            setProblem({
              kind: 'wrong',
              color: 'red',
              title: 'That PIN is not right — check the latest message',
              text: 'Only the PIN of the newest message works. After a few wrong tries the PIN stops working and you need a new one.',
              icon: <IconAlertCircle />,
            });
            break;
          case 'pin_expired':
            setProblem({
              kind: 'expired',
              color: 'orange',
              title: 'This PIN has expired or its tries are used up',
              text: 'A PIN works for 10 minutes and for five tries. Ask for a new one: it replaces the old PIN.',
              icon: <IconClockExclamation />,
            });
            return;
          case 'rate_limited':
            setProblem({
              kind: 'limited',
              color: 'orange',
              title: 'Too many attempts',
              text: 'There were too many wrong PINs from this device. Wait a few minutes, then try again.',
              icon: <IconClockPause />,
            });
            return;
          case 'validation_failed':
            setProblem({
              kind: 'other',
              color: 'red',
              title: 'Enter the six digits of the PIN',
              text: body.fields?.pin?.join(' ') ?? body.message,
              icon: <IconAlertCircle />,
            });
            break;
          default:
            notifyFailure(err, 'Could not check the PIN');
        }
        // Ready for the next try: the boxes are empty and the first one has the focus.
        setTimeout(() => firstBox.current?.focus(), 0);
      },
    }),
  );

  const check = (value: string) => {
    if (value.length !== PIN_LENGTH || verify.isPending) return;
    setProblem(null);
    verify.mutate({ type: contact.type, value: contact.value, pin: value });
  };

  const change = (value: string) => {
    setPin(value);
    if (value.length === PIN_LENGTH) check(value);
  };

  // "123456", "123 456", or the whole message pasted into any box fills all six.
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain');
    const found = pinFromText(text);
    if (found) {
      change(found);
      return;
    }
    const digits = text.replace(/\D/gu, '').slice(0, PIN_LENGTH);
    if (digits !== '') setPin(digits);
  };

  const expired = problem?.kind === 'expired';

  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconSend />} title={sentMessage} data-testid="reset-sent">
        <Text size="sm">
          Look for it at <b>{contact.value}</b>. The PIN works for 10 minutes. No message? When mail or SMS is not set up, the shop owner
          can read the PIN to you.
        </Text>
      </Alert>
      {problem ? (
        <Alert
          color={problem.color}
          variant="light"
          title={problem.title}
          icon={problem.icon}
          role="alert"
          data-testid="reset-verify-error"
          data-error={problem.kind}
        >
          <Stack gap="sm">
            <Text size="sm">{problem.text}</Text>
            {expired ? (
              <Group>
                <Button size="xs" color="orange" onClick={onRestart} data-testid="reset-new-pin">
                  Send a new PIN
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Stack gap={8} align="center" py="xs">
        <Text size="sm" fw={500} id="reset-pin-label">
          Enter the six-digit PIN
        </Text>
        <PinInput
          length={PIN_LENGTH}
          type="number"
          oneTimeCode
          size="lg"
          gap="sm"
          placeholder=""
          autoFocus
          value={pin}
          onChange={change}
          ref={firstBox}
          error={problem?.kind === 'wrong'}
          disabled={verify.isPending || expired}
          aria-labelledby="reset-pin-label"
          getInputProps={(index) => ({ onPaste: paste, 'aria-label': `PIN digit ${index + 1} of ${PIN_LENGTH}` })}
          data-testid="reset-pin"
        />
        <Center h={20}>
          {verify.isPending ? (
            <Group gap={6}>
              <Loader size={14} />
              <Text size="xs" c="dimmed">
                Checking the PIN…
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              You can paste the PIN, or the whole message.
            </Text>
          )}
        </Center>
      </Stack>
      <Group justify="space-between" mt="xs">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onRestart} data-testid="reset-back">
          Back
        </Button>
        <Group gap="md">
          {!expired ? (
            <Anchor component="button" type="button" size="sm" onClick={onRestart} data-testid="reset-resend">
              Ask for a new PIN
            </Anchor>
          ) : null}
          <Button
            onClick={() => check(pin)}
            disabled={pin.length !== PIN_LENGTH || expired}
            loading={verify.isPending}
            data-testid="reset-verify"
          >
            Check PIN
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
