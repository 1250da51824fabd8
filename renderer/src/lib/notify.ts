import { notifications } from '@mantine/notifications';
import { errorMessageOf } from './api-error';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyFailure(error: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: errorMessageOf(error), autoClose: 7000 });
}

/** Something the person should notice that is no failure (an unknown barcode). */
export function notifyWarning(message: string, title: string): void {
  notifications.show({ color: 'orange', title, message, autoClose: 4000 });
}
