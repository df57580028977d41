import { chunkMarkdown } from './markdown-chunker';

const article = `# Exporting boards

Intro paragraph about exports.

## Export a board to CSV

Open the board and choose Export.

The file has one row per card.

## Import cards

Upload a CSV file.
`;

describe('chunkMarkdown', () => {
  it('chunks by heading, keeps the article title in each heading, and never spans two sections', () => {
    const chunks = chunkMarkdown('csv-export', article);
    expect(chunks.map((c) => [c.index, c.heading])).toEqual([
      [0, 'Exporting boards'],
      [1, 'Exporting boards › Export a board to CSV'],
      [2, 'Exporting boards › Import cards'],
    ]);
    expect(chunks[1]!.content).toBe('Open the board and choose Export.\n\nThe file has one row per card.');
    expect(chunks.every((c) => c.source === 'csv-export')).toBe(true);
  });

  it('splits a long section at paragraph boundaries', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`.trim()).join('\n\n');
    const chunks = chunkMarkdown('long', `# Long\n\n## Section\n\n${paragraphs}`, { targetWords: 100 });
    expect(chunks.length).toBe(3);
    expect(chunks.every((c) => c.heading === 'Long › Section')).toBe(true);
    expect(chunks.map((c) => c.content).join('\n\n')).toBe(paragraphs);
  });

  it('hashes content deterministically and per heading', () => {
    const [a] = chunkMarkdown('x', '# T\n\nSame text');
    const [b] = chunkMarkdown('x', '# T\n\nSame text');
    const [c] = chunkMarkdown('x', '# Other\n\nSame text');
    expect(a!.contentHash).toBe(b!.contentHash);
    expect(a!.contentHash).not.toBe(c!.contentHash);
  });
});
