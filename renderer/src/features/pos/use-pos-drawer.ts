import { useCallback, useState } from 'react';
import { notifyWarning } from '../../lib/notify';
import { useDeskRegister } from '../till/desk-register';
import type { DeskDrawer, PayTarget } from './use-checkout';

/** Why the Open drawer dialog is up: asked for, or on the way to paying `then`. */
interface DrawerOffer {
  then: PayTarget | null;
}

/**
 * The till's drawer: this desk's register (useDeskRegister), whether its cash session is open,
 * and the Open drawer dialog, offered when a payment finds it closed (then the payment goes on).
 */
export function usePosDrawer() {
  const desk = useDeskRegister();
  const { register, refetch } = desk;
  const [offer, setOffer] = useState<DrawerOffer | null>(null);
  const drawer: DeskDrawer | null = register
    ? { registerId: register.id, registerName: register.name, open: register.open_session_id !== null }
    : null;

  const offerDrawer = useCallback(
    (then: PayTarget | null, message: string | null) => {
      // Closed at another desk, perhaps: what the screen shows must catch up.
      if (message) {
        notifyWarning(message, 'The drawer is not open');
        void refetch();
      }
      setOffer({ then });
    },
    [refetch],
  );

  return {
    register,
    drawer,
    offer,
    offerDrawer,
    closeOffer: useCallback(() => setOffer(null), []),
  };
}
