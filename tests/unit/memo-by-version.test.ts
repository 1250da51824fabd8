import { describe, expect, it } from 'vitest';
import { memoByVersion } from '../../electron/core/memo-by-version';

describe('memoByVersion', () => {
  it('computes once per key and version, forgets everything on a new version, and stays bounded', () => {
    let version = 'v1';
    let computed = 0;
    const kept = memoByVersion<{ n: number }>(() => version, 3);
    const read = (key: string) => kept(key, () => ({ n: ++computed }));

    const a = read('a');
    expect(read('a')).toBe(a);
    expect(read('b')).not.toBe(a);
    expect(computed).toBe(2);

    version = 'v2';
    expect(read('a')).not.toBe(a);
    expect(computed).toBe(3);

    read('b');
    read('c');
    const c = read('c');
    read('d'); // a fourth key: the bound of 3 forgets the rest
    expect(read('c')).not.toBe(c);
    expect(computed).toBe(7);
  });

  it('keeps nothing of a computation that throws', () => {
    const kept = memoByVersion<number>(() => 'v', 8);
    expect(() =>
      kept('k', () => {
        throw new Error('bad cursor');
      }),
    ).toThrow('bad cursor');
    expect(kept('k', () => 5)).toBe(5);
  });
});
