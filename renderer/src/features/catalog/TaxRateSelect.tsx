import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatRateBp } from '../settings/tax-rate-percent';
import { useTRPC } from '../../trpc/client';

/** The select's value for "not taxed" (a rate's value is its id). */
export const NOT_TAXED = 'none';

export const taxRateValueOf = (taxRateId: number | null) => (taxRateId === null ? NOT_TAXED : String(taxRateId));
export const taxRateIdOf = (value: string) => (value === NOT_TAXED ? null : Number(value));

interface TaxRateSelectProps {
  /** The product's rate as stored: shown even when it has been deactivated since. */
  currentRateId: number | null;
  value: string;
  onChange: (value: string) => void;
  error?: React.ReactNode;
}

/**
 * A product's tax rate: the active rates and "Not taxed". A product keeps a rate deactivated
 * after it was given, so that one stays in the list, marked "(inactive)", until it is changed.
 */
export function TaxRateSelect({ currentRateId, value, onChange, error }: TaxRateSelectProps) {
  const trpc = useTRPC();
  const rates = useQuery(trpc.taxRates.list.queryOptions({ include_inactive: 'true' }));
  const options = [
    { value: NOT_TAXED, label: 'Not taxed' },
    ...(rates.data ?? [])
      .filter((rate) => rate.is_active || rate.id === currentRateId)
      .map((rate) => ({
        value: String(rate.id),
        label: `${rate.name} (${formatRateBp(rate.rate_bp)})${rate.is_active ? '' : ' (inactive)'}`,
      })),
  ];
  // Until the list has loaded, the stored rate still needs an option to show as chosen.
  if (currentRateId !== null && !options.some((o) => o.value === String(currentRateId))) {
    options.push({ value: String(currentRateId), label: rates.isPending ? 'Loading…' : `Rate #${currentRateId}` });
  }
  return (
    <Select
      label="Tax rate"
      description="Managers set up the rates on the Shop page."
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data={options}
      value={value}
      onChange={(next) => onChange(next ?? NOT_TAXED)}
      allowDeselect={false}
      error={error}
      data-testid="product-tax-rate"
    />
  );
}
