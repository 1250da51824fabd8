import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLock, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { UserDto } from '../../../../shared/schemas/users';
import { RoleBadge } from '../../components/RoleBadge';
import { fullName, initials } from '../../lib/names';
import classes from './AppLayout.module.css';

interface UserMenuProps {
  user: UserDto;
  onChangePassword: () => void;
  /** Hands the till over: the switch screen, with the sale in progress parked. */
  onLockTill: (() => void) | null;
  onSignOut: () => void;
  signingOut: boolean;
}

export function UserMenu({ user, onChangePassword, onLockTill, onSignOut, signingOut }: UserMenuProps) {
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} data-testid="user-menu" aria-label={`Account menu for ${fullName(user)}`}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="teal" radius="xl" size={34}>
              {initials(user)}
            </Avatar>
            <Stack gap={2} visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.1} data-testid="user-name">
                {fullName(user)}
              </Text>
              <RoleBadge role={user.role} size="xs" data-testid="user-role" />
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {user.username}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/profile')}>
          My profile
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword} data-testid="change-password">
          Change password
        </Menu.Item>
        <Menu.Divider />
        {onLockTill ? (
          <Menu.Item leftSection={<IconLock size={16} />} onClick={onLockTill} disabled={signingOut} data-testid="lock-till">
            Lock till
          </Menu.Item>
        ) : null}
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onSignOut} disabled={signingOut} data-testid="sign-out">
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
