import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf, stripChanges } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { nameRule, type MutationOptionsOf, type NamedRow } from './named-rows';

/** How a card renames one of its rows. */
export interface RenameSetup<Row extends NamedRow, Err, Vars> {
  /** The dialog's title, e.g. "Rename the register". */
  title: string;
  maxLength: number;
  mutationOptions: MutationOptionsOf<Row, Err, Vars>;
  variables: (row: Row, name: string) => Vars;
  renamed: (saved: Row) => string;
  renamedTitle: string;
  failureTitle: string;
  /** Shown under the name, e.g. a rate that cannot change. */
  extraFields?: (row: Row) => ReactNode;
}

interface RenameNamedRowDialogProps<Row extends NamedRow, Err, Vars> {
  row: Row;
  setup: RenameSetup<Row, Err, Vars>;
  testIdStem: string;
  refresh: () => Promise<unknown>;
  onClose: () => void;
}

/** The rename form: the name, then Cancel and Save; an unchanged name just closes. */
export function RenameNamedRowDialog<Row extends NamedRow, Err, Vars>({
  row,
  setup,
  testIdStem,
  refresh,
  onClose,
}: RenameNamedRowDialogProps<Row, Err, Vars>) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: row.name }, validate: { name: nameRule } });
  const rename = useMutation(
    setup.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(setup.renamed(saved), setup.renamedTitle);
        onClose();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, stripChanges));
        if (!apiErrorOf(err)) notifyFailure(err, setup.failureTitle);
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const name = values.name.trim();
    if (name === row.name) onClose();
    else rename.mutate(setup.variables(row, name));
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Rename ${row.name}`}>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={setup.maxLength}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
          data-testid={`${testIdStem}-rename-name`}
        />
        {setup.extraFields?.(row)}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending} data-testid={`${testIdStem}-rename-save`}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
