import { checkReplyFormat, formatReply, splitForWhatsapp } from './reply-format';

const base = { kind: 'answer' as const, body: 'You can export boards from Settings > Export.', ticketNumber: 'TKT-8F3K2Q', signature: 'Brightdesk Support' };

describe('formatReply', () => {
  it('writes a formal email with greeting, ticket reference and signature', () => {
    const text = formatReply({ ...base, channel: 'email', customerName: 'Jane Doe' });
    expect(text).toMatch(/^Dear Jane,/);
    expect(text).toContain('TKT-8F3K2Q');
    expect(text.trim().endsWith('Brightdesk Support')).toBe(true);
  });

  it('keeps WhatsApp conversational and web semi-formal with the ticket', () => {
    expect(formatReply({ ...base, channel: 'whatsapp', customerName: 'jane' })).toBe(`Hi jane! ${base.body}`);
    expect(formatReply({ ...base, channel: 'web_form' })).toMatch(/^Hello,\n\n.*\n\nTicket TKT-8F3K2Q$/s);
  });

  it('caps a web reply at 300 words', () => {
    const text = formatReply({ ...base, channel: 'web_form', body: 'word '.repeat(400) });
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(300);
  });
});

describe('splitForWhatsapp', () => {
  it('splits at sentence boundaries under the limit', () => {
    const sentence = 'This sentence is exactly fifty characters long ok. ';
    const parts = splitForWhatsapp(sentence.repeat(70));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1600);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(sentence.repeat(70).trim().replace(/\s+/g, ' '));
  });

  it('cuts a single overlong sentence at word boundaries', () => {
    const parts = splitForWhatsapp('word '.repeat(700));
    expect(parts.every((p) => p.length <= 1600)).toBe(true);
    expect(parts.join(' ').split(' ').length).toBe(700);
  });
});

describe('channel rules', () => {
  it('shortens a long email body but keeps greeting, ticket reference and signature', () => {
    const text = formatReply({ ...base, channel: 'email', customerName: 'Jane Doe', body: 'word '.repeat(700) });
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(500);
    expect(text).toContain('TKT-8F3K2Q');
    expect(checkReplyFormat('email', text, 'TKT-8F3K2Q').violations).toEqual([]);
  });

  it('reports what a reply gets wrong for its channel', () => {
    expect(checkReplyFormat('email', 'Just text', 'TKT-8F3K2Q').violations).toEqual(['email_greeting', 'email_ticket_reference', 'email_signature']);
    expect(checkReplyFormat('web_form', 'Hello', 'TKT-8F3K2Q').violations).toEqual(['web_ticket_reference']);
    expect(checkReplyFormat('whatsapp', 'x'.repeat(400), 'TKT-8F3K2Q')).toEqual({ violations: [], long: true });
  });
});
