import type { PasswordPolicy } from '../../../../shared/password-policy';
import { EMAIL_MESSAGE, isEmailAddress, usernameProblem } from '../../../../shared/user-rules';
import { passwordMeetsPolicy } from '../../lib/password-checklist';

export const required = (label: string) => (value: string) => (value.trim() === '' ? `Enter ${label}.` : null);

export function newPasswordRule(policy: PasswordPolicy | null) {
  return (value: string) => {
    if (value === '') return 'Enter a new password.';
    if (policy && !passwordMeetsPolicy(policy, value)) return 'This password does not meet every rule in the list.';
    return null;
  };
}

export function confirmationRule<V extends Record<K, string>, K extends string>(field: K) {
  return (value: string, values: V) => {
    if (value === '') return 'Type the new password again.';
    return value === values[field] ? null : 'The two passwords do not match.';
  };
}

/** A username with the server's rules (shared/user-rules.ts); `blank` is what an empty one gets. */
export function usernameRule(blank: string) {
  return (value: string) => (value.trim() === '' ? blank : usernameProblem(value));
}

/** An optional email address with the server's rules. */
export function optionalEmailRule(value: string): string | null {
  return value.trim() === '' || isEmailAddress(value) ? null : EMAIL_MESSAGE;
}
