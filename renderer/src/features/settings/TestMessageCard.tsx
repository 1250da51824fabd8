import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMail, IconMessage, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ResetChannel } from '../../../../shared/schemas/password-reset';
import { apiErrorOf, errorMessageOf } from '../../lib/api-error';
import { useTRPC } from '../../trpc/client';
import { SettingsHeading } from './SettingsCard';
import { testRecipientRule } from './settings-text';

interface Result {
  channel: ResetChannel;
  to: string;
  ok: boolean;
  error?: string;
}

const CHANNELS: Record<ResetChannel, { label: string; button: string; placeholder: string; testId: string; type: 'email' | 'tel' }> = {
  email: { label: 'Send a test email to', button: 'Send test email', placeholder: 'you@example.com', testId: 'email', type: 'email' },
  phone: { label: 'Send a test SMS to', button: 'Send test SMS', placeholder: '+1 555 0100', testId: 'sms', type: 'tel' },
};

function TestRow({ channel, sending, onSend }: { channel: ResetChannel; sending: boolean; onSend: (to: string) => void }) {
  const meta = CHANNELS[channel];
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = testRecipientRule[channel](to);
    setError(problem);
    if (!problem) onSend(to.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={meta.button}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label={meta.label}
          placeholder={meta.placeholder}
          type={meta.type}
          leftSection={channel === 'email' ? <IconMail size={16} /> : <IconMessage size={16} />}
          value={to}
          onChange={(event) => {
            setTo(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          style={{ flex: 1 }}
          data-testid={`test-${meta.testId}-to`}
        />
        <Button
          type="submit"
          variant="light"
          leftSection={<IconSend size={16} />}
          loading={sending}
          mt={25}
          w={190}
          data-testid={`test-${meta.testId}-send`}
        >
          {meta.button}
        </Button>
      </Group>
    </form>
  );
}

/** "Send a test message": sends at once with the saved settings and says plainly what happened. */
export function TestMessageCard({ unsaved }: { unsaved: boolean }) {
  const trpc = useTRPC();
  const [result, setResult] = useState<Result | null>(null);
  const sendTest = useMutation(
    trpc.notifications.sendTest.mutationOptions({
      onMutate: () => setResult(null),
      onSuccess: (answer, input) =>
        setResult({ channel: input.channel, to: input.to, ok: answer.ok, ...(answer.error ? { error: answer.error } : {}) }),
      onError: (err, input) => {
        const body = apiErrorOf(err);
        const detail = body?.fields ? Object.values(body.fields).flat().join(' ') : errorMessageOf(err);
        setResult({ channel: input.channel, to: input.to, ok: false, error: detail });
      },
    }),
  );
  const sendingChannel = sendTest.isPending ? sendTest.variables.channel : null;

  const resultAlert = (channel: ResetChannel) =>
    result && result.channel === channel ? (
      result.ok ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck />}
          title={`Sent to ${result.to}`}
          data-testid="test-result"
          data-ok="true"
        >
          {channel === 'email'
            ? 'The mail server accepted the message. If it does not arrive, look in the spam folder.'
            : 'The SMS gateway accepted the message. If it does not arrive, look at the gateway’s own log.'}
        </Alert>
      ) : (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={`Not sent to ${result.to}`}
          role="alert"
          data-testid="test-result"
          data-ok="false"
        >
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {result.error ?? 'The message could not be sent.'}
          </Text>
        </Alert>
      )
    ) : null;

  return (
    <Card data-testid="test-card">
      <Stack gap="md">
        <SettingsHeading
          title="Send a test message"
          description="Sends one message now with the saved settings, so you know a PIN will arrive. Test messages never wait in the outbox."
        />
        {unsaved ? (
          <Alert color="yellow" variant="light" py="xs" data-testid="test-unsaved">
            Save your changes first: the test uses the saved settings.
          </Alert>
        ) : null}
        {(['email', 'phone'] as const).map((channel) => (
          <Stack gap="xs" key={channel}>
            <TestRow channel={channel} sending={sendingChannel === channel} onSend={(to) => sendTest.mutate({ channel, to })} />
            {resultAlert(channel)}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
