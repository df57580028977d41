import { groupUnansweredTopics } from './unanswered-topics';

describe('groupUnansweredTopics', () => {
  it('groups questions by their most shared keywords, largest group first, with contact details masked', () => {
    const topics = groupUnansweredTopics([
      { subject: 'PDF export', body: 'The PDF export button is missing' },
      { body: 'How can I export my board to PDF? Mail me at jane@example.com' },
      { body: 'Exporting to pdf gives a blank page, call +44 20 7946 0958' },
      { subject: 'Dark mode', body: 'Is there a dark mode for the mobile app?' },
    ]);
    expect(topics.map((t) => [t.topic, t.count])).toEqual([['export pdf', 3], ['dark mode', 1]]);
    const examples = topics[0]!.examples.join(' | ');
    expect(examples).toContain('[email]');
    expect(examples).toContain('[phone]');
    expect(examples).not.toMatch(/jane@|7946/);
  });
});
