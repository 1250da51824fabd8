import { Avatar, Badge, Button, Card, DataList, Group, Stack, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { Missing } from '../../components/Missing';
import { RoleBadge } from '../../components/RoleBadge';
import { formatTimestamp } from '../../lib/dates';
import { fullName, initials } from '../../lib/names';
import { EditProfileDialog } from './EditProfileDialog';

/**
 * Who the signed-in user is: the fields of `profile.me` common to workers and managers, with
 * "Edit" for their names, email and phone (the latter two ask for the current password).
 */
export function UserDetailsCard({ user, extra }: { user: UserDto; extra?: ReactNode }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card data-testid="profile-details">
      <EditProfileDialog user={user} opened={editing} onClose={() => setEditing(false)} />
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Avatar size={56} radius="xl" color="teal">
            {initials(user)}
          </Avatar>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Title order={2} fz={20}>
              {fullName(user)}
            </Title>
            <Group gap={6}>
              <RoleBadge role={user.role} />
              {user.is_locked ? (
                <Badge color="red" variant="light" radius="sm" data-testid="profile-locked">
                  Locked
                </Badge>
              ) : null}
              {!user.is_active ? (
                <Badge color="gray" variant="light" radius="sm">
                  Inactive
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ flexShrink: 0 }}
            leftSection={<IconPencil size={14} stroke={1.6} />}
            onClick={() => setEditing(true)}
            data-testid="profile-edit"
          >
            Edit
          </Button>
        </Group>
        <DataList size="sm" labelWidth={110} withDivider>
          <DataList.Item>
            <DataList.ItemLabel>Username</DataList.ItemLabel>
            <DataList.ItemValue>{user.username}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Email</DataList.ItemLabel>
            <DataList.ItemValue>{user.email ?? <Missing>Not given</Missing>}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Phone</DataList.ItemLabel>
            <DataList.ItemValue>{user.phone ?? <Missing>Not given</Missing>}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Account</DataList.ItemLabel>
            <DataList.ItemValue>{user.is_locked ? 'Locked' : user.is_active ? 'Active, not locked' : 'Inactive'}</DataList.ItemValue>
          </DataList.Item>
          {extra}
          <DataList.Item>
            <DataList.ItemLabel>Member since</DataList.ItemLabel>
            <DataList.ItemValue>{formatTimestamp(user.created_at)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Stack>
    </Card>
  );
}
