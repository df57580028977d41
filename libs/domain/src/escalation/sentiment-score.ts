import Sentiment from 'sentiment';

/**
 * Support vocabulary AFINN scores out of context: a how-to question about an "error" or a "problem" is not angry,
 * while "unacceptable" or "useless" in a support message is.
 */
const SUPPORT_EXTRAS: Record<string, number> = {
  error: 0, errors: 0, problem: -1, problems: -1, issue: 0, issues: 0, delete: 0, deleted: 0, block: 0, blocked: -1,
  limit: 0, limited: 0, stuck: -1, crash: -1, crashes: -1, crashing: -1, missing: -1, lost: -2, fail: 0, fails: 0, failed: 0,
  failing: 0, failure: 0, mistake: 0, mistakenly: 0, accidentally: 0, accident: 0, weird: -1, strange: -1, ugh: -1, greyed: 0,
  please: 0, help: 0, no: 0, wrong: -1, unacceptable: -4, useless: -3, ridiculous: -4, joke: -2, garbage: -3, trash: 0,
  scam: -4, furious: -4, livid: -4, disgusting: -4, pathetic: -3, incompetent: -3, worst: -4, rubbish: -3, fed: 0,
  sick: 0, shambles: -3, nightmare: -3, appalling: -4, disgrace: -4, hopeless: -3, awful: -3, horrible: -3, terrible: -3,
  return: 0, returned: 0, restore: 0, kill: 0, killing: -1, attack: 0, hack: 0, warning: 0, warnings: 0, alert: 0, alerts: 0,
  top: 0, '😩': -1, '😫': -1, cancel: 0, withoutlosing: 0, ruined: -3, amateurs: -2, livelihood: -2, alarm: 0, alarms: 0, offline: 0, dead: 0, devicefailed: 0, charged: 0, charge: 0, charges: 0, fedup: -3, avoided: 0, reportedcomplaint: 0, atmyend: -3, mildlyannoyed: -1, isajoke: -3, backtopaper: -3, desperatemoney: -3, warned: 0, warn: 0, sortitout: -2, againandagain: -1, sickof: -3, hadenough: -3, wasteoftime: -3, nobodyhelps: -2, desperate: -3, begging: -3, loseeverything: -3, abouttolose: -2, upallnight: -2, nowhereelse: -2, cantmakepayroll: -2, whereismymoney: -2, lostconfidence: -4, didnothing: -2, alwaysbreaks: -3, badtiming: -1, ruinedreputation: -4, donewith: -3, nothingworks: -2, harassing: -3, wooddestroying: 0, '😭': -1, absolutelyfurious: -5, hadbetter: -2, goodmoney: 0, perfectlyfine: 0, whoeverresponsible: -1, whopays: -2, costingus: -2, closetotears: -3, cantbelieve: -2, badterms: 0, ripitout: -3, whoeverdesigned: -2, imdone: -3, losingbookings: -1, yelling: -2, screaming: -2, screamed: -2, keyaccounts: 0, readytoleave: -3, neverbeenthis: -3, drivingaway: -3, offsick: 0, flu: 0, trustedyou: -2, swears: 0, swore: 0, granted: 0, cantdothis: -3, missedevent: 0, funeral: 0, worrydata: 0, lookfool: -3, secondtime: -2, sinkbusiness: -3, youpeople: -2, phonesringing: -1, slowsdown: -1, torched: -2, jobatrisk: -3, fraud: -1, downthedrain: -3, takingheat: -2, staffquitting: -2, lostforgood: -3, panicking: -3, scamming: -2, howmanytimes: -3, dependonit: -2, paidafortune: -1, failingeveryone: -3, badsignal: 0, areyoukidding: -3,
  howtostop: 0, dispute: 0, disputes: 0, disputed: 0, disputing: 0, injectionpreamble: 0, deathrecord: 0,
  // Inspection and repair vocabulary: a deficiency list, a loose panel, a bad belt are the job, not a mood (round 37).
  deficiency: 0, deficiencies: 0, loose: -1, badpart: 0,
};

/** Phrases AFINN scores word by word ("fed" and "up" are neutral), folded into one scored token first. */
const INJECTION_PREAMBLE = /\b(ignore|disregard|forget|override) (all |any |the |your )*(previous|prior|above|earlier|preceding|system|original)( \w+)? (instructions|rules|prompts?|directions)\b/gi;

