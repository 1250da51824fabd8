import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** What went wrong with the form or action as a whole (a field shows its own error); nothing when all is well. */
export function FormError({ message, icon }: { message: string | null; icon?: ReactNode }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" icon={icon}>
      {message}
    </Alert>
  );
}
