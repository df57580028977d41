/**
 * Words customers and help articles use for the same thing. A query word also matches its group's words, both in
 * full-text candidates and in the coverage score (a small thesaurus, like PostgreSQL's synonym dictionaries, kept in
 * code so it works the same on PGlite). Generic support vocabulary only: nothing here names a product feature.
 */
const GROUPS: readonly string[][] = [
  ['colleague', 'colleagues', 'coworker', 'coworkers', 'teammate', 'teammates', 'staff', 'employee', 'employees'],
  ['reload', 'refresh'],
  ['merge', 'combine', 'consolidate', 'dedupe'],
  ['login', 'log', 'signin', 'sign'],
  ['restore', 'recover', 'undelete', 'retrieve'],
  ['delete', 'deleted', 'remove', 'erase', 'trash', 'kick'],
  ['enable', 'activate', 'turn', 'switch', 'allow'],
  ['disable', 'deactivate'],
  ['mute', 'silence', 'unsubscribe'],
  ['notification', 'notifications', 'notif', 'notifs', 'alert', 'alerts', 'warning', 'warnings'],
  ['spreadsheet', 'excel', 'csv', 'sheets'],
  ['phone', 'mobile', 'iphone', 'android', 'smartphone', 'ipad', 'tablet'],
  ['password', 'pw', 'pwd', 'passcode'],
  ['appear', 'show', 'visible', 'see'],
  ['missing', 'disappeared', 'gone', 'vanished', 'lost'],
  ['card', 'task', 'tasks', 'ticket', 'item'],
  ['list', 'column', 'lane'],
  ['email', 'mail', 'inbox'],
  ['2fa', 'mfa', 'authenticator', 'two-factor'],
  ['change', 'edit', 'modify', 'update'],
  ['export', 'download'],
  ['import', 'upload'],
  ['error', 'fail', 'failed', 'failing', 'fails'],
  ['app', 'application'],
  ['automate', 'automatic', 'automatically', 'automation', 'rule'],
  ['reminder', 'remind', 'reminders'],
  ['deadline', 'due'],
  ['role', 'permission', 'permissions', 'rights'],
  ['admin', 'administrator'],
  ['summary', 'digest'],
  ['customer', 'client', 'guest'],
  ['invite', 'invitation', 'onboard'],
];

/**
 * Chat and email shorthand for the words help articles spell out ("pts" booked for "patients", "appt", "acct"). A
 * shorthand matches its expansions (and their synonyms); expansions the knowledge base never uses simply match nothing.
 */
const SHORTHAND: Readonly<Record<string, readonly string[]>> = {
  pt: ['patient'],
  pts: ['patients', 'patient'],
  appt: ['appointment'],
  appts: ['appointments', 'appointment'],
  cal: ['calendar'],
  acct: ['account'],
  accts: ['accounts', 'account'],
  msg: ['message'],
  msgs: ['messages', 'message'],
  txt: ['text'],
  txts: ['texts', 'text'],
  yr: ['year'],
  yrs: ['years', 'year'],
  mo: ['month'],
  mos: ['months', 'month'],
  wk: ['week'],
  wks: ['weeks', 'week'],
  hr: ['hour'],
  hrs: ['hours', 'hour'],
  mins: ['minutes', 'minute'],
  mgr: ['manager'],
  emp: ['employee'],
  emps: ['employees', 'employee'],
  dept: ['department'],
  qty: ['quantity'],
  pic: ['picture', 'photo'],
  pics: ['pictures', 'photos', 'photo'],
  doc: ['document', 'doctor'],
  docs: ['documents', 'document'],
  dr: ['doctor'],
  vid: ['video'],
  vids: ['videos', 'video'],
  pmt: ['payment'],
  cust: ['customer'],
  custs: ['customers', 'customer'],
  biz: ['business'],
  addr: ['address'],
  info: ['information'],
  ppl: ['people'],
  sched: ['schedule'],
  inv: ['inventory', 'invoice'],
};

