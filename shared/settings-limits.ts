/** Customers' open orders expire after this many hours at most (30 days); 0 = never. */
export const MAX_ORDER_EXPIRY_HOURS = 720;
