import { detectLanguage } from './detect-language';
import { contentTokens, stemWord } from './text-tokens';

describe('detectLanguage', () => {
  it.each([
    ['hey how do i export my board to csv pls', 'en'],
    ['Hola, ¿cómo puedo exportar un tablero a CSV?', 'es'],
    ["Bonjour, comment activer l'authentification à deux facteurs sur mon compte ?", 'fr'],
    ['Hallo, wie kann ich mein Board als CSV exportieren?', 'de'],
  ])('detects %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says "und" when there is too little text', () => {
    expect(detectLanguage('ok thx')).toBe('und');
  });
});

describe('text tokens', () => {
  it('stems lightly and drops stopwords', () => {
    expect(stemWord('exports')).toBe('export');
    expect(stemWord('exporting')).toBe('export');
    expect(contentTokens("How do I export the boards? Don't know")).toEqual(['export', 'board', 'know']);
  });
});
