import { Alert, Button, Code, FileButton, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { CSV_COLUMNS, type ParsedImport } from './catalog-csv';

const count = new Intl.NumberFormat();

export interface ChosenFile {
  name: string;
  parsed: ParsedImport;
}

interface ImportFileStepProps {
  file: ChosenFile | null;
  reading: boolean;
  onChoose: (file: File | null) => void;
}

/** Before the import: the expected columns, an example, the file chooser and what the file holds. */
export function ImportFileStep({ file, reading, onChoose }: ImportFileStepProps) {
  const parsed = file?.parsed;
  return (
    <>
      <Text size="sm">
        The first row names the columns: <Code>{CSV_COLUMNS.join(',')}</Code>. Prices are decimals in the shop currency (<Code>2.49</Code>).
        A row whose SKU exists updates that product, the others are created; an empty stock cell, or a file without the barcode or stock
        column, keeps what is stored (an empty barcode cell removes the barcode).
      </Text>
      <Code block fz="xs">
        {'sku,barcode,name,price,stock\nMILK-1L,4006381333931,Whole milk 1 l,1.19,48\nBREAD-500,,Sourdough bread 500 g,3.50,12'}
      </Code>
      <Group gap="sm">
        <FileButton onChange={onChoose} accept=".csv,text/csv" inputProps={{ 'data-testid': 'import-file' } as object}>
          {(props) => (
            <Button
              {...props}
              variant={file ? 'default' : 'filled'}
              leftSection={<IconFileSpreadsheet size={18} />}
              loading={reading}
              data-autofocus
            >
              {file ? 'Choose another file' : 'Choose a CSV file'}
            </Button>
          )}
        </FileButton>
        {file ? (
          <Text size="sm" fw={500} data-testid="import-file-name">
            {file.name}
          </Text>
        ) : null}
      </Group>
      {parsed?.fatal ? (
        <Alert color="red" variant="light" role="alert" title="This file cannot be imported">
          {parsed.fatal}
        </Alert>
      ) : parsed ? (
        <Alert color={parsed.rejected.length > 0 ? 'orange' : 'teal'} variant="light" data-testid="import-summary">
          {count.format(parsed.rows.length)} {parsed.rows.length === 1 ? 'row is' : 'rows are'} ready to import
          {parsed.rejected.length > 0 ? `; ${count.format(parsed.rejected.length)} will be rejected (the report says why)` : ''}.
        </Alert>
      ) : null}
    </>
  );
}
