import { createHash } from 'node:crypto';

export interface KnowledgeChunk {
  /** The file name without extension: the article's id. */
  source: string;
  /** "Article title › Section". */
  heading: string;
  index: number;
  content: string;
  contentHash: string;
}

export interface ChunkOptions {
  /** Paragraphs of one section are merged up to about this many words; a chunk never spans two headings. */
  targetWords?: number;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function hashOf(heading: string, content: string): string {
  return createHash('sha256').update(`${heading}\n${content}`).digest('hex');
}

/** Splits one markdown article into chunks by heading, then by paragraph. */
export function chunkMarkdown(source: string, markdown: string, options: ChunkOptions = {}): KnowledgeChunk[] {
  const target = options.targetWords ?? 140;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = source;
  let section: string | null = null;
  let paragraphs: string[] = [];
  let current: string[] = [];
  const sections: Array<{ heading: string; paragraphs: string[] }> = [];
  const endParagraph = () => {
    if (current.join('').trim()) paragraphs.push(current.join('\n').trim());
    current = [];
  };
  const endSection = () => {
    endParagraph();
    if (paragraphs.length > 0) sections.push({ heading: section ? `${title} › ${section}` : title, paragraphs });
    paragraphs = [];
  };
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      endSection();
      if (heading[1] === '#') title = heading[2]!;
      section = heading[1] === '#' ? null : heading[2]!;
    } else if (line.trim() === '') {
      endParagraph();
    } else {
      current.push(line);
    }
  }
  endSection();

  const chunks: KnowledgeChunk[] = [];
  for (const { heading, paragraphs: paras } of sections) {
    let buffer: string[] = [];
    const flush = () => {
      if (buffer.length === 0) return;
      const content = buffer.join('\n\n');
      chunks.push({ source, heading, index: chunks.length, content, contentHash: hashOf(heading, content) });
      buffer = [];
    };
    for (const paragraph of paras) {
      if (buffer.length > 0 && words(buffer.join(' ')) + words(paragraph) > target) flush();
      buffer.push(paragraph);
    }
    flush();
  }
  return chunks;
}
