import { Group, Modal, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { RowAction } from '../../components/RowAction';
import type { NamedRow } from './named-rows';
import { RenameNamedRowDialog, type RenameSetup } from './RenameNamedRowDialog';

/** A row's own attributes: what tests and styles read (`data-default`, a dimmed inactive row). */
export type RowAttributes = { [key: `data-${string}`]: string | number | boolean } & { style?: CSSProperties };

export interface NamedRowsTableProps<Row extends NamedRow, Err, Vars> {
  rows: readonly Row[];
  /** `register` gives `register-row`, `register-name`, `register-rename`, `register-rename-save`… */
  testIdStem: string;
  tableTestId: string;
  nameHeader: string;
  /** The columns after the name. */
  columns: readonly { header: string; cell: (row: Row) => ReactNode }[];
  rowAttributes: (row: Row) => RowAttributes;
  /** Beside the name, e.g. Default or Inactive. */
  badge: (row: Row) => ReactNode;
  /** The row's buttons, the rename button placed among them. */
  actions: (row: Row, renameButton: ReactNode) => ReactNode;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  rename: RenameSetup<Row, Err, Vars>;
  refresh: () => Promise<unknown>;
}

/** The rows of a named-rows card, each with its name, its columns and its buttons, and the rename dialog. */
export function NamedRowsTable<Row extends NamedRow, Err, Vars>(props: NamedRowsTableProps<Row, Err, Vars>) {
  const { testIdStem } = props;
  const [renaming, setRenaming] = useState<Row | null>(null);
  if (props.rows.length === 0 && props.empty !== undefined) return props.empty;
  return (
    <>
      <Table verticalSpacing="xs" data-testid={props.tableTestId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.nameHeader}</Table.Th>
            {props.columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id} data-testid={`${testIdStem}-row`} {...props.rowAttributes(row)}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500} data-testid={`${testIdStem}-name`}>
                    {row.name}
                  </Text>
                  {props.badge(row)}
                </Group>
              </Table.Td>
              {props.columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
              ))}
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {props.actions(
                    row,
                    <RowAction
                      tooltip="Rename"
                      label={`Rename ${row.name}`}
                      icon={<IconPencil size={16} />}
                      onClick={() => setRenaming(row)}
                      testId={`${testIdStem}-rename`}
                    />,
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={props.rename.title}
        size="sm"
        centered
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {renaming ? (
          <RenameNamedRowDialog
            row={renaming}
            setup={props.rename}
            testIdStem={testIdStem}
            refresh={props.refresh}
            onClose={() => setRenaming(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}
