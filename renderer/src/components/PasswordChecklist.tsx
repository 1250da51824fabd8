import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { checklistLines } from '../lib/password-checklist';

interface PasswordChecklistProps {
  policy: PasswordPolicy;
  password: string;
  /** When given, a last line says whether the confirmation matches. */
  confirmation?: string;
  /** Two columns where the form is wide. */
  columns?: 1 | 2;
}

/** The role's password rules, each ticked the moment the typed password meets it. */
export function PasswordChecklist({ policy, password, confirmation, columns = 1 }: PasswordChecklistProps) {
  const lines = checklistLines(policy, password, confirmation);
  return (
    <div aria-live="polite">
      <Text size="sm" fw={600} mb={6} id="password-rules-title">
        The new password needs
      </Text>
      <List
        spacing={columns === 2 ? 0 : 4}
        size="sm"
        center
        aria-labelledby="password-rules-title"
        data-testid="password-checklist"
        style={
          columns === 2
            ? { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 'var(--mantine-spacing-md)', rowGap: 4 }
            : undefined
        }
      >
        {lines.map((line) => (
          <List.Item
            key={line.key}
            data-testid={`rule-${line.key}`}
            data-ok={line.ok}
            icon={
              <ThemeIcon size={18} radius="xl" color={line.ok ? 'teal' : 'gray'} variant={line.ok ? 'filled' : 'light'} aria-hidden>
                {line.ok ? <IconCheck size={12} stroke={3} /> : <IconPoint size={12} />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" c={line.ok ? undefined : 'dimmed'}>
              {line.message}
            </Text>
            <VisuallyHidden>{line.ok ? ' (met)' : ' (not met yet)'}</VisuallyHidden>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
