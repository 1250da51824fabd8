import type { PasswordPolicy } from '../../../../shared/password-policy';
import { passwordMeetsPolicy } from '../../components/PasswordChecklist';

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

export const usernamePattern = /^[\w.@+-]+$/u;
