import { maskEmail, maskPhone, redactSensitiveText, REDACTED_CARD } from './redaction';

describe('redactSensitiveText', () => {
  it.each([
    ['4111111111111111', 'plain 16 digits'],
    ['4111 1111 1111 1111', 'grouped by spaces'],
    ['4111-1111-1111-1111', 'grouped by dashes'],
    ['378282246310005', 'amex 15 digits'],
    ['123456789012', '12 digits'],
  ])('masks %s (%s)', (card) => {
    const out = redactSensitiveText(`my card is ${card}, thanks`);
    expect(out).toBe(`my card is ${REDACTED_CARD}, thanks`);
    expect(out).not.toMatch(/\d{4}/);
  });

  it('keeps order numbers, dates and phone numbers shorter than 12 digits', () => {
    const text = 'Order 12345678 on 2026-11-22, call +1 415 555 0123';
    expect(redactSensitiveText(text)).toBe(text);
  });

  it('masks API keys, bearer tokens and passwords', () => {
    const out = redactSensitiveText('key sk-abcdefghijklmnopqrstu and Bearer abcdefghijklmnopqrstuvwxyz123 password: hunter22');
    expect(out).not.toContain('sk-abcdef');
    expect(out).not.toContain('abcdefghijklmnopqrstuvwxyz123');
    expect(out).not.toContain('hunter22');
  });
});

describe('masking identifiers', () => {
  it('masks emails and phones', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskPhone('+14155550123')).toBe('+1415***0123');
  });
});
