import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm, type FormValidateInput, type UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import type { MutationOptionsOf, NamedRow } from './named-rows';

export interface AddNamedRowFormProps<Values extends { name: string }, Row extends NamedRow, Err, Vars> {
  /** The form's accessible name, e.g. "Add a register". */
  label: string;
  /** `register` gives the test ids `register-add-name` and `register-add`. */
  testIdStem: string;
  nameInput: { placeholder: string; label: string; maxLength: number };
  buttonText: string;
  initialValues: Values;
  validate: FormValidateInput<Values>;
  /** Fields between the name and the button. */
  extraFields?: (form: UseFormReturnType<Values>) => ReactNode;
  /** What is sent, or null to send nothing (a field the rules let through but cannot be read). */
  toVariables: (values: Values) => Vars | null;
  mutationOptions: MutationOptionsOf<Row, Err, Vars>;
  added: (saved: Row) => string;
  addedTitle: string;
  failureTitle: string;
  /** The server's name of a field, as the form knows it. */
  fieldName?: (key: string) => string;
  refresh: () => Promise<unknown>;
}

/** One line to add a row: its name (and any fields of its own) and a button. */
export function AddNamedRowForm<Values extends { name: string }, Row extends NamedRow, Err, Vars>(
  props: AddNamedRowFormProps<Values, Row, Err, Vars>,
) {
  const { refresh } = props;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: props.initialValues, validate: props.validate });
  const create = useMutation(
    props.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(props.added(saved), props.addedTitle);
        form.reset();
        await refresh();
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err, props.fieldName));
        if (!apiErrorOf(err)) notifyFailure(err, props.failureTitle);
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const variables = props.toVariables(values);
    if (variables === null) return;
    create.mutate(variables);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={props.label}>
      <Stack gap="xs">
        <FormError message={formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            placeholder={props.nameInput.placeholder}
            aria-label={props.nameInput.label}
            maxLength={props.nameInput.maxLength}
            autoComplete="off"
            style={{ flex: 1 }}
            {...form.getInputProps('name')}
            data-testid={`${props.testIdStem}-add-name`}
          />
          {props.extraFields?.(form)}
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            data-testid={`${props.testIdStem}-add`}
          >
            {props.buttonText}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
