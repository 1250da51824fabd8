import type { UseMutationOptions } from '@tanstack/react-query';

/** A row of a named-rows card: a register, a tax rate. */
export interface NamedRow {
  id: number;
  name: string;
}

/** What a card's own mutation is given to call back, so each card keeps its typed tRPC call. */
export interface MutationCallbacks<Row> {
  onSuccess: (saved: Row) => Promise<void>;
  onError: (err: unknown) => void;
}

export type MutationOptionsOf<Row, Err, Vars> = (callbacks: MutationCallbacks<Row>) => UseMutationOptions<Row, Err, Vars>;

export const nameRule = (value: string) => (value.trim() === '' ? 'Enter a name.' : null);
