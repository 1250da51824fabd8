import { Button, Group, Kbd, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconLock, IconPoint } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS, pinPolicyProblem } from '../../../../shared/pin-policy';
import { FormError } from '../../components/FormError';
import { PinField } from '../../components/PinField';
import { apiErrorOf, errorCodeOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

const PIN_RULE = `${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits; not one digit repeated (1111), not a run up or down (1234, 4321).`;

interface PinValues {
  password: string;
  pin: string;
  repeat: string;
}

/** One line of the live rule: grey until typed, then ticked or saying what is wrong. */
function RuleLine({ ok, text, testId }: { ok: boolean | null; text: string; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid={testId} data-ok={ok ?? undefined}>
      {ok ? <IconCheck size={16} color="var(--mantine-color-teal-6)" /> : <IconPoint size={16} />}
      <Text size="sm" c={ok === false ? 'orange.8' : ok ? undefined : 'dimmed'}>
        {text}
      </Text>
    </Group>
  );
}

/** The PIN's rules as the person types: the same check the core makes (shared/pin-policy.ts). */
function PinRules({ pin, repeat }: { pin: string; repeat: string }) {
  const problem = pin === '' ? null : pinPolicyProblem(pin);
  return (
    <Stack gap={4} aria-live="polite">
      <RuleLine ok={pin === '' ? null : problem === null} text={problem ?? PIN_RULE} testId="pin-rule" />
      {repeat !== '' ? (
        <RuleLine ok={repeat === pin} text={repeat === pin ? 'The two PINs match.' : 'The two PINs differ.'} testId="pin-repeat-rule" />
      ) : null}
    </Stack>
  );
}

function SetPinForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PinValues>({
    initialValues: { password: '', pin: '', repeat: '' },
    validate: {
      password: (value) => (value === '' ? 'Enter your current password.' : null),
      pin: (value) => (value === '' ? 'Enter the PIN you want.' : pinPolicyProblem(value)),
      repeat: (value, values) => (value !== values.pin ? 'Type the same PIN again.' : null),
    },
  });

  const setPin = useMutation(
    trpc.profile.setPin.mutationOptions({
      onSuccess: async () => {
        notifySuccess('Your till PIN is set.', 'PIN saved');
        onClose();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() }),
        ]);
      },
      onError: (err) => {
        if (errorCodeOf(err) === 'pin_policy') {
          form.setFieldError('pin', apiErrorOf(err)?.message ?? PIN_RULE);
          return;
        }
        // A wrong password comes as `fields.password`, under its input.
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save your PIN');
      },
    }),
  );

  const submit = form.onSubmit(({ password, pin }) => {
    setFormError(null);
    setPin.mutate({ password, pin });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Set your till PIN">
      <Stack gap="md">
        <FormError message={formError} />
        <PasswordInput
          label="Your current password"
          description="Setting a PIN asks for your password."
          autoComplete="current-password"
          required
          data-autofocus
          leftSection={<IconLock size={16} stroke={1.6} />}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          {...form.getInputProps('password')}
          data-testid="pin-password"
        />
        <PinField label="New PIN" required {...form.getInputProps('pin')} value={form.values.pin} testId="pin-new" />
        <PinField label="The PIN again" required {...form.getInputProps('repeat')} value={form.values.repeat} testId="pin-repeat" />
        <PinRules pin={form.values.pin} repeat={form.values.repeat} />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> saves · <Kbd size="xs">Esc</Kbd> cancels
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={setPin.isPending} data-testid="pin-save">
              Save PIN
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** "Set your till PIN": current password, the PIN twice, its rules shown as it is typed. */
export function SetPinDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Set your till PIN" size="md" centered styles={titleStyles}>
      <div data-testid="pin-dialog">{opened ? <SetPinForm onClose={onClose} /> : null}</div>
    </Modal>
  );
}
