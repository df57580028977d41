import type { OutboundReply } from '@cs/contracts';
import type { WhatsappMessageRequest, WhatsappTransport } from './twilio-messages.client';
import { createSendRateLimiter, createWhatsappReplySender, type WhatsappDeliveryStore } from './whatsapp-reply.sender';

const NOW = new Date('2026-11-16T12:00:00Z');
const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

function reply(text: string): OutboundReply {
  return {
    eventId: `answer:whatsapp:SM${Math.random().toString(16).slice(2)}`,
    schemaVersion: 1,
    replyId: '5f0c7a3e-2222-4b4b-8e8e-abcdefabcdef',
    channel: 'whatsapp',
    kind: 'answer',
    inReplyToEventId: 'whatsapp:SM1',
    correlationId: '0b7d4c1e-1111-4a4a-9f9f-123456789abc',
    conversationId: '7a9c2b1d-3333-4c4c-9d9d-fedcbafedcba',
    ticketNumber: 'TKT-8F3K2Q',
    recipient: { phone: '+14155550123', displayName: 'Sam Lee' },
    text,
    createdAt: NOW.toISOString(),
  };
}

function setup(options: { lastInbound: Date | null; failAt?: number; template?: string; perSecond?: number }) {
  const sent: Array<WhatsappMessageRequest & { at: number }> = [];
  const parts = new Map<string, Map<number, string>>();
  let calls = 0;
  const transport: WhatsappTransport = {
    sender: 'whatsapp:+14155238886',
    async createMessage(request) {
      calls += 1;
      if (calls === options.failAt) throw Object.assign(new Error('boom'), { code: 'TWILIO_UNAVAILABLE', retriable: true });
      sent.push({ ...request, at: performance.now() });
      return { sid: `SM${String(sent.length).padStart(32, '0')}` };
    },
  };
  const store: WhatsappDeliveryStore = {
    lastInboundAt: async () => options.lastInbound,
    sentParts: async (id) => new Map(parts.get(id) ?? []),
    recordPart: async (id, index, sid) => void parts.set(id, (parts.get(id) ?? new Map()).set(index, sid)),
  };
  const limiter = createSendRateLimiter(options.perSecond ?? 1000);
  const sender = createWhatsappReplySender({
    transport, store, limiter, sessionWindowMs: 24 * 3_600_000, templateContentSid: options.template, now: () => NOW,
    statusCallbackUrl: (id, part) => `https://support.brightdesk.test/webhooks/whatsapp/status?reply=${id}&part=${part}`,
  });
  return { sender, sent, limiter };
}

describe('WhatsApp replies', () => {
  const recent = new Date(NOW.getTime() - 3_600_000);

  it('sends a long reply inside the window as parts of at most 1600 characters, split at sentences', async () => {
    const { sender, sent } = setup({ lastInbound: recent });
    const text = 'This sentence explains one step of the export in some detail. '.repeat(60).trim();
    const result = await sender.send(reply(text));
    expect(sent.length).toBe(3);
    expect(sent.every((m) => m.body!.length <= 1600 && m.body!.endsWith('.'))).toBe(true);
    expect(sent.map((m) => m.body).join(' ')).toBe(text);
    expect(result.parts).toHaveLength(3);
    expect(sent[1]!.statusCallback).toContain('part=1');
  });

  it('sends the approved template outside the 24-hour window', async () => {
    const { sender, sent } = setup({ lastInbound: new Date(NOW.getTime() - 25 * 3_600_000), template: TEMPLATE });
    await sender.send(reply('Your export is ready.'));
    expect(sent).toEqual([expect.objectContaining({ to: '+14155550123', contentSid: TEMPLATE, contentVariables: { '1': 'Sam', '2': 'TKT-8F3K2Q' } })]);
    expect(sent[0]!.body).toBeUndefined();
  });

  it('dead-letters a reply outside the window when no template is configured', async () => {
    const { sender, sent } = setup({ lastInbound: null });
    await expect(sender.send(reply('Hello'))).rejects.toMatchObject({ code: 'WHATSAPP_OUTSIDE_SESSION_WINDOW', retriable: false });
    expect(sent).toHaveLength(0);
  });

  it('resumes after the parts already sent when a send is retried', async () => {
    const { sender, sent } = setup({ lastInbound: recent, failAt: 2 });
    const r = reply('First sentence here. '.repeat(150).trim());
    await expect(sender.send(r)).rejects.toThrow('boom');
    expect(sent).toHaveLength(1);
    const result = await sender.send(r);
    expect(sent).toHaveLength(2);
    expect(result.parts).toHaveLength(2);
    expect(sent[1]!.body).not.toBe(sent[0]!.body);
  });

  it('keeps a sender under its rate', async () => {
    const { sender, sent, limiter } = setup({ lastInbound: recent, perSecond: 20 });
    await Promise.all(Array.from({ length: 6 }, () => sender.send(reply('Hi.'))));
    // Six sends at 20/s take at least five intervals of 50 ms. Measured over the whole run: a single gap can look
    // shorter when the event loop delays one request's arrival at the fake server (seen on a loaded CI machine).
    const span = sent[5]!.at - sent[0]!.at;
    expect(span).toBeGreaterThanOrEqual(5 * 50 * 0.9);
    await limiter.stop();
  });
});
