import { correctSpelling, editDistance } from './spelling-corrector';

const vocabulary = new Map([['export', 12], ['board', 30], ['notifications', 8], ['mark', 3], ['csv', 5]]);

describe('correctSpelling', () => {
  it('rewrites unknown words to a close known word', () => {
    expect(correctSpelling('how do i exprot my board', vocabulary)).toBe('how do i export my board');
    expect(correctSpelling('notifcations stopped', vocabulary)).toBe('notifications stopped');
  });

  it('leaves short words and words without a close neighbour alone', () => {
    expect(correctSpelling('dark mode', vocabulary)).toBe('dark mode');
    expect(correctSpelling('salesforce csv', vocabulary)).toBe('salesforce csv');
  });

  it('measures transpositions as one edit', () => {
    expect(editDistance('exprot', 'export', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
