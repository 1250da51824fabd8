import { NumberInput, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomerSettingsDto, CustomerSettingsInput } from '../../../../shared/schemas/settings';
import { MAX_ORDER_EXPIRY_HOURS } from '../../../../shared/settings-limits';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { EnvLabel } from './EnvLabel';
import { SettingsCard } from './SettingsCard';
import { SettingsFormFooter } from './SettingsFormFooter';

interface Values {
  registration: boolean;
  customer_order_expiry_hours: number | string;
}

const valuesOf = (view: CustomerSettingsDto): Values => ({
  registration: view.registration === 'on',
  customer_order_expiry_hours: view.customer_order_expiry_hours,
});

/** Only what changed; the switch is never sent while the environment fixes it. */
function changesOf(values: Values, view: CustomerSettingsDto): CustomerSettingsInput {
  const changes: CustomerSettingsInput = {};
  const registration = values.registration ? 'on' : 'off';
  if (!view.registration_from_environment && registration !== view.registration) changes.registration = registration;
  const hours = values.customer_order_expiry_hours;
  if (typeof hours === 'number' && hours !== view.customer_order_expiry_hours) changes.customer_order_expiry_hours = hours;
  return changes;
}

function validHours(value: number | string): string | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_ORDER_EXPIRY_HOURS
    ? null
    : `Enter whole hours from 0 to ${MAX_ORDER_EXPIRY_HOURS}.`;
}

function CustomerSettingsForm({ view }: { view: CustomerSettingsDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(view), validate: { customer_order_expiry_hours: validHours } });
  const fixed = view.registration_from_environment;

  const save = useMutation(
    trpc.settings.updateCustomers.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.settings.customers.queryKey(), saved);
        notifySuccess('Customer account settings are saved.', 'Settings saved');
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the settings');
      },
    }),
  );

  const changes = changesOf(form.values, view);
  const dirty = Object.keys(changes).length > 0;
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(changesOf(values, view));
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Customer account settings">
      <Stack gap="md">
        <FormError message={formError} />
        <Switch
          label={
            <EnvLabel
              label="Customers may create their own accounts"
              envName={fixed ? 'SHOPDESK_REGISTRATION' : null}
              testId="env-registration"
            />
          }
          description={
            fixed
              ? 'Set in the server’s environment, which wins over this switch; change SHOPDESK_REGISTRATION there and restart.'
              : 'Self-registration (POST /auth/register) for web shop and kiosk customers. Staff accounts are always created by a manager.'
          }
          disabled={fixed}
          {...form.getInputProps('registration', { type: 'checkbox' })}
          data-testid="registration-switch"
          data-from-env={fixed}
        />
        <NumberInput
          label="Customers’ open orders expire after (hours)"
          description="An open order a customer placed is cancelled after this long and its stock goes back on the shelf. 0 means never. Orders parked at the till never expire."
          min={0}
          max={MAX_ORDER_EXPIRY_HOURS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          suffix=" h"
          {...form.getInputProps('customer_order_expiry_hours')}
          data-testid="order-expiry-hours"
        />
        <SettingsFormFooter dirty={dirty} saving={save.isPending} onUndo={() => form.reset()} saveTestId="customer-settings-save" />
      </Stack>
    </form>
  );
}

/** Settings: whether customers may sign themselves up, and how long their open orders hold stock. */
export function RegistrationSettingsCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.customers.queryOptions());
  return (
    <SettingsCard
      testId="registration-card"
      icon={<IconUserPlus size={20} aria-hidden />}
      title="Customer accounts"
      description="Self-registered customers can order from a kiosk or the web shop; each may hold a few open orders at a time."
      query={settings}
      loadingLabel="Loading the customer settings…"
    >
      {(view) => <CustomerSettingsForm view={view} />}
    </SettingsCard>
  );
}
