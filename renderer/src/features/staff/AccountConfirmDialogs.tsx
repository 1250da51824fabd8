import type { ReactNode } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fullName } from '../../lib/names';
import { useLingering } from '../../lib/use-lingering';
import type { AccountActions, AccountQuestion } from './use-account-actions';

interface Question {
  title: string;
  confirmLabel: string;
  /** Red, with the focus on Cancel: what cannot simply be set again. */
  danger: boolean;
  body: (user: UserDto) => ReactNode;
}

const QUESTIONS: Record<AccountQuestion['kind'], Question> = {
  deactivate: {
    title: 'Deactivate this account?',
    confirmLabel: 'Deactivate',
    danger: true,
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
    danger: true,
    body: (user) => (
      <>
        <b>{fullName(user)}</b> ({user.username}) disappears from the lists and can no longer sign in. Their orders and history stay; the
        username stays taken. {user.role === 'manager' ? 'Their workers will have no manager. ' : ''}This cannot be undone here.
      </>
    ),
  },
  clear_pin: {
    title: 'Clear this PIN?',
    confirmLabel: 'Clear PIN',
    danger: false,
    body: (user) => (
      <>
        The till PIN of <b>{fullName(user)}</b> ({user.username}) stops working at once: no quick switch
        {user.role === 'manager' || user.role === 'super_admin' ? ' and no approvals' : ''} until they set a new one on their profile. Their
        password is not touched.
      </>
    ),
  },
};

/** The loading state of the action asked. */
function loadingOf(kind: AccountQuestion['kind'] | undefined, actions: AccountActions): boolean {
  if (kind === 'delete') return actions.deleting;
  if (kind === 'clear_pin') return actions.clearingPin;
  return actions.deactivating;
}

/** "Deactivate this account?", "Delete this account?" and "Clear this PIN?", asked from the staff list. */
export function AccountConfirmDialogs({ actions }: { actions: AccountActions }) {
  const { question } = actions;
  // What was asked stays on screen while the dialog fades out.
  const asked = useLingering(question);
  const text = asked ? QUESTIONS[asked.kind] : null;
  const confirm = () => {
    if (question?.kind === 'deactivate') actions.deactivate(question.user);
    if (question?.kind === 'delete') actions.remove(question.user);
    if (question?.kind === 'clear_pin') actions.clearPin(question.user);
  };
  return (
    <ConfirmDialog
      opened={question !== null}
      title={text?.title ?? ''}
      confirmLabel={text?.confirmLabel ?? ''}
      danger={text?.danger ?? true}
      loading={loadingOf(asked?.kind, actions)}
      onCancel={actions.dismiss}
      onConfirm={confirm}
    >
      {asked && text ? text.body(asked.user) : null}
    </ConfirmDialog>
  );
}
