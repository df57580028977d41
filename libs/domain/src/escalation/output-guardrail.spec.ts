import { checkReply } from './output-guardrail';

const passage = 'Open the board, select Board menu > More > Export, and choose CSV. An import can contain up to 5,000 rows.';

describe('checkReply', () => {
  it('lets through a reply built from the cited passage', () => {
    expect(checkReply({ reply: `Here is what our help article "Export" says:\n\n${passage}\n\nLet us know if anything is unclear.`, passages: [passage] })).toBeNull();
  });

  it('exempts the framing line as a whole, also when the article title ends in a question mark', () => {
    const reply = `Here is what our help article "Why didn't my export finish?" says:\n\n${passage}`;
    expect(checkReply({ reply, passages: [passage] })).toBeNull();
    expect(checkReply({ reply: `${reply}\nAlso it syncs with Salesforce opportunities.`, passages: [passage] })?.reason).toBe('unsupported_claim');
  });

  it.each([
    ['The Business plan is $12 per seat.', 'pricing'],
    ['It costs 99 EUR a month.', 'pricing'],
    ["We'll refund the difference to your card.", 'refund'],
    ['Your refund has been approved.', 'refund'],
    ['You will receive a credit on your next invoice.', 'refund'],
  ])('blocks %j as %s', (reply, reason) => {
    expect(checkReply({ reply, passages: [passage] })?.reason).toBe(reason);
  });

  it('lets a sentence about refunds through when it is copied from a cited passage, not when the agent writes it', () => {
    const feature = 'Click **Refund** next to the payment. The refund is sent through Stripe to the client\'s original payment method.';
    expect(checkReply({ reply: 'Here is what our help article "Client paid twice" says:\n\nThe refund is sent through Stripe to the client\'s original payment method.', passages: [feature] })).toBeNull();
    expect(checkReply({ reply: 'Your refund is approved and will be sent to your card.', passages: [feature] })?.reason).toBe('refund');
    expect(checkReply({ reply: 'A late fee of $25 applies by default.', passages: ['A late fee of $25 applies by default.'] })).toBeNull();
    // A table row, sent as its cells: still the passage's own words.
    expect(checkReply({ reply: '6 | Late Fee | Late fee of $20', passages: ['| Day | Stage | Action |\n|---|---|---|\n| 6 | Late Fee | Late fee of $20 |'] })).toBeNull();
  });

  it('blocks sentences the passages do not support, and numbers they do not contain', () => {
    expect(checkReply({ reply: 'Brightdesk also syncs with Salesforce opportunities automatically.', passages: [passage] })?.reason).toBe('unsupported_claim');
    expect(checkReply({ reply: 'An import can contain up to 9,000 rows.', passages: [passage] })?.evidence.rule).toBe('not_in_cited_passages');
  });

  it('blocks leaked instructions and tool names', () => {
    const verdict = checkReply({ reply: 'My tools are search_knowledge_base and more.', passages: [passage], secrets: ['search_knowledge_base'] });
    expect(verdict).toMatchObject({ reason: 'unsupported_claim', evidence: { rule: 'leaks_instructions' } });
  });
});
