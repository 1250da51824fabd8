import type { ReactNode } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fullName } from '../../lib/names';
import { useLingering } from '../../lib/use-lingering';
import type { AccountActions, AccountQuestion } from './use-account-actions';

const QUESTIONS: Record<AccountQuestion['kind'], { title: string; confirmLabel: string; body: (user: UserDto) => ReactNode }> = {
  deactivate: {
    title: 'Deactivate this account?',
    confirmLabel: 'Deactivate',
    body: (user) => (
      <>
        <b>{fullName(user)}</b> ({user.username}) will be signed out everywhere and cannot sign in until the account is activated again.
        Nothing else changes.
      </>
    ),
  },
  delete: {
    title: 'Delete this account?',
    confirmLabel: 'Delete',
    body: (user) => (
      <>
        <b>{fullName(user)}</b> ({user.username}) disappears from the lists and can no longer sign in. Their orders and history stay; the
        username stays taken. {user.role === 'manager' ? 'Their workers will have no manager. ' : ''}This cannot be undone here.
      </>
    ),
  },
};

/** "Deactivate this account?" and "Delete this account?", asked from the staff list. */
export function AccountConfirmDialogs({ actions }: { actions: AccountActions }) {
  const { question } = actions;
  // What was asked stays on screen while the dialog fades out.
  const asked = useLingering(question);
  const text = asked ? QUESTIONS[asked.kind] : null;
  const confirm = () => {
    if (question?.kind === 'deactivate') actions.deactivate(question.user);
    if (question?.kind === 'delete') actions.remove(question.user);
  };
  return (
    <ConfirmDialog
      opened={question !== null}
      title={text?.title ?? ''}
      confirmLabel={text?.confirmLabel ?? ''}
      danger
      loading={asked?.kind === 'delete' ? actions.deleting : actions.deactivating}
      onCancel={actions.dismiss}
      onConfirm={confirm}
    >
      {asked && text ? text.body(asked.user) : null}
    </ConfirmDialog>
  );
}
