import { evaluatePasswordRules, type PasswordPolicy } from '../../../shared/password-policy';

export interface ChecklistLine {
  key: string;
  ok: boolean;
  message: string;
}

export function passwordMeetsPolicy(policy: PasswordPolicy, password: string): boolean {
  return evaluatePasswordRules(policy, password).every((rule) => rule.ok);
}

/**
 * The lines of the live checklist: the role's rules, and whether the confirmation matches
 * when one is being typed.
 */
export function checklistLines(policy: PasswordPolicy, password: string, confirmation?: string): ChecklistLine[] {
  const lines: ChecklistLine[] = evaluatePasswordRules(policy, password)
    // The 128-character ceiling is noise until someone nears it.
    .filter((rule) => rule.rule !== 'max_length' || !rule.ok)
    .map((rule) => ({ key: rule.rule, ok: rule.ok, message: rule.message }));
  if (confirmation !== undefined) {
    lines.push({ key: 'match', ok: password.length > 0 && password === confirmation, message: 'Both entries match.' });
  }
  return lines;
}
