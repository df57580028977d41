import { generateStatusToken, generateTicketNumber, statusTokenMatches, TICKET_NUMBER_PATTERN } from './ticket-number';

describe('ticket numbers and status tokens', () => {
  it('generates readable, well-spread ticket numbers', () => {
    const numbers = new Set(Array.from({ length: 5000 }, generateTicketNumber));
    expect(numbers.size).toBeGreaterThan(4990);
    for (const n of numbers) expect(n).toMatch(TICKET_NUMBER_PATTERN);
  });

  it('verifies a status token against its stored hash only', () => {
    const { token, hash } = generateStatusToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(statusTokenMatches(token, hash)).toBe(true);
    expect(statusTokenMatches(generateStatusToken().token, hash)).toBe(false);
    expect(hash).not.toContain(token);
  });
});
