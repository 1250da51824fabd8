import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPercentage, IconPlayerPlay, IconPlayerPause, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_TAX_RATE_NAME, type TaxRateDto } from '../../../../shared/schemas/tax-rates';
import { FormError } from '../../components/FormError';
import { RowAction } from '../../components/RowAction';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsCard } from './SettingsCard';
import { formatRateBp, rateBpFromPercentText } from './tax-rate-percent';

const nameRule = (value: string) => (value.trim() === '' ? 'Enter a name.' : null);
const percentRule = (value: string) =>
  rateBpFromPercentText(value) === null ? 'A percent from 0 to 100 with at most two decimals, e.g. 5.5.' : null;

/** The server names `rate_bp`; the form says `percent`. */
const renameField = (key: string) => (key === 'rate_bp' ? 'percent' : key);

function useRefreshTaxRates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Every list of rates (the card's and the product dialog's) is stale now.
  return () => queryClient.invalidateQueries({ queryKey: trpc.taxRates.list.pathKey() });
}

function AddTaxRateForm() {
  const trpc = useTRPC();
  const refresh = useRefreshTaxRates();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', percent: '' }, validate: { name: nameRule, percent: percentRule } });
  const create = useMutation(
    trpc.taxRates.create.mutationOptions({
      onSuccess: async (rate) => {
        notifySuccess(`${rate.name} (${formatRateBp(rate.rate_bp)}) can now be given to products.`, 'Tax rate added');
        form.reset();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, renameField));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not add the tax rate');
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const rateBp = rateBpFromPercentText(values.percent);
    if (rateBp === null) return;
    create.mutate({ name: values.name.trim(), rate_bp: rateBp });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a tax rate">
      <Stack gap="xs">
        <FormError message={formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            placeholder="Name, e.g. Reduced"
            aria-label="Name of the new tax rate"
            maxLength={MAX_TAX_RATE_NAME}
            autoComplete="off"
            style={{ flex: 1 }}
            {...form.getInputProps('name')}
            data-testid="tax-rate-add-name"
          />
          <TextInput
            placeholder="5.5"
            aria-label="Rate in percent"
            inputMode="decimal"
            autoComplete="off"
            rightSection={<Text size="sm">%</Text>}
            w={120}
            {...form.getInputProps('percent')}
            data-testid="tax-rate-add-percent"
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.isPending} data-testid="tax-rate-add">
            Add rate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameDialog({ rate, onClose }: { rate: TaxRateDto; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTaxRates();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: rate.name }, validate: { name: nameRule } });
  const rename = useMutation(
    trpc.taxRates.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`The rate is now called ${saved.name}.`, 'Tax rate renamed');
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, stripChanges));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not rename the tax rate');
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const name = values.name.trim();
    if (name === rate.name) onClose();
    else rename.mutate({ id: rate.id, changes: { name } });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Rename ${rate.name}`}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={MAX_TAX_RATE_NAME}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
          data-testid="tax-rate-rename-name"
        />
        <TextInput
          label="Rate"
          value={formatRateBp(rate.rate_bp)}
          readOnly
          variant="filled"
          description="A rate never changes, so past receipts stay true. For a new rate, add it and deactivate this one."
          inputWrapperOrder={['label', 'input', 'description']}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending} data-testid="tax-rate-rename-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TaxRateRows({ rates }: { rates: TaxRateDto[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshTaxRates();
  const [renaming, setRenaming] = useState<TaxRateDto | null>(null);
  const setActive = useMutation(
    trpc.taxRates.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(
          saved.is_active
            ? `${saved.name} can be given to products again.`
            : `${saved.name} can no longer be given to products; those that have it keep it.`,
          saved.is_active ? 'Tax rate reactivated' : 'Tax rate deactivated',
        );
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not change the tax rate'),
    }),
  );
  if (rates.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="tax-rates-empty">
        No tax rates yet: products are sold without tax until they get one.
      </Text>
    );
  }
  return (
    <>
      <Table verticalSpacing="xs" data-testid="tax-rates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Rate</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.map((rate) => (
            <Table.Tr
              key={rate.id}
              data-testid="tax-rate-row"
              data-tax-rate-id={rate.id}
              data-active={rate.is_active}
              style={rate.is_active ? undefined : { opacity: 0.55 }}
            >
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500} data-testid="tax-rate-name">
                    {rate.name}
                  </Text>
                  {rate.is_active ? null : (
                    <Badge size="sm" variant="light" color="gray" tt="none" data-testid="tax-rate-inactive-badge">
                      Inactive
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="tax-rate-percent">
                  {formatRateBp(rate.rate_bp)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <RowAction
                    tooltip="Rename"
                    label={`Rename ${rate.name}`}
                    icon={<IconPencil size={16} />}
                    onClick={() => setRenaming(rate)}
                    testId="tax-rate-rename"
                  />
                  <RowAction
                    tooltip={rate.is_active ? 'Deactivate' : 'Reactivate'}
                    label={`${rate.is_active ? 'Deactivate' : 'Reactivate'} ${rate.name}`}
                    icon={rate.is_active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                    color={rate.is_active ? 'gray' : 'teal'}
                    loading={setActive.isPending && setActive.variables.id === rate.id}
                    onClick={() => setActive.mutate({ id: rate.id, changes: { is_active: !rate.is_active } })}
                    testId="tax-rate-toggle"
                    action={rate.is_active ? 'deactivate' : 'reactivate'}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title="Rename the tax rate"
        size="sm"
        centered
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {renaming ? <RenameDialog rate={renaming} onClose={() => setRenaming(null)} /> : null}
      </Modal>
    </>
  );
}

/**
 * The shop's tax rates (managers and up): add one, rename it, deactivate or reactivate it. A
 * rate's percent is fixed once added, so every receipt keeps the rate it was taxed at.
 */
export function TaxRatesCard() {
  const trpc = useTRPC();
  const rates = useQuery(trpc.taxRates.list.queryOptions({ include_inactive: 'true' }));
  return (
    <SettingsCard
      testId="tax-rates-card"
      icon={<IconPercentage size={20} aria-hidden />}
      title="Tax rates"
      description="The rates products are taxed at. A rate’s percent never changes, so past receipts stay true: when the law changes, add the new rate and deactivate the old one. Products keep a deactivated rate until you change it."
      query={rates}
      loadingLabel="Loading the tax rates…"
    >
      {(list) => (
        <Stack gap="md">
          <TaxRateRows rates={list} />
          <AddTaxRateForm />
        </Stack>
      )}
    </SettingsCard>
  );
}
