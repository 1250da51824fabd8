import { Badge, Button, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { BackupDto } from '../../../../shared/schemas/backups';
import { Timestamp } from '../../components/Timestamp';
import { shopClockFormat } from '../../lib/dates';
import { BACKUP_REASON_LABELS, BACKUP_WHEN_FORMAT, formatBackupSize } from './backup-text';

function IntegrityBadge({ integrity }: { integrity: BackupDto['integrity'] }) {
  return integrity === 'ok' ? (
    <Badge size="sm" variant="light" color="teal" tt="none" data-testid="backup-integrity" data-integrity="ok">
      Checked: ok
    </Badge>
  ) : (
    <Badge size="sm" variant="filled" color="red" tt="none" data-testid="backup-integrity" data-integrity="failed">
      Damaged
    </Badge>
  );
}

interface BackupsTableProps {
  backups: BackupDto[];
  /** "Restore…" on each row: the desktop app only (null elsewhere). */
  onRestore: ((backup: BackupDto) => void) | null;
}

/** The backups kept in the data folder, newest first, in the shop's time. */
export function BackupsTable({ backups, onRestore }: BackupsTableProps) {
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="backups-empty">
        No backup yet. The first daily backup is made at the time below, or back up now.
      </Text>
    );
  }
  const when = shopClockFormat(BACKUP_WHEN_FORMAT);
  return (
    <Table verticalSpacing="xs" data-testid="backups-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Integrity</Table.Th>
          {onRestore ? <Table.Th aria-label="Actions" /> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id} data-file={backup.file}>
            <Table.Td title={backup.file}>
              <Timestamp iso={backup.created_at} format={when} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" data-testid="backup-reason">
                {BACKUP_REASON_LABELS[backup.reason]}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="backup-size">
                {formatBackupSize(backup.size_bytes)}
              </Text>
            </Table.Td>
            <Table.Td>
              <IntegrityBadge integrity={backup.integrity} />
            </Table.Td>
            {onRestore ? (
              <Table.Td style={{ textAlign: 'right' }}>
                {backup.integrity === 'ok' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconRestore size={14} aria-hidden />}
                    onClick={() => onRestore(backup)}
                    aria-label={`Restore the backup of ${when.format(new Date(backup.created_at))}`}
                    data-testid="backup-restore"
                  >
                    Restore…
                  </Button>
                ) : null}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