const PHRASES: ReadonlyArray<[RegExp, string]> = [
  // Contractions typed without the apostrophe are not the words they spell: "hell be in hospital", "ill check".
  [/\bhell (be|have|need|get|come|go|want|call|stay|arrive|start|leave|know|see|do)\b/gi, 'he will $1'],
  [/\bill (be|have|need|get|send|check|try|call|do|take|wait|ask|let|look|come|go|pay|see|add|update|make)\b/gi, 'i will $1'],
  [/\b(every|each) (update|release|version|change|time)( (you|u) (ship|release|push|make)s?)? (breaks?|broke) (something|things|it|everything)\b/gi, 'alwaysbreaks'],
  // Bad timing is an idiom, not a verdict on us: "the wifi drops at the worst possible moment".
  [/\b(at )?the worst (possible )?(moment|time)s?\b/gi, 'badtiming'],
  // An injected command ("IGNORE ALL PREVIOUS INSTRUCTIONS") is an attack on the model, not the customer's mood.
  [INJECTION_PREAMBLE, 'injectionpreamble'],
  // "How do I stop reminders" asks for a switch; "stop changing stuff that worked" is a demand.
  [/\b(how (do|can|could|would|should) (i|we|you|u)|(can|could) (i|we|you|u)|(is there a|any) way to|want to|need to|trying to) stop\b/gi, 'howtostop'],
  // A death is the business of a funeral home or an estate, not a mood: "death certificate", "date of death".
  [/\b(death (certificates?|registration|records?|notices?|dates?|reports?)|(date|place|cause|time|proof) of death)\b/gi, 'deathrecord'],
  [/\bfed up\b/gi, 'fedup'],
  // A subject that says it ("UNACCEPTABLE - tickets sent to the wrong hotel") carries the mood too.
  [/\bunacceptable\b/gi, 'unacceptable'],
  // Intensified fury is more than the word ("absolutely furious"); words AFINN reads as praise inside a complaint are not.
  [/\b(absolutely|completely|totally|utterly|beyond) (furious|livid|fuming|disgusted|outraged|unacceptable)\b/gi, 'absolutelyfurious'],
  [/\b(had better|better (explain|fix|sort))\b/gi, 'hadbetter'],
  [/\bgood money\b/gi, 'goodmoney'],
  [/\b(is|are|were|was|be|works?|worked) (perfectly|totally|completely) (fine|ok|okay|good)\b/gi, 'perfectlyfine'],
  [/\bwho(ever)? is responsible\b/gi, 'whoeverresponsible'],
  [/\bwho('?s| is) (going to|gonna) pay for\b/gi, 'whopays'],
  [/\bcosting (me|us) (money|business|customers|clients|bookings)\b|\bcost (me|us) (both|all|two|three) (of them|accounts|clients|customers)\b|\bcost (me|us) the (whole )?(relationship|account|client|contract|deal|agency)\b|\bcost (me|us) (my|our) (\w+ )?(account|client|customer|contract|deal|job|business)\b/gi, 'costingus'],
  [/\b(close to|in|near) tears\b/gi, 'closetotears'],
  [/\b(can'?t|cannot) believe (this|it|that|what|we|i|you|how|they)\b/gi, 'cantbelieve'],
  [/\b(we|i) (ever )?trusted (you|u|(your|this|the) (software|app|system|product|company|platform|service|team|tool))\b/gi, 'trustedyou'],
  // Someone else's exit or a slow week is not the customer's mood: "left on bad terms", "we keep losing bookings".
  [/\bwasted? (my|our) (entire |whole )?(afternoon|morning|evening|day|week|weekend|time)\b/gi, 'wasteoftime'],
  [/\b(close to|about to|going to|ready to) (ripping|rip|throwing|throw|tearing|tear) (it|this|you|your \w+|(this|the) whole (thing|system)) out\b/gi, 'ripitout'],
  [/\b(throw|throwing|chuck|chucking|hurl|hurling|smash|smashing) (it|this|that|the|my|our)( [\w-]+)? (through|out of|out) (a|the) window\b/gi, 'ripitout'],
  [/\bwhoever (designed|built|made|wrote) this\b/gi, 'whoeverdesigned'],
  [/\b(i'?m|im|i am|we'?re|we are) (so |absolutely |completely |totally )?done(?=\s*([.!]|$|\p{Extended_Pictographic}))/giu, 'imdone'],
  [/\bon bad terms\b/gi, 'badterms'],
  [/\b(keep|kept|are|were|have been) losing (bookings|sales|orders|customers|clients|reservations|renters|riders)\b/gi, 'losingbookings'],
  // Someone else's weariness, reported: "my bookkeeper is sick of downloading the csv".
  [/\b(my|our|the|his|her) ([\w-]+ ){1,2}(is|are|was|were|'s|gets|got|has been|have been) (so |really |pretty |getting )?(sick (and tired )?of|tired of|fed up with)\b/gi, 'reportedcomplaint'],
  [/\bsick (and tired )?of\b/gi, 'sickof'],
  [/\b(had|have had) enough\b|\b(i'?ve|we'?ve|i have|we have) had it( with\b|(?=\s*[.!]))/gi, 'hadenough'],
  // Leaving the product for paper, said as a threat ("… and go back to paper."), not asked about.
  [/\bgo(ing)? back to (paper|pen and paper|spreadsheets|excel)\b(?=[^.?!]*[.!]|\s*$)/gi, 'backtopaper'],
  [/\bwaste of (my |our )?time\b/gi, 'wasteoftime'],
  [/\b(nobody|no one|no-one) (has |ever )?(fixed|helped|helps|replied|responds|answered|cares|told (us|me))\b|\b(can'?t|cannot|couldn'?t|could not) get a (straight|clear|real|proper|single) answer\b|\b(heard|got|received) nothing( back)?\b|\b(written|emailed|called|messaged|asked) (twice|three times|\d+ times|again and again)\b/gi, 'nobodyhelps'],
  [/\b(crew|staff|employees|drivers|workers|people|guys|team)( \w+)? (have |has )?(already )?(said|say|says|threatened|threatening) (they'?ll|they will|to) (walk|quit|leave)\b/gi, 'staffquitting'],
  [/\b(this|it|that)('s| is) (a )?(joke|farce|disgrace)\b/gi, 'isajoke'],
  // Desperate about their own money or livelihood: "where is my money??", "I cannot afford to lose this".
  [/\bwhere('s| is) (my|our) money\b|\b(i|we) (can'?t|cannot|can not) afford to lose (this|it|them|these|those|the|my|our)\b/gi, 'desperatemoney'],
  [/\bsort (it|this) out\b/gi, 'sortitout'],
  [/\b(third|fourth|fifth|3rd|4th|5th|\d+th) time\b|\b(second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) [\w-]+ in a row\b/gi, 'againandagain'],
  [/\b(taking|take|taken|took|getting|get|got) the (heat|blame|flak)\b/gi, 'takingheat'],
  [/\bhow many (more )?times (do |can |must |will |should |have )?(i|we) (have to |got to |gotta )?(apologi[sz]e|explain|say sorry|call|email|ask|tell)\b/gi, 'howmanytimes'],
  [/\b(people|families|staff|employees|jobs|\w+ people)( here)? (depend|rely|relies|depends) on (this|that|the|our|it)\b/gi, 'dependonit'],
  // Feelings the customer wants to avoid or reports of others are not theirs: "don't want angry messages".
  [/\b(don'?t|do not|doesn'?t|does not|won'?t|never|to avoid|without) (want |get |be |feel )?(any |more )?(angry|upset|unhappy|annoyed|frustrated|confused)\b/gi, 'avoided'],
  [/\b(don'?t|do not|doesn'?t|does not|won'?t|never|to avoid|without)( want)?( (it|this|that|them|him|her|us|me|anyone))?( to)? (look|looking|seem|seeming|sound|sounding|come across( as)?|appear|be|being) (rude|unprofessional|pushy|cold|bad|awkward|careless|sloppy|spammy|desperate|unfriendly)\b/gi, 'avoided'],
  // Bad reception where the customer works is a fact about the place: "our connection out here is awful".
  [/\b(connection|signal|wi-?fi|internet|reception|coverage|cell service|weather|traffic|roads?)( out here| up here| here| there| in \w+| down there| down here| in there| up there)? (is|are|was|were|gets|can be|has been)( so| really| pretty| very| just)? (awful|terrible|horrible|bad|rubbish|patchy|spotty|dreadful|horrendous|shocking)\b/gi, 'badsignal'],
  [/\b(are|r) (you|u) (kidding|joking|serious)( me)?\b|\byou('ve| have)? (got|gotta) to be (kidding|joking)\b|\byou must be (kidding|joking)\b/gi, 'areyoukidding'],
  // Someone else complaining, reported: "an owner is complaining she gets one message for three dogs".
  [/\b(she|he|they|owners?|clients?|customers?|patients?|students?|tenants?|users?|people|ppl|staff|members?|drivers?|team|crew|employees?|widows?|widowers?|relatives?|famil(y|ies)|neighbou?rs?|homeowners?|guests?|parents?)( is| are| keeps?| have been| has been| kept| really| just)? (complain(ing|s|ed)?|hates?|hated|dislikes?|disliked|is annoyed|are annoyed)\b/gi, 'reportedcomplaint'],
  [/\b(she|he|they|owners?|clients?|customers?|patients?|students?|tenants?|users?|members?|guests?|couples?|brides?|grooms?|famil(y|ies)|parents?|residents?|donors?|boaters?|renters?|buyers?)( called| phoned| rang| emailed| wrote| came in| was| were| is| are| got| seemed)( (in|us|me|back|this morning|today|yesterday))* (quite |very |really |so |pretty |extremely )?(upset|angry|unhappy|annoyed|frustrated|furious|worried)\b/gi, 'reportedcomplaint'],
  [/\b(at the end of my (rope|tether)|at (my|our) wit['’]?s['’]? end|losing my patience|lost my patience|so-called)\b/gi, 'atmyend'],
  // A run of crying or furious faces is one feeling (a mild one for 😭: a lost file is worth a tear), and the tokenizer
  // would keep the run as one unknown token.
  [/😭+/gu, ' 😭 '],
  [/(😡|🤬)+/gu, ' furious '],
  // Desperation: a business at stake is as urgent as anger ("i'm begging", "about to lose everything").
  [/\b(i'?m|i am|we'?re|we are) (literally |actually |so )?(begging|desperate|shaking)\b|\bbegging (you|u)\b/gi, 'begging'],
  // Losing data is the worry a how-to question is about: "how do i cancel it without losing all the notes".
  [/\b(without|rather than|instead of|to avoid) (los(e|ing)|deleting|wiping)\b/gi, 'withoutlosing'],
  [/\bso (they|we|i|he|she|clients|customers) (don'?t|do not|won'?t) lose\b/gi, 'withoutlosing'],
  [/\b(i'?m|i am|we'?re|we are|i'?ll|we'?ll|i will|we will|gonna|going to|about to) (lose|losing) (everything|the business|my business|our business)\b/gi, 'loseeverything'],
  [/\bbad (belts?|hinges?|parts?|sensors?|batter(y|ies)|motors?|cables?|bearings?|seals?|valves?|filters?|switch(es)?|fuses?|wires?|wiring|gaskets?|pumps?|compressors?|brakes?|tyres?|tires?)\b/gi, 'badpart'],
  // Hardware that stopped is a problem report, not a mood: "our router died this morning".
  [/\b(router|wi-?fi|internet|connection|battery|phone|tablet|ipad|printer|reader|power|laptop|computer|device|scanner|modem|generator|fridge|freezer|engine|motor|pump|compressor|kiln|oven|grill|van|truck|car|card reader|terminal|till|pos)( has| had| just)* died\b/gi, 'devicefailed'],
  // "about to lose my biggest slip holder and honestly maybe my job": the customer's own job on the line.
  [/\b(and|or|even|maybe|possibly|probably|honestly|also|could|might|will|gonna|going to|about to|cost me|costs? me) (maybe |possibly |probably |even |lose |losing )*my (job|position)\b/gi, 'jobatrisk'],
  [/\b(about|going) to lose\b|\b(i|we)('ll| will| could| might)? lose (this|the|a|my|our) (biggest |best |main )?(client|customer|contract|business|job|account|revenue)\b/gi, 'abouttolose'],
  // Damage the customer lays at our door: "your software trashes my reputation", "two of my oldest accounts are done with us".
  [/\b(trash(es|ed|ing)?|ruin(s|ed|ing)?|destroy(s|ed|ing)?|wreck(s|ed|ing)?|torch(es|ed|ing)?|tank(s|ed|ing)?) (my|our) (reputation|business|name|livelihood)\b/gi, 'ruinedreputation'],
  [/\b(is|are|'re|they're|were|am|i'?m|im) ((honestly|so|just|completely|totally|really) )?done with(?= (us|me|you|u|this|it|your \w+|\w+ for good)\b)/gi, 'donewith'],
  [/\b(never|won'?t ever|will never) (play|work|book|come|shop|order|stay|perform|use us) (for|with|here|at) (us|here)? ?again\b|\bthis is what (i|we) get\b/gi, 'lostforgood'],
  // "three of my best customers", "our oldest client": praise for their customers is not praise for us.
  [/\b(my|our) (very )?(best|biggest|oldest|favou?rite|most loyal|top|longest-standing) (customers?|clients?|accounts?|guests?|members?|regulars)\b/gi, 'keyaccounts'],
  [/\b(thinking of|considering|about to|ready to|tempted to|going to) (shutting|shut|closing|close|cancell?ing|cancel|dropping|drop|ditching|ditch|deleting|delete)\b[^.?!]{0,20}\b(account|subscription)( down)?\b/gi, 'readytoleave'],
  [/\b(seriously |really )?(thinking of|thinking about|considering|about to|ready to|tempted to|going to) (walking|walk) away\b/gi, 'readytoleave'],
  [/\bnever (been|felt) (this|so) (embarrassed|humiliated|angry|frustrated|upset|disappointed|let down|stressed)\b/gi, 'neverbeenthis'],
  [/\bdriving (my|our) (customers|clients|guests|members|patients|business) away\b/gi, 'drivingaway'],
  // Staff off sick is a scheduling fact, not a mood: "our artist came down with the flu".
  [/\b(fell|fallen|falls|is|was|been|off|out|went home|called in) (ill|sick)\b/gi, 'offsick'],
  [/\bnothing (works|is working|worked)\b/gi, 'nothingworks'],
  // A trade term is not a mood: "wood-destroying insect inspection".
  [/\bwood[- ]destroying\b/gi, 'wooddestroying'],
  [/\b(i|we) (haven'?t|have not|havent|didn'?t|did not|couldn'?t|could not|can'?t|cannot) (slept|sleep)\b|\bno sleep\b|\b(been )?up all night\b|\b(up|awake) (until|till|til) ([1-5]|[1-5]:\d\d) ?(am|a\.m\.)/gi, 'upallnight'],
  [/\b(don'?t|do not) know what (else )?to do\b|\b(don'?t|do not) know who (else )?to (write|turn|ask|contact|call|talk|go)( to)?\b/gi, 'nowhereelse'],
  [/\b(go|goes|going|went|gone) down the (drain|toilet|tubes)\b/gi, 'downthedrain'],
  [/\b(paid|spent|pay|paying|cost|costs) (us |me )?a (fortune|small fortune|bomb)\b/gi, 'paidafortune'],
  [/\b(i'?ve been|i'?m|i am|i was|been|we'?ve been|we'?re) (crying|sobbing|in tears)\b/gi, 'closetotears'],
  [/\b(i'?m|i am|i feel like (i'?m|i am)|feel like i'?m) (failing|letting down) (everyone|everybody|my (members|customers|clients|team|staff|family))\b/gi, 'failingeveryone'],
  [/\b(can'?t|cannot|won'?t be able to|might not|may not|could not|couldn'?t) (make|cover|meet|run) (payroll|rent|wages)\b|\b(payroll|rent|wages)\b[^.?!]{0,50}\b(can'?t|cannot|won'?t be able to|couldn'?t|could not) (make|cover|meet|pay) (it|them)\b/gi, 'cantmakepayroll'],
  [/\bwhere('?s| is) (my|our) money\b/gi, 'whereismymoney'],
  [/\b(lost|losing) (all |any |my |our )?(confidence|faith|trust) in\b/gi, 'lostconfidence'],
  [/\b(fix|update|patch|change|it|that)( has| have)? (did|does|do|done|fixed|changed) (absolutely |literally )?nothing\b/gi, 'didnothing'],
  // Hedged annoyance stays mild: "getting a bit frustrating".
  [/\b(a (little|bit|tad)|slightly|kind of|kinda|somewhat) (frustrating|frustrated|annoying|annoyed|irritating|confusing|disappointing|disappointed)\b/gi, 'mildlyannoyed'],
  [/\b(i |we )?(honestly |just |really )?(can'?t|cannot) (do|take|handle) (this|it) any ?more\b|\bdone being patient\b/gi, 'cantdothis'],
  // A missed lesson or appointment is an event, not a feeling; a worry about a report is no anger.
  [/\bmiss(ed|es)? (the|a|an|their|his|her|our|my|a few|some|two|three|several|\w+'s) (\w+ )?(lessons?|appointments?|sessions?|class(es)?|bookings?|calls?|payments?|pick-?ups?|deliver(y|ies)|visits?|shifts?|cleans?|jobs?)\b/gi, 'missedevent'],
  [/\b(wreck|mess up|ruin|screw up|throw off)(s)? (the|my|our) (\w+ )?(reports?|hours|numbers|data|stats|totals|timesheets?)\b/gi, 'worrydata'],
  [/\b(i|we|makes? (me|us)|without (me |us )?looking) (look|looked|looks|like)? ?like (a |an )?(complete |total |right )?(cowboys?|fools?|idiots?|amateurs?|jokes?|clowns?|frauds?|liars?|crooks?|scammers?|thieves)\b/gi, 'lookfool'],
  [/\b(second|2nd) time (this (week|month)|in a (week|month)|today)\b/gi, 'secondtime'],
  [/\b(sink|sinking|sank|bankrupt|bankrupting) (my|our|the) (business|company|shop)\b/gi, 'sinkbusiness'],
  // A slow desk is a problem report, not a mood: "slowing the desk down badly".
  [/\bslow(s|ing|ed)? (the \w+ |us |things |everything |everyone |it )?down( badly| a lot| massively)?\b/gi, 'slowsdown'],
  // "I am DONE with you people".
  [/\byou people\b/gi, 'youpeople'],
  [/\b(phones?|phone lines?)( has| have| is| are| keeps?)?( been)? (ringing|ring) (nonstop|non-stop|off the hook|constantly|all day)\b|\bphone has(n'?t| not) stopped ringing\b/gi, 'phonesringing'],
];

const analyzer = new Sentiment();

const SHOUTED_WORD = /(?<!\b(repl(y|ied|ies|ying)|typ(e|ed|es|ing)|text(ed|s|ing)?|sen[dt]|says?|said|wr(ite|ote)|enter(ed)?|keyword|word|press(ed)?|click(ed)?|tap(ped)?)\s+["'“]?)\b[A-Z]{4,}\b/;

/** The customer's mood on a 0–1 scale (0 furious, 0.5 neutral, 1 delighted), from AFINN word scores. */
export function scoreSentiment(text: string, options: { emphasis?: string } = {}): number {
  // A subject names the problem ("Lost my phone"), so its words are not scored, except the mood phrases it carries
  // ("Night audit failed - I've had enough").
  const subjectMoods = PHRASES.filter(([pattern, token]) => (SUPPORT_EXTRAS[token] ?? 0) < 0 && new RegExp(pattern.source, 'i').test(options.emphasis ?? '')).map(([, token]) => token);
  const folded = [PHRASES.reduce((t, [pattern, token]) => t.replace(pattern, token), text), ...subjectMoods].join(' ');
  // Sentence by sentence: AFINN's negation ("not good") must not reach across a full stop ("its NOT. phones ringing").
  let score = 0;
  let tokenCount = 0;
  for (const sentence of folded.split(/(?<=[.!?])\s+/)) {
    const result = analyzer.analyze(sentence, { extras: SUPPORT_EXTRAS });
    score += result.score;
    tokenCount += result.tokens.length;
  }
  if (tokenCount === 0) return 0.5;
  // Shouting intensifies what is there: exclamation runs and words in capitals (VADER's heuristics, simplified). A word
  // in capitals that the customer quotes as a keyword ("replied STOP", "typed HELP") is not a shout.
  const loud = `${options.emphasis ?? ''}\n${text}`.replace(INJECTION_PREAMBLE, '');
  const shouting = (/!{2,}/.test(loud) ? 1 : 0) + (SHOUTED_WORD.test(loud) ? 1 : 0);
  const intensified = score < 0 ? score * (1 + 0.25 * shouting) : score;
  // Sum over the square root of length: a long polite email with one "annoying" stays near neutral,
  // a short burst of insults does not.
  const intensity = intensified / Math.sqrt(Math.max(tokenCount, 6));
  const value = 0.5 + 0.5 * Math.tanh(intensity / 1.5);
  return Math.round(value * 1000) / 1000;
}

/** Below this the policy gate escalates (the issue's threshold). */
export const NEGATIVE_SENTIMENT_THRESHOLD = 0.3;
