import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import type { RoleKey } from '../../../../shared/roles';
import { navSectionsFor } from '../../app/pages';
import { isDesktop } from '../../trpc/client';
import classes from './AppLayout.module.css';

export function AppNavbar({ role, onNavigate }: { role: RoleKey; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <AppShell.Navbar p="sm" aria-label="Main navigation">
      <AppShell.Section grow component={ScrollArea}>
        <Stack gap="md">
          {navSectionsFor(role).map((section) => (
            <div key={section.label}>
              <Text size="xs" fw={700} c="dimmed" className={classes.sectionLabel}>
                {section.label}
              </Text>
              {section.pages.map((item) => (
                <NavLink
                  key={item.path}
                  component={RouterLink}
                  to={item.path}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.7} />}
                  active={pathname.startsWith(item.path)}
                  onClick={onNavigate}
                  variant="light"
                  fw={500}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  data-testid={`nav-${item.path.slice(1)}`}
                />
              ))}
            </div>
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Text size="xs" c="dimmed" px="sm" py="xs">
          {isDesktop ? 'Desktop app' : 'Web back office'}
        </Text>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
