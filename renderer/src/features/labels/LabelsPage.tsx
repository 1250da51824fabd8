import { Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { MAX_LABELS_PER_SHEET } from '../../../../shared/schemas/labels';
import { PageHeader } from '../../components/PageHeader';
import { notifyFailure, notifyWarning } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { ProductSearch } from '../pos/ProductSearch';
import {
  addScanned,
  isLayoutChoice,
  isPrintable,
  LAYOUT_CHOICES,
  labelCountOf,
  sheetInputOf,
  type LabelLayoutChoice,
  type LabelLine,
} from './label-lines';
import { LabelLines } from './LabelLines';
import { LabelPreview } from './LabelPreview';

/** Barcode labels (managers): scan or search products, say how many of each, preview, print. */
export default function LabelsPage() {
  const trpc = useTRPC();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  const [search, setSearch] = useState('');
  const [lines, setLines] = useState<LabelLine[]>([]);
  const [layout, setLayout] = useState<LabelLayoutChoice>('a4_sheet');
  // The preview shows what was asked for; any change makes it out of date, so it goes.
  const [sheet, setSheet] = useState<string | null>(null);

  const preview = useMutation(
    trpc.labels.sheet.mutationOptions({
      onSuccess: (result) => setSheet(result.html),
      onError: (error) => notifyFailure(error, 'The labels were not made'),
    }),
  );
  const changeLines = (change: (current: LabelLine[]) => LabelLine[]) => {
    setSheet(null);
    setLines(change);
  };

  const count = labelCountOf(lines);
  const printable = isPrintable(lines);

  return (
    <div data-testid="labels-page">
      <PageHeader title="Labels" description="Barcode labels with name and price: for the shelf, or to stick on the goods." />
      <Stack gap="lg">
        <Card>
          <Stack gap="md">
            <Title order={2} fz={17}>
              Products
            </Title>
            <ProductSearch
              value={search}
              onValueChange={setSearch}
              inputRef={searchRef}
              onPick={(product) => changeLines((current) => addScanned(current, product))}
              onNothingFound={(query) => notifyWarning(`No product matches “${query}”.`, 'Not in the catalog')}
            />
            <LabelLines
              lines={lines}
              onCopies={(productId, copies) =>
                changeLines((current) => current.map((line) => (line.product.id === productId ? { ...line, copies } : line)))
              }
              onRemove={(productId) => changeLines((current) => current.filter((line) => line.product.id !== productId))}
            />
            <Group justify="space-between" align="flex-end">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="labels-layout-label">
                  Print on
                </Text>
                <SegmentedControl
                  aria-labelledby="labels-layout-label"
                  data={[...LAYOUT_CHOICES]}
                  value={layout}
                  onChange={(value) => {
                    if (!isLayoutChoice(value)) return;
                    setSheet(null);
                    setLayout(value);
                  }}
                  data-testid="labels-layout"
                />
              </Stack>
              <Group gap="sm">
                <Text size="sm" c={count > MAX_LABELS_PER_SHEET ? 'red' : 'dimmed'} data-testid="labels-count">
                  {count} {count === 1 ? 'label' : 'labels'}
                  {count > MAX_LABELS_PER_SHEET ? ` (at most ${MAX_LABELS_PER_SHEET} at once)` : ''}
                </Text>
                <Button
                  variant="default"
                  leftSection={<IconEye size={18} />}
                  disabled={!printable}
                  loading={preview.isPending}
                  onClick={() => preview.mutate(sheetInputOf(lines, layout))}
                  data-testid="labels-preview"
                >
                  Preview
                </Button>
                <Button
                  leftSection={<IconPrinter size={18} />}
                  disabled={sheet === null}
                  onClick={() => frameRef.current?.contentWindow?.print()}
                  data-testid="labels-print"
                >
                  Print
                </Button>
              </Group>
            </Group>
          </Stack>
        </Card>
        {sheet === null ? null : <LabelPreview html={sheet} frameRef={frameRef} />}
      </Stack>
    </div>
  );
}
