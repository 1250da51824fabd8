import fc from 'fast-check';

/** `arbitrary` once in `oneIn` cases, otherwise null (fc.option's `freq` is the other way round). */
export function rarely<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}
