// The password policy (shared/password-policy.ts), the UI's live checklist over it
// (renderer/src/lib/password-checklist.ts), and the temporary passwords the staff dialog suggests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, evaluatePasswordRules, PASSWORD_MAX_CHARACTERS, type PasswordPolicy } from '../../shared/password-policy';
import { ROLE_KEYS } from '../../shared/roles';
import { checklistLines, passwordMeetsPolicy } from '../../renderer/src/lib/password-checklist';
import { suggestPassword, temporaryPasswordRule } from '../../renderer/src/features/staff/temporary-password';

const strict: PasswordPolicy = { ...DEFAULT_POLICIES.super_admin };
const okOf = (policy: PasswordPolicy, password: string) =>
  Object.fromEntries(evaluatePasswordRules(policy, password).map((r) => [r.rule, r.ok]));

describe('password policy', () => {
  it('checks each rule the policy switches on, and only those', () => {
    expect(okOf(strict, 'Short1!')).toEqual({ length: false, max_length: true, upper: true, lower: true, number: true, special: true });
    expect(okOf(strict, 'long-enough-but-lower')).toEqual({
      length: true,
      max_length: true,
      upper: false,
      lower: true,
      number: false,
      special: true,
    });
    const lenient: PasswordPolicy = {
      ...strict,
      minimum_characters: 4,
      contain_upper_case: false,
      contain_special_case: false,
      contain_number: false,
    };
    expect(Object.keys(okOf(lenient, 'abcd'))).toEqual(['length', 'max_length', 'lower']);
  });

  it('counts characters, not UTF-16 units, and knows letters and digits beyond ASCII', () => {
    expect(okOf({ ...strict, minimum_characters: 4 }, '😀😀😀').length).toBe(false);
    expect(okOf(strict, 'ÉCOLE-été-٣٣٣-long')).toEqual(expect.objectContaining({ upper: true, lower: true, number: true, special: true }));
  });

  it('refuses a password over the ceiling', () => {
    expect(okOf(strict, `Aa1!${'x'.repeat(PASSWORD_MAX_CHARACTERS)}`).max_length).toBe(false);
  });
});

describe('password checklist', () => {
  it('shows the rules without the ceiling until it is broken', () => {
    expect(checklistLines(strict, 'Aa1!').map((l) => l.key)).toEqual(['length', 'upper', 'lower', 'number', 'special']);
    expect(checklistLines(strict, `Aa1!${'x'.repeat(PASSWORD_MAX_CHARACTERS)}`).map((l) => l.key)).toContain('max_length');
  });

  it('ticks each line as the password meets it', () => {
    const lines = checklistLines(strict, 'abcdefghijkl');
    expect(lines.filter((l) => l.ok).map((l) => l.key)).toEqual(['length', 'lower']);
    expect(lines.find((l) => l.key === 'length')?.message).toBe('At least 12 characters.');
  });

  it('adds whether the confirmation matches, never for an empty password', () => {
    expect(checklistLines(strict, 'Same-Pass-123', 'Same-Pass-123').at(-1)).toEqual({
      key: 'match',
      ok: true,
      message: 'Both entries match.',
    });
    expect(checklistLines(strict, 'Same-Pass-123', 'Other').at(-1)?.ok).toBe(false);
    expect(checklistLines(strict, '', '').at(-1)?.ok).toBe(false);
  });

  it('says a password meets the policy only when every rule is met', () => {
    expect(passwordMeetsPolicy(strict, 'Choose-A-Long-1!')).toBe(true);
    expect(passwordMeetsPolicy(strict, 'choose-a-long-1!')).toBe(false);
  });
});

describe('temporary passwords', () => {
  it('suggests passwords that meet every role’s default policy', () => {
    for (const role of ROLE_KEYS) {
      for (let i = 0; i < 20; i++) expect(passwordMeetsPolicy(DEFAULT_POLICIES[role], suggestPassword(DEFAULT_POLICIES[role]))).toBe(true);
    }
    expect(suggestPassword({ ...strict, minimum_characters: 30 })).toHaveLength(30);
  });

  it('requires one when creating, and lets an edit leave it empty', () => {
    expect(temporaryPasswordRule(strict, false)('')).toBe('Enter a temporary password.');
    expect(temporaryPasswordRule(strict, true)('')).toBeNull();
    expect(temporaryPasswordRule(strict, true)('weak')).toBe('This password does not meet every rule in the list.');
    expect(temporaryPasswordRule(null, false)('anything')).toBeNull();
  });
});
