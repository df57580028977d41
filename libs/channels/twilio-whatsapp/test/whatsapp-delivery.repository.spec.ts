import { applyWhatsappStatus, createWhatsappDeliveryStore, refreshDeliveryStatus } from '../src';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';

// The delivery SQL (0009_channels.sql) on PGlite; the channel suites run it on PostgreSQL 15.
describe('WhatsApp delivery records', () => {
  let db: IsolatedTestDatabase;
  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
  }, 30_000);
  afterAll(() => db.close());

  const status = async (id: string) => (await db.query<{ status: string; last_error: string | null }>('SELECT status, last_error FROM deliveries WHERE reply_event_id = $1', [id])).rows[0];

  it('measures the window from the last inbound message in the chat', async () => {
    const store = createWhatsappDeliveryStore(db);
    expect(await store.lastInboundAt('+14155550123')).toBeNull();
    const customer = (await db.query<{ id: string }>(`INSERT INTO customers (display_name) VALUES ('Sam') RETURNING id`)).rows[0]!.id;
    const conversation = (await db.query<{ id: string }>(`INSERT INTO conversations (customer_id, channel, conversation_key) VALUES ($1, 'whatsapp', 'whatsapp:+14155550123') RETURNING id`, [customer])).rows[0]!.id;
    for (const at of ['2026-11-15T08:00:00Z', '2026-11-16T09:30:00Z']) {
      await db.query(`INSERT INTO messages (conversation_id, direction, channel, author, body, created_at) VALUES ($1, 'inbound', 'whatsapp', 'customer', 'hi', $2)`, [conversation, at]);
    }
    await db.query(`INSERT INTO messages (conversation_id, direction, channel, author, body, created_at) VALUES ($1, 'outbound', 'whatsapp', 'agent', 'hello', '2026-11-16T10:00:00Z')`, [conversation]);
    expect((await store.lastInboundAt('+14155550123'))?.toISOString()).toBe('2026-11-16T09:30:00.000Z');
  });

  it('records parts and folds out-of-order callbacks into the reply status, failures first', async () => {
    const store = createWhatsappDeliveryStore(db);
    const id = 'answer:whatsapp:SMparts';
    await db.query(`INSERT INTO deliveries (reply_event_id, channel, status) VALUES ($1, 'whatsapp', 'pending')`, [id]);
    // Part 0's "delivered" arrives while the send is still pending: stored, but the delivery stays pending.
    await applyWhatsappStatus(db, { replyEventId: id, partIndex: 0, messageSid: 'SM0', status: 'delivered' });
    await store.recordPart(id, 0, 'SM0');
    await store.recordPart(id, 1, 'SM1');
    expect(await store.sentParts(id)).toEqual(new Map([[0, 'SM0'], [1, 'SM1']]));
    expect((await status(id))?.status).toBe('pending');
    await db.query(`UPDATE deliveries SET status = 'sent' WHERE reply_event_id = $1`, [id]);
    await refreshDeliveryStatus(db, id);
    expect((await status(id))?.status).toBe('sent');
    await applyWhatsappStatus(db, { replyEventId: id, partIndex: 1, messageSid: 'SM1', status: 'read' });
    await applyWhatsappStatus(db, { replyEventId: id, partIndex: 1, messageSid: 'SM1', status: 'sent' });
    expect((await status(id))?.status).toBe('delivered');
    await applyWhatsappStatus(db, { messageSid: 'SM0', status: 'undelivered', errorCode: '63024' });
    expect(await status(id)).toEqual({ status: 'undelivered', last_error: 'twilio:63024' });
    await applyWhatsappStatus(db, { messageSid: 'SM0', status: 'read' });
    expect((await status(id))?.status).toBe('undelivered');
  });

  it('ignores callbacks for replies it does not know', async () => {
    expect(await applyWhatsappStatus(db, { replyEventId: 'answer:unknown', partIndex: 0, messageSid: 'SMx', status: 'delivered' })).toBeUndefined();
    expect(await applyWhatsappStatus(db, { messageSid: 'SMnothing', status: 'delivered' })).toBeUndefined();
  });
});
