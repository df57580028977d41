/** English function words: they carry no topic, so search, embedding and the guardrail skip them. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing ' +
    'down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my myself ' +
    'no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these ' +
    'they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'also may might must shall im ive id dont cant wont didnt doesnt isnt hi hello hey thanks thank please pls plz thx guys team regards').split(' '),
);

/** Lowercased words and numbers, apostrophes dropped ("don't" -> "dont"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A light suffix stripper: enough to meet "exports"/"exporting"/"exported" at "export". */
export function stemWord(word: string): string {
  if (word.length <= 4) return word.replace(/s$/, '');
  return word.replace(/(ings|ing|ed|es|s)$/, '') || word;
}

/** Topic-bearing tokens of a text, stemmed. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => t.length > 1 && !STOPWORDS.has(t)).map(stemWord);
}
