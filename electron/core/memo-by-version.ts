/**
 * Answers kept while the data they were read from is unchanged: every call reads the version
 * (db/data-version.ts), and a new version forgets everything kept. Bounded: a client may ask for
 * any number of different keys. For reads only; what is kept is shared, so it is frozen by the caller.
 */
export function memoByVersion<V>(version: () => string, max = 64) {
  let keptAt = '';
  const kept = new Map<string, V>();
  return (key: string, compute: () => V): V => {
    const now = version();
    if (now !== keptAt) {
      kept.clear();
      keptAt = now;
    }
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (kept.size >= max) kept.clear();
    kept.set(key, value);
    return value;
  };
}
