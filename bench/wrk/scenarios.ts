/** ShopDesk's wrk scenarios by name, for the tools that run one or a few of them (ab.ts, profile-under-load.ts). */
export const SHOP_SCENARIOS: Record<string, { script: string; path: string }> = {
  health: { script: 'health.lua', path: 'health' },
  products: { script: 'products.lua', path: 'products?limit=50' },
  product: { script: 'product.lua', path: 'products' },
  orders: { script: 'orders.lua', path: 'orders' },
  sale: { script: 'sale.lua', path: 'orders' },
};
