import { hintOf } from './dictionary';

/**
 * Mutations keep away from the protected ids (the acting users, the keeper), including in the
 * hostile values: the server reads path ids leniently (" 1", "1e0" and "0x1" are all 1), and a
 * hostile JSON value may happen to be a small integer.
 */
function namesProtected(value: unknown, protectedIds: ReadonlySet<number>): boolean {
  if (typeof value === 'number') return protectedIds.has(value);
  if (typeof value === 'string' && value.trim() !== '') return protectedIds.has(Number(value));
  return false;
}

/** A path segment, as the server decodes and coerces it. */
export function segmentNamesProtected(segment: string, protectedIds: ReadonlySet<number>): boolean {
  try {
    return namesProtected(decodeURIComponent(segment), protectedIds);
  } catch {
    return false;
  }
}

/** Whether any id-like field (`id`, `manager_id`, `userId`…) anywhere in `value` is a protected id. */
export function inputNamesProtected(value: unknown, protectedIds: ReadonlySet<number>): boolean {
  if (Array.isArray(value)) return value.some((item) => inputNamesProtected(item, protectedIds));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, entry]) => (hintOf(key) === 'id' && namesProtected(entry, protectedIds)) || inputNamesProtected(entry, protectedIds),
  );
}
