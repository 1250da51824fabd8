import { Badge, Text, TextInput } from '@mantine/core';
import { IconPercentage, IconPlayerPlay, IconPlayerPause } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAX_TAX_RATE_NAME, type TaxRateDto } from '../../../../shared/schemas/tax-rates';
import { RowAction } from '../../components/RowAction';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { AddNamedRowForm } from './AddNamedRowForm';
import { nameRule } from './named-rows';
import { NamedRowsCard } from './NamedRowsCard';
import { NamedRowsTable } from './NamedRowsTable';
import { formatRateBp, rateBpFromPercentText } from './tax-rate-percent';

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
  return (
    <AddNamedRowForm
      label="Add a tax rate"
      testIdStem="tax-rate"
      nameInput={{ placeholder: 'Name, e.g. Reduced', label: 'Name of the new tax rate', maxLength: MAX_TAX_RATE_NAME }}
      buttonText="Add rate"
      initialValues={{ name: '', percent: '' }}
      validate={{ name: nameRule, percent: percentRule }}
      extraFields={(form) => (
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
      )}
      toVariables={(values) => {
        const rateBp = rateBpFromPercentText(values.percent);
        return rateBp === null ? null : { name: values.name.trim(), rate_bp: rateBp };
      }}
      mutationOptions={(callbacks) => trpc.taxRates.create.mutationOptions(callbacks)}
      added={(rate: TaxRateDto) => `${rate.name} (${formatRateBp(rate.rate_bp)}) can now be given to products.`}
      addedTitle="Tax rate added"
      failureTitle="Could not add the tax rate"
      fieldName={renameField}
      refresh={refresh}
    />
  );
}

function TaxRateRows({ rates }: { rates: TaxRateDto[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshTaxRates();
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
  return (
    <NamedRowsTable
      rows={rates}
      testIdStem="tax-rate"
      tableTestId="tax-rates-table"
      nameHeader="Name"
      columns={[
        {
          header: 'Rate',
          cell: (rate) => (
            <Text size="sm" data-testid="tax-rate-percent">
              {formatRateBp(rate.rate_bp)}
            </Text>
          ),
        },
      ]}
      rowAttributes={(rate) => ({
        'data-tax-rate-id': rate.id,
        'data-active': rate.is_active,
        style: rate.is_active ? undefined : { opacity: 0.55 },
      })}
      badge={(rate) =>
        rate.is_active ? null : (
          <Badge size="sm" variant="light" color="gray" tt="none" data-testid="tax-rate-inactive-badge">
            Inactive
          </Badge>
        )
      }
      actions={(rate, renameButton) => (
        <>
          {renameButton}
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
        </>
      )}
      empty={
        <Text size="sm" c="dimmed" data-testid="tax-rates-empty">
          No tax rates yet: products are sold without tax until they get one.
        </Text>
      }
      rename={{
        title: 'Rename the tax rate',
        maxLength: MAX_TAX_RATE_NAME,
        mutationOptions: (callbacks) => trpc.taxRates.update.mutationOptions(callbacks),
        variables: (rate, name) => ({ id: rate.id, changes: { name } }),
        renamed: (saved) => `The rate is now called ${saved.name}.`,
        renamedTitle: 'Tax rate renamed',
        failureTitle: 'Could not rename the tax rate',
        extraFields: (rate) => (
          <TextInput
            label="Rate"
            value={formatRateBp(rate.rate_bp)}
            readOnly
            variant="filled"
            description="A rate never changes, so past receipts stay true. For a new rate, add it and deactivate this one."
            inputWrapperOrder={['label', 'input', 'description']}
          />
        ),
      }}
      refresh={refresh}
    />
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
    <NamedRowsCard
      testId="tax-rates-card"
      icon={<IconPercentage size={20} aria-hidden />}
      title="Tax rates"
      description="The rates products are taxed at. A rate’s percent never changes, so past receipts stay true: when the law changes, add the new rate and deactivate the old one. Products keep a deactivated rate until you change it."
      query={rates}
      loadingLabel="Loading the tax rates…"
      rows={(list) => <TaxRateRows rates={list} />}
      addForm={<AddTaxRateForm />}
    />
  );
}
