import { Modal } from '@mantine/core';
import { useLingering } from '../../lib/use-lingering';
import { CashReport } from './CashReport';
import { titleStyles } from './dialog-styles';

/** A session's report in a dialog: the X report of the drawer at hand, or any session's from the list. */
export function CashReportModal({ sessionId, onClose }: { sessionId: number | null; onClose: () => void }) {
  const shown = useLingering(sessionId);
  return (
    <Modal opened={sessionId !== null} onClose={onClose} title="Drawer report" size="xl" centered styles={titleStyles}>
      <div data-testid="report-dialog">{shown !== null ? <CashReport key={shown} sessionId={shown} focusPrint /> : null}</div>
    </Modal>
  );
}
