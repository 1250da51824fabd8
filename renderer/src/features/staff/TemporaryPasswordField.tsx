import { Anchor, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useState } from 'react';
import { ROLE_NAMES, type RoleKey } from '../../../../shared/roles';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { PageError } from '../../components/PageStates';
import { usePasswordPolicy } from '../auth/policies';
import { suggestPassword } from './temporary-password';

/** A temporary password with the role's live checklist and a "suggest one" helper. */
export function TemporaryPasswordField({
  role,
  inputProps,
  value,
  onSuggest,
  optional,
}: {
  role: RoleKey;
  inputProps: GetInputPropsReturnType;
  value: string;
  onSuggest: (password: string) => void;
  optional: boolean;
}) {
  const { policy, isPending, error, refetch } = usePasswordPolicy(role);
  const [visible, setVisible] = useState(false);
  return (
    <Stack gap="sm">
      <PasswordInput
        label={optional ? 'Set a temporary password' : 'Temporary password'}
        description={optional ? 'Optional. Leave empty to keep the current password.' : undefined}
        autoComplete="new-password"
        required={!optional}
        visible={visible}
        onVisibilityChange={setVisible}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        {...inputProps}
        data-testid="user-password"
      />
      {isPending ? (
        <Text size="sm" c="dimmed">
          Loading the {ROLE_NAMES[role]} password rules…
        </Text>
      ) : error ? (
        <PageError error={error} onRetry={() => void refetch()} title="The password rules could not be loaded" />
      ) : policy && (!optional || value !== '') ? (
        <PasswordChecklist policy={policy} password={value} columns={2} />
      ) : null}
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed">
          {optional
            ? 'A password you set here is temporary: they must change it at their next sign-in, and their current sign-ins end.'
            : 'This password is temporary: they must change it at their first sign-in.'}
        </Text>
        {policy ? (
          <Anchor
            component="button"
            type="button"
            size="xs"
            fw={500}
            style={{ whiteSpace: 'nowrap' }}
            onClick={() => {
              onSuggest(suggestPassword(policy));
              setVisible(true);
            }}
            data-testid="user-password-suggest"
          >
            Suggest one
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}
