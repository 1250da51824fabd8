/**
 * The per-role password policy of docs/contract/API.md, shared so that the UI can show the same live
 * checklist that the core enforces. The common-password check needs the blocklist and lives
 * in the core; everything here is pure.
 */
import type { RoleKey } from './roles';

export interface PasswordPolicy {
  minimum_characters: number;
  contain_upper_case: boolean;
  contain_lower_case: boolean;
  contain_special_case: boolean;
  contain_number: boolean;
  password_expiration: number;
  max_failed_attempts: number;
}

/** Longest password accepted; bcrypt's 72-byte limit is handled by pre-hashing. */
export const PASSWORD_MAX_CHARACTERS = 128;

export const DEFAULT_POLICIES = {
  cashier: policy(6, false, true, true, true),
  attendant: policy(8, true, true, true, true),
  manager: policy(10, true, true, true, true),
  super_admin: policy(12, true, true, true, true),
  customer: policy(8, false, true, false, true),
} as const satisfies Record<RoleKey, PasswordPolicy>;

function policy(
  minimum_characters: number,
  contain_upper_case: boolean,
  contain_lower_case: boolean,
  contain_special_case: boolean,
  contain_number: boolean,
): PasswordPolicy {
  return {
    minimum_characters,
    contain_upper_case,
    contain_lower_case,
    contain_special_case,
    contain_number,
    password_expiration: 0,
    max_failed_attempts: 5,
  };
}

export interface PolicyRuleResult {
  rule: 'length' | 'max_length' | 'upper' | 'lower' | 'special' | 'number';
  ok: boolean;
  message: string;
}

/** Every rule of the policy that applies, each with whether `password` meets it. */
export function evaluatePasswordRules(policy: PasswordPolicy, password: string): PolicyRuleResult[] {
  const length = [...password].length;
  const results: PolicyRuleResult[] = [
    {
      rule: 'length',
      ok: length >= policy.minimum_characters,
      message: `At least ${policy.minimum_characters} characters.`,
    },
    {
      rule: 'max_length',
      ok: length <= PASSWORD_MAX_CHARACTERS,
      message: `At most ${PASSWORD_MAX_CHARACTERS} characters.`,
    },
  ];
  if (policy.contain_upper_case) {
    results.push({ rule: 'upper', ok: /\p{Lu}/u.test(password), message: 'At least one upper-case letter.' });
  }
  if (policy.contain_lower_case) {
    results.push({ rule: 'lower', ok: /\p{Ll}/u.test(password), message: 'At least one lower-case letter.' });
  }
  if (policy.contain_number) {
    results.push({ rule: 'number', ok: /\p{Nd}/u.test(password), message: 'At least one digit.' });
  }
  if (policy.contain_special_case) {
    results.push({
      rule: 'special',
      ok: /[^\p{L}\p{Nd}\s]/u.test(password),
      message: 'At least one special character (such as ! ? # @ -).',
    });
  }
  return results;
}
