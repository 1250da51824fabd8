import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowLeft, IconClockPause, IconMail, IconPhone } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ResetChannel } from '../../../../shared/schemas/password-reset';
import { apiErrorOf, applyFieldErrors } from '../../lib/api-error';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { CHANNEL_TEXT, contactRule } from './contact';

export interface Contact {
  type: ResetChannel;
  value: string;
}

interface RequestStepProps {
  initial: Contact;
  /** Why the flow came back here (an expired reset), shown above the form. */
  notice: ReactNode;
  onSent: (contact: Contact, message: string) => void;
  onBack: () => void;
  backLabel: string;
}

/** Step 1: where to send the PIN. The answer is the same whether or not the account exists. */
export function RequestStep({ initial, notice, onSent, onBack, backLabel }: RequestStepProps) {
  const trpc = useTRPC();
  const [limited, setLimited] = useState(false);
  const form = useForm<Contact>({
    initialValues: initial,
    validate: { value: (value, values) => contactRule(values.type)(value) },
  });
  const type = form.values.type;
  const text = CHANNEL_TEXT[type];

  const request = useMutation(
    trpc.passwordReset.request.mutationOptions({
      onSuccess: (result, input) => onSent(input, result.message),
      onError: (err) => {
        const body = apiErrorOf(err);
        if (body?.error === 'rate_limited') setLimited(true);
        else if (body?.error === 'validation_failed') applyFieldErrors(form, body.fields);
        else notifyFailure(err, 'Could not send a PIN');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setLimited(false);
    request.mutate({ type: values.type, value: values.value.trim() });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="reset-request-form" aria-label="Send a PIN">
      <Stack gap="md">
        {notice}
        {limited ? (
          <Alert
            color="orange"
            variant="light"
            title="Too many requests"
            icon={<IconClockPause />}
            role="alert"
            data-testid="reset-request-error"
          >
            Too many PINs were asked for from this device. Wait a few minutes, then try again.
          </Alert>
        ) : null}
        <Stack gap={6}>
          <Text size="sm" fw={500} id="reset-type-label">
            Send the PIN by
          </Text>
          <SegmentedControl
            aria-labelledby="reset-type-label"
            fullWidth
            value={type}
            onChange={(value) => {
              form.setFieldValue('type', value);
              form.setFieldValue('value', '');
              form.clearErrors();
            }}
            data={[
              { value: 'email', label: 'Email' },
              { value: 'phone', label: 'Phone' },
            ]}
            data-testid="reset-type"
          />
        </Stack>
        <TextInput
          key={type}
          label={text.label}
          description={`The ${text.noun} saved on your account.`}
          placeholder={text.placeholder}
          type={text.inputType}
          autoComplete={text.autoComplete}
          inputMode={type === 'email' ? 'email' : 'tel'}
          required
          autoFocus
          leftSection={type === 'email' ? <IconMail size={16} /> : <IconPhone size={16} />}
          {...form.getInputProps('value')}
          data-testid="reset-value"
        />
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="reset-back">
            {backLabel}
          </Button>
          <Button type="submit" loading={request.isPending} data-testid="reset-send">
            Send PIN
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Shown on step 1 when a reset could not be finished and must start again. */
export function RestartNotice({ children }: { children: ReactNode }) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="reset-restart-notice">
      {children}
    </Alert>
  );
}