const INDEX = new Map<string, readonly string[]>();
for (const group of GROUPS) for (const word of group) INDEX.set(word, group);
for (const [short, full] of Object.entries(SHORTHAND)) {
  INDEX.set(short, [...new Set([short, ...full.flatMap((w) => INDEX.get(w) ?? [w])])]);
}

/**
 * Chat spellings of everyday words and the generic words of any support request: never a topic a help center could
 * lack ("is that a bug?", "cant change it", "thru the app lol").
 */
const NEVER_A_TOPIC = new Set(
  'lol lmao haha hahaha omg pls plz thx thnx ty thru tho btw idk rn asap okay yep nope lemme gonna wanna gotta coz cuz smth sth ugh hmm cant dont wont didnt doesnt isnt arent wasnt werent couldnt shouldnt wouldnt hasnt havent hadnt ive youre theyre thats whats theres heres bug bugs buggy glitch glitches glitchy hiccup typo'.split(' '),
);

/** The words an unknown query word may stand for: its expansions when it is chat shorthand, nothing for filler. */
export function everydayReadings(word: string): readonly string[] {
  if (NEVER_A_TOPIC.has(word)) return [];
  return [word, ...(SHORTHAND[word] ?? [])];
}

/** The word's synonym group including itself, or just the word. */
export function synonymsOf(word: string): readonly string[] {
  return INDEX.get(word) ?? [word];
}

/**
 * Support phrases whose meaning no single word carries ("hand the account over" is a transfer, "lock her out" is
 * removing access): the canonical words are appended to the query, the customer's own words stay.
 */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bhand(s|ed|ing)?\s+(\w+\s+){0,3}over\b|\bhandover\b|\btake over\b/i, 'transfer ownership owner'],
  [/\b(account|main) holder\b|\bin charge of\b/i, 'owner'],
  [/\b(kick|lock|boot|shut|cut)(s|ed|ing)?\s+(\w+\s+){0,2}(out|off)\b|\btake\s+(\w+\s+){0,2}off the system\b|\brevoke\b/i, 'remove deactivate access'],
  [/\b(left|leaving|quit|quitting)\b(\s+(the|our)\s+(company|team|business))?|\bno longer works?\b|\bformer (employee|staff|colleague)\b/i, 'deactivate remove'],
  [/\bdouble(-|\s)?book(ed|ing)?\b|\bat the same time\b|\boverlap(s|ping)?\b/i, 'overlapping double booking'],
  [/\bput (\w+\s+)?(up|down)\b|\braise\b|\bincrease\b/i, 'change'],
  [/\bmoney back\b|\bpay (\w+\s+)?back\b|\brepay\b/i, 'refund'],
  // "band didnt show", "she never turned up"; not "the invoice didn't show in the list".
  [/\b(didn'?t|did not|never|doesn'?t|does not|won'?t) (show(ed)?|turn(ed)?) up\b|\b(band|client|customer|guest|patient|student|member|he|she|they|family|rider|renter|driver|player)s? (didn'?t|did not|never) show\b/i, 'no-show'],
  [/\b(ran|run|running|runs) out of\b/i, 'sold out'],
  // "deleted her whole profile by mistake, is it gone?" asks for the recycle bin.
  [/\b(deleted|removed|erased|trashed)\b[^.?!]{0,60}\b(by (mistake|accident)|accidentally)\b|\baccidentally (deleted|removed|erased|trashed)\b/i, 'restore recently deleted'],
  [/\bwalk-?ups?\b|\bno (elevator|lift)\b|\bflights? of stairs\b/i, 'stairs'],
  [/\bput (down|to sleep)\b|\bpassed away\b|\bhas died\b/i, 'deceased'],
  [/\bmove (the|this|that|a|his|her) (job|task|booking|shift|session|project|visit) (over )?to (her|him|them|someone|another)\b/i, 'reassign'],
];

export function withPhraseMeanings(query: string): string {
  const extra = PHRASES.filter(([pattern]) => pattern.test(query)).map(([, words]) => words);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}
