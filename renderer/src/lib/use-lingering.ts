import { useRef } from 'react';

/**
 * The value, or the last one that was not null: what a dialog is about stays readable while
 * the dialog fades out after its subject went back to null.
 */
export function useLingering<T>(value: T | null): T | null {
  const last = useRef(value);
  if (value !== null) last.current = value;
  return value ?? last.current;
}
