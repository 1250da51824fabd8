/**
 * The shop's currency (ISO 4217). A constant for now: it belongs in the shop's settings, next
 * to the shop name, so that a shop outside the euro area can change it without a new build.
 */
export const SHOP_CURRENCY = 'EUR';
