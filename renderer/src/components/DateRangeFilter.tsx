import { TextInput } from '@mantine/core';

/** A range whose end comes before its start: no day can be in it. */
export function isBackwardsRange(from: string, to: string): boolean {
  return from !== '' && to !== '' && to < from;
}

interface DateRangeFilterProps {
  from: string;
  to: string;
  onFromChange: (date: string) => void;
  onToChange: (date: string) => void;
  /** Prefix of the test ids: `<name>-from`, `<name>-to`. */
  testIdPrefix: string;
}

/** "From" and "To" shop dates of a list filter; a backwards range is marked on "To". */
export function DateRangeFilter({ from, to, onFromChange, onToChange, testIdPrefix }: DateRangeFilterProps) {
  return (
    <>
      <TextInput
        label="From"
        type="date"
        value={from}
        onChange={(e) => onFromChange(e.currentTarget.value)}
        max={to || undefined}
        w={160}
        data-testid={`${testIdPrefix}-from`}
      />
      <TextInput
        label="To"
        type="date"
        value={to}
        onChange={(e) => onToChange(e.currentTarget.value)}
        min={from || undefined}
        error={isBackwardsRange(from, to) ? 'Before “From”.' : undefined}
        w={160}
        data-testid={`${testIdPrefix}-to`}
      />
    </>
  );
}
