import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fullName } from '../../lib/names';
import { useLingering } from '../../lib/use-lingering';
import type { AccountActions } from './use-account-actions';

/** "Deactivate this account?" and "Delete this account?", asked from the staff list. */
export function AccountConfirmDialogs({ actions }: { actions: AccountActions }) {
  const { question } = actions;
  const asked = useLingering(question);
  return (
    <>
      <ConfirmDialog
        opened={question?.kind === 'deactivate'}
        title="Deactivate this account?"
        confirmLabel="Deactivate"
        danger
        loading={actions.deactivating}
        onCancel={actions.dismiss}
        onConfirm={() => question && actions.deactivate(question.user)}
      >
        {asked ? (
          <>
            <b>{fullName(asked.user)}</b> ({asked.user.username}) will be signed out everywhere and cannot sign in until the account is
            activated again. Nothing else changes.
          </>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        opened={question?.kind === 'delete'}
        title="Delete this account?"
        confirmLabel="Delete"
        danger
        loading={actions.deleting}
        onCancel={actions.dismiss}
        onConfirm={() => question && actions.remove(question.user)}
      >
        {asked ? (
          <>
            <b>{fullName(asked.user)}</b> ({asked.user.username}) disappears from the lists and can no longer sign in. Their orders and
            history stay; the username stays taken. {asked.user.role === 'manager' ? 'Their workers will have no manager. ' : ''}This cannot
            be undone here.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
