import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { resolveCustomer } from '../src';

// Identity rules on the embedded database (PGlite runs the same migrations as PostgreSQL).
describe('resolveCustomer', () => {
  let db: IsolatedTestDatabase;
  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
  }, 30_000);
  afterAll(() => db.close());

  const resolve = (ids: Parameters<typeof resolveCustomer>[1]) => db.transaction((tx) => resolveCustomer(tx, ids));

  it('links a web form with email and phone, then WhatsApp from that phone and email from that address, to one customer', async () => {
    const web = await resolve({ email: 'Jane.Doe@Example.com', phone: '+14155550123', displayName: 'Jane Doe' });
    expect(web.created).toBe(true);
    const whatsapp = await resolve({ phone: '+14155550123', displayName: 'Janie' });
    const email = await resolve({ email: 'jane.doe@example.com' });
    expect(whatsapp).toEqual({ customerId: web.customerId, created: false });
    expect(email).toEqual({ customerId: web.customerId, created: false });
    const name = await db.query<{ display_name: string }>('SELECT display_name FROM customers WHERE id = $1', [web.customerId]);
    expect(name.rows[0]!.display_name).toBe('Jane Doe');
  });

  it('never merges on a display name alone', async () => {
    const a = await resolve({ email: 'sam@example.com', displayName: 'Sam Smith' });
    const b = await resolve({ email: 'sam.smith@example.org', displayName: 'Sam Smith' });
    expect(b.customerId).not.toBe(a.customerId);
  });

  it('does not move an identifier another customer owns', async () => {
    const byEmail = await resolve({ email: 'owner@example.com' });
    const byPhone = await resolve({ phone: '+447700900123' });
    const both = await resolve({ email: 'owner@example.com', phone: '+447700900123' });
    expect(both.customerId).toBe(byEmail.customerId);
    const phoneOwner = await db.query<{ customer_id: string }>(`SELECT customer_id FROM customer_identifiers WHERE value = '+447700900123'`);
    expect(phoneOwner.rows[0]!.customer_id).toBe(byPhone.customerId);
  });

  it('attaches a new identifier to the customer the other one found', async () => {
    const first = await resolve({ phone: '+14155550999' });
    const second = await resolve({ phone: '+14155550999', email: 'new@example.com' });
    expect(second.customerId).toBe(first.customerId);
    expect((await resolve({ email: 'new@example.com' })).customerId).toBe(first.customerId);
  });
});
