import { detect } from 'tinyld';

/**
 * Languages we expect customers to write in. Restricting the detector to them keeps short messages from being
 * read as a language nobody here writes (unrestricted, "export my board to csv" comes out Hungarian).
 */
export const EXPECTED_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'sv', 'da'] as const;

/** ISO 639-1 code of the message's language, or 'und' when the text is too short to tell. */
export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (letters.replace(/\s/g, '').length < 8) return 'und';
  return detect(letters, { only: [...EXPECTED_LANGUAGES] }) || 'und';
}
