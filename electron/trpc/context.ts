import type { Services } from '../core/create-services';
import type { UiSession } from './ui-session';

export interface TrpcContext {
  services: Services;
  session: UiSession;
  /** First-run setup is allowed only from the shop computer itself. */
  fromLoopback: boolean;
  /** Key for the failed-sign-in throttle: the client address, or the desktop window. */
  clientKey: string;
}
