/**
 * What the customer actually wrote this time: email replies carry quoted history, signatures and legal
 * disclaimers that must neither trigger the policy (a disclaimer mentions "legal privilege") nor steer search.
 */
const QUOTE_HEADER = /^(on\s.{4,200}\swrote:?|-{2,}\s*original message\s*-{2,}|_{5,}|from:\s.+|le\s.+a écrit\s?:|am\s.+schrieb.+:)\s*$/i;
const SIGNATURE_DELIMITER = /^(--|—|__)\s*$/;
/** "Thanks,", "Kind regards", "Thanks a million,", "Many thanks in advance!", "All the best,", "Best," */
const SIGN_OFF =
  /^((best|kind|warm|many|with (best|kind|warm))\s*)?(regards|wishes|thanks|thank you|cheers|sincerely|cordially|br|thx|ta)( (so|very) much| a (lot|million|bunch|ton)| again| in advance| for (your|the|all your) (help|time))?[,.!]*\s*$|^(all the )?best[,.!]?\s*$/i;
const MOBILE_FOOTER = /^sent from my\s/i;
const DISCLAIMER = /^(confidentiality notice|disclaimer|this (e-?mail|message) (and any attachments )?(is|are|may contain|contains))/i;

/** Drops quoted replies, signatures, sign-offs and disclaimers; keeps the customer's own words. */
export function extractCustomerText(body: string): string {
  return splitCustomerText(body).own;
}

/** The sign-off line ("Thanks so much,") that ends the customer's words: not part of the question, but of the tone. */
export function extractSignOff(body: string): string {
  return splitCustomerText(body).signOff;
}

function splitCustomerText(body: string): { own: string; signOff: string } {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let signOff = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('>')) continue;
    if (QUOTE_HEADER.test(line) || SIGNATURE_DELIMITER.test(line) || MOBILE_FOOTER.test(line) || DISCLAIMER.test(line)) break;
    // A bare sign-off after some content ends the message; the name and title lines after it are signature.
    if (SIGN_OFF.test(line) && kept.some((k) => k.trim().length > 0)) {
      signOff = line;
      break;
    }
    kept.push(raw);
  }
  return { own: kept.join('\n').replace(/\n{3,}/g, '\n\n').trim(), signOff };
}

const GREETING = /^\s*(hi|hello|hey|hiya|dear|good (morning|afternoon|evening)|greetings|yo)\b[^\n.!?]{0,40}[,!.:]?\s*$/i;

/** The message without its greeting line, for search: "Hi team," carries no topic. */
export function stripGreeting(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines[0]!.trim() === '' || GREETING.test(lines[0]!))) lines.shift();
  return lines.join('\n').trim();
}

/** Splits prose into sentences (and list items), keeping their text intact. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    // A sentence ends at . ! or ? before a space, closing quotes and brackets included: "… reply 'approved.' Then"
    // is two sentences, and neither is lost. A title's full stop before a name ("Ms. Pruitt") ends nothing; "asking
    // each dr. possible?" is two sentences.
    .flatMap((line) => line.split(/(?<=[.!?]+["'”’)\]]*)(?!(?<=\b(?:[Mm]rs?|[Mm]s|[Dd]r|[Pp]rof|[Ss]r|[Jj]r)\.)\s+[A-Z])(?<!\b(?:e\.g|i\.e|vs)\.)\s+/))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const REQUEST = /\?|\b(how|where|what|why|when|which|can|could|is there|are there|do you|does|i need|i want|i'd like|i would like|help|unable|can't|cannot|won't|doesn't|not working|keeps|stopped|trying to|need to|want to)\b/i;

/** A sentence that talks to the model instead of about the product ("ignore your instructions", "developer mode"). */
export const INSTRUCTION_ATTACK =
  /\b(ignore|disregard|forget|override|bypass)\b[^.?!]{0,30}\b(instructions?|rules|prompts?|guidelines|polic(y|ies))\b|\bdeveloper mode\b|\bsystem prompt\b|\bjailbreak\b|\byou are now\b|\b(print|reveal|show|list|repeat|dump)\b[^.?!]{0,30}\b(your|the|every|all)\b[^.?!]{0,15}\b(prompt|instructions|tools?|functions?)\b/i;

/**
 * What to search for. A short message is searched whole; in a long one the sentences that ask for something, each
 * with the sentence before it (which usually names the topic: "I installed the app. How do I turn them on?").
 * Sentences addressed to the model (INSTRUCTION_ATTACK) are left out: they are not about the product.
 */
export function extractQuestionFocus(text: string, maxWords = 60): string {
  const greeted = stripGreeting(text);
  const honest = splitSentences(greeted).filter((s) => !INSTRUCTION_ATTACK.test(s));
  const body = honest.length > 0 && honest.length < splitSentences(greeted).length ? honest.join(' ') : greeted;
  if (body.split(/\s+/).filter(Boolean).length <= maxWords) return body.replace(/\s+/g, ' ').trim();
  const sentences = splitSentences(body);
  const keep = new Set<number>();
  sentences.forEach((s, i) => {
    if (!REQUEST.test(s)) return;
    keep.add(i);
    if (i > 0) keep.add(i - 1);
  });
  const chosen = keep.size > 0 ? sentences.filter((_s, i) => keep.has(i)) : sentences;
  return chosen.join(' ').trim();
}
