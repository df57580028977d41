import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRawEmail } from '../src';

// Real-world raw emails (Gmail, Outlook, Apple Mail, Thunderbird, webmail; HTML-only, forwarded, non-UTF-8) and
// the text a customer actually wrote in each.
const FIXTURES = join(__dirname, 'fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name));
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.txt'))
  .map((f) => f.replace('.expected.txt', ''));

describe('new text extracted from real-world emails', () => {
  it('has a corpus', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  it.each(cases)('%s', async (name) => {
    const email = await parseRawEmail(read(`${name}.eml`));
    expect(email.newText).toBe(read(`${name}.expected.txt`).toString('utf8').trim());
    expect(email.automatic).toBeUndefined();
  });
});

describe('headers, charsets and attachments', () => {
  it('decodes encoded-word subjects and names in other charsets and lower-cases the sender', async () => {
    const latin1 = await parseRawEmail(read('iso-8859-1-quoted-printable.eml'));
    expect(latin1.subject).toBe('Rechnung für Oktober lässt sich nicht laden');
    expect(latin1.from).toEqual({ address: 'joerg.mueller@beispiel.example', name: 'Jörg Müller' });
    expect((await parseRawEmail(read('plain-text.eml'))).from?.address).toBe('jane.doe@example.com');
  });

  it('keeps Message-ID, In-Reply-To and References for threading', async () => {
    const email = await parseRawEmail(read('gmail-reply.eml'));
    expect(email.messageId).toBe('<CAJ1x9p=reply002yR@mail.gmail.com>');
    expect(email.inReplyTo).toBe('<3f9a1c0e2b7d4e6f8a9b0c1d2e3f4a5b@brightdesk.test>');
    expect(email.references).toEqual(['<CAJ1x9p=plain001xQ@mail.gmail.com>', '<3f9a1c0e2b7d4e6f8a9b0c1d2e3f4a5b@brightdesk.test>']);
  });

  it('describes attachments (name, type, size) instead of dropping them', async () => {
    const email = await parseRawEmail(read('windows-1252-with-attachments.eml'), { attachmentRef: (i) => `gmail:abc/attachment/${i}` });
    expect(email.subject).toBe('Export button – greyed out');
    expect(email.attachments).toEqual([
      { filename: 'screenshot.png', contentType: 'image/png', sizeBytes: expect.any(Number), providerRef: 'gmail:abc/attachment/0' },
      { filename: 'facture octobre – 2026.pdf', contentType: 'application/pdf', sizeBytes: expect.any(Number), providerRef: 'gmail:abc/attachment/1' },
    ]);
    expect(email.attachments.every((a) => a.sizeBytes > 0)).toBe(true);
  });

  it.each([
    ['out-of-office.eml', 'auto-submitted:auto-generated'],
    ['bounce.eml', 'delivery-report'],
  ])('recognises %s as automatic mail', async (file, reason) => {
    expect((await parseRawEmail(read(file))).automatic).toBe(reason);
  });
});
