import {
  Anchor,
  Fieldset,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CASH_ROUNDING_STEPS, MAX_IDLE_LOCK_MINUTES, type ShopSettingsDto } from '../../../../shared/schemas/shop';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { currencyFacts, formatMoneyIn } from '../../lib/money';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsFormFooter } from './SettingsFormFooter';
import {
  changesOf,
  currencyOptions,
  rewriteForCurrency,
  shopFormRules,
  timeZoneOptions,
  valuesOf,
  zoneNow,
  type ShopFormValues,
} from './shop-settings-values';

const wrapperOrder: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * The shop's own settings (`shop.update`, the Super Admin's): what receipts print, the currency
 * and time zone every screen uses, how sales are priced and rounded, when the till locks.
 * Without the right to change them (a manager) the same fields show, read-only.
 */
export function ShopSettingsForm({ view, editable }: { view: ShopSettingsDto; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ShopFormValues>({ initialValues: valuesOf(view), validate: shopFormRules });
  const { currency } = form.values;
  const { decimals, symbol } = currencyFacts(currency);

  const save = useMutation(
    trpc.shop.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess('The shop’s settings are saved.', 'Settings saved');
        // The app renders again from what the server now says (ShopSettingsProvider).
        queryClient.setQueryData(trpc.shop.get.queryKey(), saved);
        // Dates and reports the server already answered were in the old zone.
        if (saved.time_zone !== view.time_zone) await queryClient.invalidateQueries();
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

  const switchCurrency = (next: string | null) => {
    if (!next) return;
    form.setFieldValue('variance_approval_cents', rewriteForCurrency(form.values.variance_approval_cents, currency, next));
    form.setFieldValue('currency', next);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Shop settings">
      <Stack gap="lg">
        <FormError message={formError} />
        <Fieldset variant="unstyled" disabled={!editable} data-testid="shop-fields">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Shop name"
                description="At the top of every receipt and of the app."
                required
                maxLength={100}
                autoComplete="organization"
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('name')}
                data-testid="shop-name"
              />
              <TextInput
                label="Tax id"
                description="VAT or sales-tax number, printed on receipts; optional."
                maxLength={40}
                autoComplete="off"
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('tax_id')}
                data-testid="shop-tax-id"
              />
            </SimpleGrid>
            <Textarea
              label="Address"
              description="Printed under the name on receipts, line by line."
              autosize
              minRows={2}
              maxRows={5}
              maxLength={300}
              inputWrapperOrder={wrapperOrder}
              {...form.getInputProps('address')}
              data-testid="shop-address"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label="Currency"
                description="Every amount on the screens, on receipts and in CSV files."
                searchable
                allowDeselect={false}
                nothingFoundMessage="No currency by that name"
                data={currencyOptions(currency)}
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('currency')}
                onChange={switchCurrency}
                data-testid="shop-currency"
              />
              <Select
                label="Time zone"
                description={zoneNow(form.values.time_zone) || 'The shop’s days: reports, dates, “today”.'}
                searchable
                allowDeselect={false}
                nothingFoundMessage="No time zone by that name"
                data={timeZoneOptions(form.values.time_zone)}
                limit={100}
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('time_zone')}
                data-testid="shop-time-zone"
              />
            </SimpleGrid>
            <Switch
              label="Prices include tax"
              description="On: product prices are what the customer pays (gross). Off: tax is added at the till (net prices)."
              {...form.getInputProps('prices_include_tax', { type: 'checkbox' })}
              data-testid="shop-prices-include-tax"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="cash-rounding-label">
                Cash rounding
              </Text>
              <SegmentedControl
                aria-labelledby="cash-rounding-label"
                w="fit-content"
                data={CASH_ROUNDING_STEPS.map((step) => ({
                  value: String(step),
                  label: step === 1 ? 'None' : `To ${formatMoneyIn(step, currency)}`,
                }))}
                {...form.getInputProps('cash_rounding_cents')}
                data-testid="shop-cash-rounding"
              />
              <Text size="xs" c="dimmed">
                A sale paid wholly in cash is rounded to this step (halves away from zero); card payments never are.
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label="Lock the till after (minutes)"
                description="Of inactivity; 0 never locks."
                min={0}
                max={MAX_IDLE_LOCK_MINUTES}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                suffix=" min"
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('idle_lock_minutes')}
                data-testid="shop-idle-lock"
              />
              <NumberInput
                label="Drawer difference a cashier may close with"
                description="A larger difference, either way, needs a manager’s approval."
                leftSection={<Text size="sm">{symbol}</Text>}
                decimalScale={decimals}
                fixedDecimalScale
                allowNegative={false}
                decimalSeparator="."
                hideControls
                min={0}
                inputWrapperOrder={wrapperOrder}
                {...form.getInputProps('variance_approval_cents')}
                data-testid="shop-variance-limit"
              />
            </SimpleGrid>
            <Textarea
              label="Receipt footer"
              description="Printed at the end of every receipt: opening hours, returns policy, a thank-you."
              autosize
              minRows={2}
              maxRows={6}
              maxLength={500}
              inputWrapperOrder={wrapperOrder}
              {...form.getInputProps('receipt_footer')}
              data-testid="shop-receipt-footer"
            />
          </Stack>
        </Fieldset>
        <SettingsFormFooter
          note={
            editable ? (
              <Text size="sm" c="dimmed">
                Whether customers may sign themselves up is under{' '}
                <Anchor component={Link} to="/settings" size="sm" fw={500} data-testid="shop-registration-link">
                  Settings › Customer accounts
                </Anchor>
                .
              </Text>
            ) : (
              <Text size="sm" c="dimmed" data-testid="shop-read-only-note">
                Only the owner (Super Admin) changes these.
              </Text>
            )
          }
          editable={editable}
          dirty={dirty}
          saving={save.isPending}
          onUndo={() => form.reset()}
          saveTestId="shop-settings-save"
          undoTestId="shop-settings-undo"
          divided
        />
      </Stack>
    </form>
  );
}
