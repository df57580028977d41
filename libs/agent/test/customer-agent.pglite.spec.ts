import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { createCustomerAgent, readCustomerHistory } from '../src';
import { agentRequest } from '../src/testing/agent-test-kit';

const KB_DIR = join(__dirname, '..', '..', '..', 'knowledge-base');

describe('customer agent on PGlite', () => {
  let db: IsolatedTestDatabase;
  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
  });
  afterAll(async () => db.close());

  it('ingests the shipped knowledge base at start and answers from it with the offline model', async () => {
    const agent = await createCustomerAgent({ db, env: { KNOWLEDGE_BASE_DIR: KB_DIR }, ingestOnStart: true });
    const decision = await agent.decide({ ...agentRequest('How do I restore a returned card?'), customerId: randomUUID() });
    expect(decision.action).toBe('answer');
    expect(decision.citations[0]?.source).toBe('returned-and-deleted-cards');
    expect(decision.model).toBe('offline-extractive-v1');
    const articles = await db.query<{ n: string | number }>('SELECT count(DISTINCT source) AS n FROM knowledge_base');
    expect(Number(articles.rows[0]!.n)).toBeGreaterThanOrEqual(12);
  });

  it("reads one customer's history across channels, oldest first, redacted, and nobody else's", async () => {
    const customers = await db.query<{ id: string }>("INSERT INTO customers (display_name) VALUES ('A'), ('B') RETURNING id");
    const [a, b] = customers.rows.map((r) => r.id);
    const conv = async (customer: string, channel: string) =>
      (await db.query<{ id: string }>('INSERT INTO conversations (customer_id, channel, conversation_key) VALUES ($1, $2, $3) RETURNING id', [customer, channel, `${customer}-${channel}`])).rows[0]!.id;
    const say = (conversation: string, channel: string, body: string, at: string) =>
      db.query(`INSERT INTO messages (conversation_id, direction, channel, author, body, created_at) VALUES ($1, 'inbound', $2, 'customer', $3, $4)`, [conversation, channel, body, at]);
    const email = await conv(a!, 'email');
    const whatsapp = await conv(a!, 'whatsapp');
    await say(whatsapp, 'whatsapp', 'second, card 4111 1111 1111 1111', '2026-01-02T00:00:00Z');
    await say(email, 'email', 'first', '2026-01-01T00:00:00Z');
    await say(await conv(b!, 'email'), 'email', 'someone else', '2026-01-01T12:00:00Z');
    const history = await readCustomerHistory(db, a!, 10);
    expect(history.map((h) => [h.channel, h.text])).toEqual([['email', 'first'], ['whatsapp', 'second, card [REDACTED CARD]']]);
  });
});
