import { Button, Group, Input, NumberInput, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RoleKey } from '../../../../shared/roles';
import type { PatchRoleSettingsInput, RoleSettingsDto } from '../../../../shared/schemas/roles';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';

type Values = { [K in keyof RoleSettingsDto]: RoleSettingsDto[K] extends number ? number | string : boolean };

const BOUNDS = {
  minimum_characters: [4, 128],
  password_expiration: [0, 3650],
  max_failed_attempts: [1, 100],
  max_discount_percent: [0, 100],
} as const;

function inRange([min, max]: readonly [number, number]) {
  return (value: number | string) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `Enter a whole number from ${min} to ${max}.`;
}

/** Only the settings that changed, as `roles.updateSettings` takes them. */
function changedSettings(values: Values, initial: RoleSettingsDto): PatchRoleSettingsInput {
  const patch: PatchRoleSettingsInput = {};
  for (const key of ['minimum_characters', 'password_expiration', 'max_failed_attempts', 'max_discount_percent'] as const) {
    const value = values[key];
    if (typeof value === 'number' && value !== initial[key]) patch[key] = value;
  }
  for (const key of ['contain_upper_case', 'contain_lower_case', 'contain_number', 'contain_special_case'] as const) {
    if (values[key] !== initial[key]) patch[key] = values[key];
  }
  return patch;
}

/** A Super Admin edits one role's password policy and discount limit. */
export function PolicyForm({ roleKey, roleName, policy }: { roleKey: RoleKey; roleName: string; policy: RoleSettingsDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { ...policy },
    validate: {
      minimum_characters: inRange(BOUNDS.minimum_characters),
      password_expiration: inRange(BOUNDS.password_expiration),
      max_failed_attempts: inRange(BOUNDS.max_failed_attempts),
      max_discount_percent: inRange(BOUNDS.max_discount_percent),
    },
  });

  const save = useMutation(
    trpc.roles.updateSettings.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`The ${roleName} policy is saved.`, 'Policy updated');
        await queryClient.invalidateQueries({ queryKey: trpc.roles.list.queryKey() });
      },
      onError: (err) => {
        // tRPC input paths are `settings.<field>`.
        setFormError(formErrorOf(form, err, (key) => key.replace(/^settings\./, '')));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the policy');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate({ key: roleKey, settings: changedSettings(values, policy) });
  });
  const dirty = Object.keys(changedSettings(form.values, policy)).length > 0;
  const id = (field: string) => `${roleKey}-${field}`;

  return (
    <form onSubmit={submit} noValidate aria-label={`${roleName} password policy`} data-testid={`policy-form-${roleKey}`}>
      <Stack gap="md">
        <FormError message={formError} />
        <NumberInput
          id={id('min')}
          label="Minimum length"
          suffix=" characters"
          min={BOUNDS.minimum_characters[0]}
          max={BOUNDS.minimum_characters[1]}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          {...form.getInputProps('minimum_characters')}
        />
        <Input.Wrapper label="Must contain at least one" labelElement="div" id={id('contain')}>
          <Stack gap={8} mt={6} role="group" aria-labelledby={`${id('contain')}-label`}>
            <Switch label="Upper-case letter" {...form.getInputProps('contain_upper_case', { type: 'checkbox' })} />
            <Switch label="Lower-case letter" {...form.getInputProps('contain_lower_case', { type: 'checkbox' })} />
            <Switch label="Digit" {...form.getInputProps('contain_number', { type: 'checkbox' })} />
            <Switch label="Special character" {...form.getInputProps('contain_special_case', { type: 'checkbox' })} />
          </Stack>
        </Input.Wrapper>
        <NumberInput
          id={id('expiration')}
          label="Password expires after (days)"
          description="0 means the password never expires."
          min={BOUNDS.password_expiration[0]}
          max={BOUNDS.password_expiration[1]}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          {...form.getInputProps('password_expiration')}
        />
        <NumberInput
          id={id('attempts')}
          label="Lock after failed sign-ins"
          description="The account locks at this many wrong passwords in a row."
          min={BOUNDS.max_failed_attempts[0]}
          max={BOUNDS.max_failed_attempts[1]}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          {...form.getInputProps('max_failed_attempts')}
        />
        <NumberInput
          id={id('discount')}
          label="Largest discount without approval"
          description="Share of a sale; a larger discount needs a manager’s PIN."
          suffix=" %"
          min={BOUNDS.max_discount_percent[0]}
          max={BOUNDS.max_discount_percent[1]}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          data-testid={`policy-discount-${roleKey}`}
          {...form.getInputProps('max_discount_percent')}
        />
        <Group justify="flex-end" gap="sm">
          {dirty ? (
            <Button variant="subtle" color="gray" disabled={save.isPending} onClick={() => form.reset()}>
              Reset
            </Button>
          ) : null}
          <Button type="submit" disabled={!dirty} loading={save.isPending} data-testid={`policy-save-${roleKey}`}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
