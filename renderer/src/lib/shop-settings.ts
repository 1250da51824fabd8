import { createContext, useContext } from 'react';
import type { ShopSettingsDto } from '../../../shared/schemas/shop';

/** The shop's settings as last read (renderer/src/app/ShopSettingsProvider.tsx provides them). */
export const ShopSettingsContext = createContext<ShopSettingsDto | null>(null);

/** The shop's settings once read after sign-in; null on the screens before it (sign-in, set-up). */
export function useShopSettings(): ShopSettingsDto | null {
  return useContext(ShopSettingsContext);
}
