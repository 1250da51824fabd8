import { Alert, Card, Code, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { useTRPC } from '../../trpc/client';
import { PolicyForm } from './PolicyForm';
import { PolicySummary } from './PolicySummary';

/** Each role's password policy and discount limit; a Super Admin edits them, everyone else reads them. */
export default function RolePoliciesPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const roles = useQuery(trpc.roles.list.queryOptions());
  const canEdit = can(user.role, 'role_settings.update');

  return (
    <div data-testid="roles-page">
      <PageHeader
        title="Role policies"
        description="The password rules of each role, when passwords expire, how many failed sign-ins lock an account, and the largest discount it gives without a manager’s approval."
      />
      {!canEdit ? (
        <Alert variant="light" color="gray" icon={<IconLock />} mb="lg" data-testid="roles-readonly">
          Only a Super Admin can change these policies.
        </Alert>
      ) : null}
      {roles.isPending ? (
        <PageLoader label="Loading role policies…" />
      ) : roles.isError ? (
        <PageError error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <SimpleGrid minColWidth={300} spacing="lg">
          {roles.data.map(({ id: _id, key, name, ...policy }) => (
            <Card key={`${key}:${JSON.stringify(policy)}`} data-testid={`role-card-${key}`}>
              <Stack gap="md">
                <Group justify="space-between" wrap="nowrap">
                  <Title order={2} fz={18}>
                    {name}
                  </Title>
                  <Code>{key}</Code>
                </Group>
                {canEdit ? <PolicyForm roleKey={key} roleName={name} policy={policy} /> : <PolicySummary policy={policy} />}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </div>
  );
}
