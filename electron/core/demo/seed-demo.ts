import type { RoleKey } from '../../../shared/roles';
import { addDays, shopDate } from '../../../shared/shop-date';
import type { Services } from '../create-services';
import { DEMO_PRODUCTS } from './demo-catalog';
import { seedDemoDays } from './demo-days';

interface DemoPerson {
  username: string;
  first_name: string;
  last_name: string;
  role: RoleKey;
  manager?: string;
  email: string;
  phone?: string;
}

/** Demo passwords meet every default policy; the README lists them. */
export const DEMO_PASSWORDS: Record<RoleKey, string> = {
  super_admin: 'Demo-Owner-2026!',
  manager: 'Demo-Manager-2026!',
  attendant: 'Demo-Staff-2026!',
  cashier: 'Demo-Till-2026!',
  customer: 'Demo-Buyer-2026!',
};

export const DEMO_PEOPLE: DemoPerson[] = [
  { username: 'owner', first_name: 'Olga', last_name: 'Owner', role: 'super_admin', email: 'owner@demo.shop' },
  { username: 'maria', first_name: 'Maria', last_name: 'Manning', role: 'manager', email: 'maria@demo.shop', phone: '+15550100' },
  { username: 'marco', first_name: 'Marco', last_name: 'Mendes', role: 'manager', email: 'marco@demo.shop', phone: '+15550101' },
  { username: 'anna', first_name: 'Anna', last_name: 'Attwood', role: 'attendant', manager: 'maria', email: 'anna@demo.shop' },
  {
    username: 'carl',
    first_name: 'Carl',
    last_name: 'Cash',
    role: 'cashier',
    manager: 'maria',
    email: 'carl@demo.shop',
    phone: '+15550102',
  },
  { username: 'chloe', first_name: 'Chloe', last_name: 'Coin', role: 'cashier', manager: 'maria', email: 'chloe@demo.shop' },
  { username: 'arjun', first_name: 'Arjun', last_name: 'Aisle', role: 'attendant', manager: 'marco', email: 'arjun@demo.shop' },
  { username: 'cora', first_name: 'Cora', last_name: 'Counter', role: 'cashier', manager: 'marco', email: 'cora@demo.shop' },
  { username: 'pat', first_name: 'Pat', last_name: 'Buyer', role: 'customer', email: 'pat@demo.shop' },
];

const SHIFTS: [string, string][] = [
  ['08:00', '16:00'],
  ['12:00', '20:00'],
  ['16:00', '00:00'],
];

/**
 * Fills an empty database with a living demo shop: staff of every role, managers with workers
 * and their shifts, a catalog and a month of sales. Does nothing when any user exists.
 */
export async function seedDemoShop(services: Services, now = new Date()): Promise<boolean> {
  if (services.auth.isInitialized()) return false;
  const ids = new Map<string, number>();
  for (const person of DEMO_PEOPLE) {
    const { id } = await services.demo.createAccount({
      ...person,
      password: DEMO_PASSWORDS[person.role],
      managerId: person.manager ? (ids.get(person.manager) ?? null) : null,
    });
    ids.set(person.username, id);
  }
  const today = shopDate(now, services.shop.timeZone());
  const workers = DEMO_PEOPLE.filter((p) => p.manager);
  workers.forEach((worker, index) => {
    const userId = ids.get(worker.username);
    const managerId = worker.manager ? ids.get(worker.manager) : undefined;
    if (userId === undefined || managerId === undefined) return;
    for (let day = -3; day < 14; day++) {
      if ((day + index) % 7 === 5 || (day + index) % 7 === 6) continue;
      const [start, end] = SHIFTS[(index + Math.floor((day + 3) / 7)) % SHIFTS.length] ?? ['09:00', '17:00'];
      services.demo.setShift({ userId, date: addDays(today, day), start, end, createdBy: managerId });
    }
  });
  await seedDemoSales(services, ids, now);
  return true;
}

/** A catalog, a second till, and a month of days at both tills, so the dashboard and the Z reports have a story. */
async function seedDemoSales(services: Services, ids: Map<string, number>, now: Date): Promise<void> {
  const products = DEMO_PRODUCTS.map(([name, priceCents, stock], i) => ({
    id: services.demo.addProduct({
      sku: `DEMO-${String(i + 1).padStart(3, '0')}`,
      barcode: `400${String(1_000_000_000 + i * 7919).slice(0, 10)}`,
      name,
      priceCents,
      stock,
    }),
    priceCents,
  }));
  const actorOf = (username: string) => {
    const id = ids.get(username);
    return id === undefined ? undefined : services.demo.actorFor(id);
  };
  const owner = actorOf('owner');
  const closer = actorOf('maria');
  if (!owner || !closer) return;
  const sellers = ['carl', 'chloe', 'cora', 'anna'].map(actorOf).filter((actor) => actor !== undefined);
  const main = services.registers.list(owner).find((r) => r.is_default);
  const express = services.registers.create(owner, { name: 'Express till' });
  await seedDemoDays(services, { registerIds: [main?.id ?? express.id, express.id], products, sellers, closer, days: 30 }, now);
}
