import { simpleParser } from 'mailparser';
import type { OutboundReply } from '@cs/contracts';
import { composeReplyMime, createGmailReplySender, type GmailSendTransport } from './gmail-reply.sender';

const reply: OutboundReply = {
  eventId: 'answer:email:18c2f0a1b2',
  schemaVersion: 1,
  replyId: '5f0c7a3e-2222-4b4b-8e8e-abcdefabcdef',
  channel: 'email',
  kind: 'answer',
  inReplyToEventId: 'email:18c2f0a1b2',
  correlationId: '0b7d4c1e-1111-4a4a-9f9f-123456789abc',
  conversationId: '7a9c2b1d-3333-4c4c-9d9d-fedcbafedcba',
  ticketNumber: 'TKT-8F3K2Q',
  recipient: { email: 'jane.doe@example.com', displayName: 'Jane Doe' },
  subject: 'Re: CSV export fails',
  text: 'Dear Jane,\n\nPlease clear the export cache – it fixes “stuck” exports.\n\nBest regards,\nBrightdesk',
  threading: { gmailThreadId: '18c2f0a1b2thread', messageId: '<CAJ1x9p=reply002yR@mail.gmail.com>', references: ['<CAJ1x9p=plain001xQ@mail.gmail.com>'] },
  createdAt: '2026-11-16T10:00:00.000Z',
};
const from = { address: 'support@brightdesk.test', name: 'Brightdesk Support' };

describe('email replies', () => {
  it('builds an RFC 2822 reply in the customer’s thread', async () => {
    const mail = await simpleParser(await composeReplyMime(reply, from));
    expect(mail.subject).toBe('Re: CSV export fails');
    expect(mail.inReplyTo).toBe('<CAJ1x9p=reply002yR@mail.gmail.com>');
    expect(mail.references).toEqual(['<CAJ1x9p=plain001xQ@mail.gmail.com>', '<CAJ1x9p=reply002yR@mail.gmail.com>']);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Brightdesk Support', address: 'support@brightdesk.test' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe('jane.doe@example.com');
    expect(mail.text?.trim()).toBe(reply.text);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('gives one reply one Message-ID however often it is built, and prefixes Re: once', async () => {
    const first = await simpleParser(await composeReplyMime(reply, from));
    const again = await simpleParser(await composeReplyMime({ ...reply, replyId: '00000000-0000-4000-8000-000000000000' }, from));
    expect(first.messageId).toMatch(/^<[0-9a-f]{32}@brightdesk\.test>$/);
    expect(again.messageId).toBe(first.messageId);
    expect((await simpleParser(await composeReplyMime({ ...reply, subject: 'Export' }, from))).subject).toBe('Re: Export');
  });

  it('sends through the transport with the Gmail thread id', async () => {
    const calls: Array<string | undefined> = [];
    const transport: GmailSendTransport = { send: async (_raw, threadId) => (calls.push(threadId), { id: 'sent-1', threadId: threadId ?? '' }) };
    await expect(createGmailReplySender({ transport, from }).send(reply)).resolves.toEqual({ providerMessageId: 'sent-1' });
    expect(calls).toEqual(['18c2f0a1b2thread']);
  });

  it('refuses a reply without an address as a permanent error', async () => {
    await expect(composeReplyMime({ ...reply, recipient: { phone: '+14155550123' } }, from)).rejects.toMatchObject({ code: 'EMAIL_NO_RECIPIENT', retriable: false });
  });
});
