import { PasswordInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { PasswordPolicy } from '../../../../shared/password-policy';
import { PasswordChecklist } from '../../components/PasswordChecklist';

type PasswordField = 'old_password' | 'new_password' | 'confirm_password';

interface PasswordChangeFieldsProps {
  /** Lets a password manager file the new password under the right account. */
  username: string;
  /** The form's `getInputProps`. */
  inputProps: (field: PasswordField) => GetInputPropsReturnType;
  values: { new_password: string; confirm_password: string };
  policy: PasswordPolicy | null;
  /** In a dialog the dialog focuses the first field when it opens; on a screen of its own the browser does. */
  inDialog: boolean;
}

/** Current, new and confirmed password, with the role's live checklist: changing one's own password. */
export function PasswordChangeFields({ username, inputProps, values, policy, inDialog }: PasswordChangeFieldsProps) {
  return (
    <>
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        required
        data-autofocus={inDialog || undefined}
        autoFocus={!inDialog}
        {...inputProps('old_password')}
      />
      <PasswordInput label="New password" autoComplete="new-password" required {...inputProps('new_password')} />
      <PasswordInput label="Confirm new password" autoComplete="new-password" required {...inputProps('confirm_password')} />
      {policy ? <PasswordChecklist policy={policy} password={values.new_password} confirmation={values.confirm_password} /> : null}
    </>
  );
}
