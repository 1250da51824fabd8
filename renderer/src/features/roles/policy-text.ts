import type { PasswordPolicy } from '../../../../shared/password-policy';

export function expiryText(days: number): string {
  if (days === 0) return 'Never expires';
  return days === 1 ? 'Expires after 1 day' : `Expires after ${days} days`;
}

export function lockoutText(attempts: number): string {
  return attempts === 1 ? 'Locks after 1 failed sign-in' : `Locks after ${attempts} failed sign-ins`;
}

export function discountLimitText(percent: number): string {
  if (percent === 0) return 'Every discount needs a manager’s approval';
  if (percent === 100) return 'Any discount without approval';
  return `Up to ${percent} % of a sale without approval`;
}

export function requiredClasses(policy: PasswordPolicy): string[] {
  const classes: string[] = [];
  if (policy.contain_upper_case) classes.push('Upper-case letter');
  if (policy.contain_lower_case) classes.push('Lower-case letter');
  if (policy.contain_number) classes.push('Digit');
  if (policy.contain_special_case) classes.push('Special character');
  return classes;
}
