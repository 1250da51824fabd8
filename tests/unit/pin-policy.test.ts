import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptablePin, pinPolicyProblem } from '../../shared/pin-policy';

describe('the staff PIN policy (API-SELLING.md, "Staff PINs")', () => {
  it.each(['2580', '7890', '9012', '1357', '13579', '24681357', '1122', '0901', '5550'])('accepts %s', (pin) => {
    expect(pinPolicyProblem(pin)).toBeNull();
  });

  it.each([
    ['1234', 'consecutive'],
    ['4321', 'consecutive'],
    ['3456', 'consecutive'],
    ['0123', 'consecutive'],
    ['98765432', 'consecutive'],
    ['0000', 'repeated'],
    ['77777777', 'repeated'],
  ])('refuses the trivial %s', (pin, why) => {
    expect(pinPolicyProblem(pin)).toMatch(why === 'repeated' ? /one digit repeated/ : /run of consecutive digits/);
  });

  it.each(['', '123', '258', '123456789', '25a0', ' 2580', '2580 ', '２５８０', '-2580', '25.80'])('refuses the malformed %j', (pin) => {
    expect(pinPolicyProblem(pin)).toMatch(/4 to 8 digits/);
  });

  it('accepts exactly the 4–8 digit strings that are neither one digit repeated nor a straight run', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 8 }), (digits) => {
        const pin = digits.join('');
        const repeated = digits.every((d) => d === digits[0]);
        const up = digits.every((d, i) => i === 0 || d === (digits[i - 1] ?? -9) + 1);
        const down = digits.every((d, i) => i === 0 || d === (digits[i - 1] ?? -9) - 1);
        expect(isAcceptablePin(pin)).toBe(!repeated && !up && !down);
      }),
    );
  });

  it('refuses any string of the wrong length or with a non-digit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        if (!/^[0-9]{4,8}$/.test(text)) expect(isAcceptablePin(text)).toBe(false);
      }),
    );
  });
});
