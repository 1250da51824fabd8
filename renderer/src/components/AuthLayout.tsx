import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './Brand';
import classes from './AuthLayout.module.css';

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  /** Wider card for forms with a checklist beside them. */
  width?: number;
  children: ReactNode;
  testId?: string;
}

/** The centred card of every screen before the app shell: set-up, sign-in, locked, forced change. */
export function AuthLayout({ title, description, width = 420, children, testId }: AuthLayoutProps) {
  return (
    <Box className={classes.page} component="main" data-testid={testId}>
      <Center mih="100vh" p="md">
        <Stack gap="md" w="100%" maw={width}>
          <Center>
            <Brand size="lg" />
          </Center>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={24}>
                  {title}
                </Title>
                {description ? (
                  <Text c="dimmed" size="sm">
                    {description}
                  </Text>
                ) : null}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
