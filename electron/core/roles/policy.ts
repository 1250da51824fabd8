import { evaluatePasswordRules, type PasswordPolicy } from '../../../shared/password-policy';
import { DomainError } from '../errors';
import { isCommonPassword } from './common-passwords';

/** Every rule `password` breaks, as messages for a person; empty when it passes. */
export function passwordPolicyViolations(policy: PasswordPolicy, password: string): string[] {
  const broken = evaluatePasswordRules(policy, password)
    .filter((r) => !r.ok)
    .map((r) => r.message);
  if (isCommonPassword(password)) broken.push('This password is too common.');
  return broken;
}

export function assertPasswordMeetsPolicy(policy: PasswordPolicy, password: string, field: string): void {
  const broken = passwordPolicyViolations(policy, password);
  if (broken.length > 0) {
    throw new DomainError('password_policy', 'The password does not meet the password policy.', {
      fields: { [field]: broken },
    });
  }
}
