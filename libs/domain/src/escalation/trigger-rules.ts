/** Reasons the policy gate escalates for before any model runs. */
export const GATE_REASONS = ['legal', 'refund', 'pricing', 'human_requested', 'negative_sentiment'] as const;
export type GateReason = (typeof GATE_REASONS)[number];

/**
 * A phrase that hands the message to a human. `weak` rules are ignored in a sentence that is plainly about the
 * product (a "refund requests" board, a "manager" role, a price field); strong ones never are.
 */
export interface TriggerRule {
  id: string;
  reason: Exclude<GateReason, 'negative_sentiment'>;
  pattern: RegExp;
  weak?: boolean;
  /** Feature words the rule stands for when its match has none of its own (an amount stands for a price). */
  featureWords?: readonly string[];
  /** A sentence like this is not what the rule is about: "our lawyer drafted the contract we want to store". */
  notWhen?: RegExp;
  /** Fires only in a message about what the customer paid us ("u charged my card $149 … want it back"). */
  onlyAboutPayingUs?: boolean;
}

/** The people a customer serves with the product: their own customers, patients, tenants, students… */
const END_USERS = String.raw`riders?|renters?|family|families|bands?|mourners?|patrons?|ticket ?holders?|pupils?|boaters?|diners?|travell?ers?|homeowners?|owners?|pet owners?|(their|his|her|the) (bank|card issuer)|suppliers?|distributors?|manufacturers?|vendors?|wholesalers?|customers?|clients?|buyers?|shoppers?|patients?|pts|guests?|employees?|drivers?|members?|respondents?|attendees?|students?|learners?|parents?|tenants?|residents?|visitors?|subscribers?|contractors?|participants?|volunteers?|donors?|families|kids|children|users?|callers?|people|ppl`;

export const TRIGGER_RULES: readonly TriggerRule[] = [
  // legal: lawyers, lawsuits, GDPR and data requests, subpoenas, contracts
  {
    id: 'legal.counsel',
    reason: 'legal',
    pattern: /\b(lawyers?|attorneys?|solicitors?|law ?firm|lawsuit|law suit|litigation|legal (action|proceedings|claim|notice)|small claims|take (you|this) to court|see you in court)\b/i,
    // The customer's own lawyer wrote or advised on a document they keep in the product: "Our lawyer drafted a new
    // service contract … where can I store it?" A lawyer turned on us is still legal (VENDOR_CONTEXT, other rules).
    notWhen: /\b(custody|restraining|protection|protective|no-contact) orders?\b|\bcourt order\b[^.?!]{0,40}\b(father|mother|parent|dad|mum|mom|ex|spouse|husband|wife|guardian|grandparent)s?\b|^(?![^.?!]*\b(you|your (?!(app|apps|driver app|mobile app|website|portal|system|software)\b)|u|ur|lawsuit|sue|court|action|(?<!insurance )claim|breach|(isn'?t|is not|not|in)valid|(un)?enforceable|terminat\w*|liab\w*(?! (clauses?|waivers?|release|sections?))|involved|in touch|contact(ing)? (you|u))\b)[^.?!]*\b((our|my|the company'?s|(our|my) [\w-]+['’]s|(the|a|their|his|her) (family|client|customer|tenant|patient|guest|owner|buyer|seller|student|parent|member|decedent|estate|deceased)'?s) (lawyers?|attorneys?|solicitors?)( has| have| had| just| already| now| also| recently| is| are)* (dropped off|brought (in|over|us)|gave (us|me)|handed (us|me)|emailed (us|me)|gone (through|over)|went (through|over)|looked (at|over)|checked|handling|dealing with|drafted|drew up|drew (it|them|these|those|this) up|wrote|written|rewritten|rewrote|redrafted|revised|updated|amended|prepared|finished|completed|put together|sent( us| me)?( over)?|reviewed|approved|signed off|told (us|me)|advised (us|me)|recommended|suggested|asked (us|me)|says|said|wants|needs|asked for|requested)|(waiver|contract|agreement|form|document|template|wording|policy|clause|letter|release|terms)s?( text| wording| draft)? ((drafted|written|prepared|revised) )?(from|by) (our|my)( [\w-]+['’]s)? (lawyers?|attorneys?|solicitors?))\b/i,
  },
  { id: 'legal.sue', reason: 'legal', pattern: /\b(sue|suing|sued)\b/i },
  // A custody or restraining order a family brings in is their matter, kept in the product ("the father is not allowed to pick up").
  { id: 'legal.court', reason: 'legal', pattern: /\b(subpoenas?|court order|cease and desist|law enforcement|search warrant)\b/i, notWhen: /\b(custody|restraining|protection|protective|no-contact) orders?\b|\bcourt order\b[^.?!]{0,40}\b(father|mother|parent|dad|mum|mom|ex|spouse|husband|wife|guardian|grandparent)s?\b/i },
  { id: 'legal.privacy-law', reason: 'legal', pattern: /\b(gdpr|ccpa|cpra|dsar|data subject|(california|state|federal|eu|uk) (consumer )?privacy (law|act|rights?)|data protection (law|act)|right to (be forgotten|erasure|access|rectification)|article (15|17) (request|of))\b/i },
  { id: 'legal.data-request', reason: 'legal', pattern: /\b(all|any|every|copy of)\b[^.?!]{0,25}\b(personal )?(data|information) (you|brightdesk|your company) (hold|have|store|keep|process|collect)/i },
  { id: 'legal.erasure', reason: 'legal', pattern: /\b(delete|erase|remove|wipe) (all )?(of )?(my|our) (personal )?(data|information)\b[^.?!]{0,40}\b(you|your (servers|systems|company))\b/i },
  { id: 'legal.breach', reason: 'legal', pattern: /\b(breach(es|ed)? of (the |our |your |this )?([\w-]+ ){0,2}(agreement|contract|terms|sla)|we act (for|on behalf of)|on behalf of our client|formal correspondence|letter before (action|claim)|preserve all (logs|records|evidence)|(this|our) (law )?firm represents|pursue (a|this|the|legal|our) claim|claim for (damages|compensation|losses)|(your|the) legal department)\b/i },
  { id: 'legal.dpa', reason: 'legal', pattern: /\b(dpa|data processing (agreement|addendum)|hipaa|baa|business associate agreement|breach of contract|terms of service violation|(you are|you're|hold you|your) liab(le|ility))\b/i },
  // The liability clauses of the customer's own contract, or the liability insurance their customers carry, are theirs.
  { id: 'legal.end-contract', reason: 'legal', pattern: /\b(is there|what is|what's|whats|any) (a |the )?(notice period|early termination fee|termination fee|cancellation penalty|exit fee|penalty)\b[^.?!]{0,30}\b(if we|to end|to cancel|for ending|in (the|our) (agreement|contract))|\bend (our|my) (contract|agreement) with \w+ early\b/i },
  { id: 'legal.liability', reason: 'legal', pattern: /\bliab(le|ility)\b/i, weak: true, notWhen: /\bliability (clauses?|insurance|waivers?|forms?|cover(age)?|sections?)\b|^(?![^.?!]*\b(you|your|u|ur)\b)[^.?!]*\b(our|my) (legal team|lawyers?|attorneys?|solicitors?) (has |have |just )?(drafted|drew up|wrote|written|prepared)\b/i },
  { id: 'legal.contract', reason: 'legal', pattern: /\b(our|the|your|my|a|this) (contract|msa|agreement)\b[^.?!]{0,40}\b(with you|with brightdesk|terms|terminat|cancel|breach|sign|review|negotiat|legal)/i, weak: true },
  {
    id: 'legal.department',
    reason: 'legal',
    pattern: /\b(my|our) (legal (team|department|counsel)|counsel)\b[^.?!]{0,60}\b(review|advised|will|is|has|contact|involved)/i,
    weak: true,
    // Their legal team wants records of their own customers out of the product: "our legal team has asked for every notice we sent this tenant".
    notWhen: /^(?![^.?!]*\b(you|your|u|ur|lawsuit|sue|court|breach|liab\w*)\b)[^.?!]*\b(my|our) legal (team|department)( has| have| just| now)* (asked (us |me )?for|requested|needs?|wants?)\b/i,
  },
  // refund: money back, credits, chargebacks for what the customer paid
  { id: 'refund.money-back', reason: 'refund', pattern: /\b((?<!\b(give|giving|gave|send|sending|sent|return|returning|pay|paying|refund|refunding|put through|process|processed|issue|issued|transfer|transferred|taken|took)( [\w']+){0,3} )(?<!\b(?:her|his|their) )money back|charge ?back|disput(e|ing) (the|a|this|my|your) (charge|payment)|(return|give) (me |us )(my|our|the) money|(return|give) (my|our) money|(?<!\b(we|i|we'?ve|i'?ve|we'?ll|i'?ll|we'?d|i'?d)\b[^.?!]{0,30})(return|give) the money|(asked|told|contacted|called|getting|got) (my|our|the) bank to (reverse|refund|dispute|block|stop|claw))\b/i },
  { id: 'refund.mine', reason: 'refund', pattern: /\b((my|our) refund(?! (requests?|tracking|process|workflow|board|queue|template|policy|settings?|rules?))|refund (me|us|my|our)\b(?! (customers?|clients?|buyers?|patients?|guests?|members?|users?))|(i|we)('d| would| want| need| demand| expect| request| deserve| are owed| am owed)( like)?( to (get|have|receive|request))? (a |an )?(full |partial |prorated |pro-rated |immediate )?refund\b(?! (for|to) (a|the|our|my) (customers?|clients?|buyers?|patients?|guests?|orders?))|refund,? please|please refund)/i },
  { id: 'refund.approved', reason: 'refund', pattern: /\brefund(ed)? (is |was |has been )?(approved|confirmed|confirmation|authori[sz]ed)\b/i },
  { id: 'refund.some', reason: 'refund', pattern: /\b((a|full|partial|prorated|pro-rated) refund|refund (the (charge|payment|subscription|difference|invoice|renewal|duplicate|fee)|it))\b/i, weak: true },
  { id: 'refund.reimburse', reason: 'refund', pattern: /\breimburs(e|ed|ement|ing)\b/i, weak: true },
  { id: 'refund.reverse', reason: 'refund', pattern: /\b(reverse|void|undo|cancel) (the|this|that|our|my|your|last) ([\w-]+ ){0,2}(charge|payment|transaction|debit)s?\b/i, weak: true },
  { id: 'refund.wrong-charge', reason: 'refund', pattern: /\b((charged|billed) (me |us |(my|our) (card|account|bank( account)?) )?(twice|double|two times|again|incorrectly|wrongly|by mistake|after (i|we) cancel+ed)|double[- ]charged|duplicate (charge|payment)s?|overcharged)\b/i , notWhen: /\b(deposits?|pre-?auth(ori[sz]ations?)?|holds?) (were |was |are |is |got |get |being )?charged\b|\brefund(ing)? (him|her|them|the (customer|client|parent|family|patient|guest|member|rider|student))\b/i },
  { id: 'refund.unused', reason: 'refund', pattern: /\bget back (the|our|my) money\b|\bget back (the|our|my) ([\w-]+ ){0,2}(months?|weeks?|fees?|balance|payments?|amount|difference|overpayment)\b[^.?!]{0,30}\b(prepaid|pre-paid|paid)\b|\b(months?|weeks?|seats?|licen[cs]es?|time|period|days?) (we|i) (won'?t|will not|don'?t|do not|didn'?t|did not|no longer|can'?t|cannot) (use|need)\b|\b(unused|remaining|rest of (the|our|my)) (months?|weeks?|days?|time|period|seats?|licen[cs]es?|balance|subscription|year)\b[^.?!]{0,40}\b(back|refund(ed)?|credit(ed)?|reimburs\w*)\b|\b(get|have|want|need|give)\b[^.?!]{0,25}\b(months?|fees?|balance|payment|amount|difference|overpayment|extra) back\b|\b(credit|repayment|refund|money back|reimburs\w*)\b[^.?!]{0,40}\b(unused|remaining) (months?|weeks?|days?|seats?|licen[cs]es?|period|subscription|year)\b/i },
  { id: 'refund.after-closing', reason: 'refund', pattern: /\b(closed|cancell?ed|deleted|ended|stopped) (our|my|the) ([\w-]+ )?(account|subscription|subs?|plan|membership)\b[^.?!]{0,80}\b(still|again|kept|keep)\b[^.?!]{0,20}\b(charg|bill|took|taken|taking|debit)|\b(you|u)( still| have| kept| keep)? (charged|billed|took|taken|debited|charging|billing|taking)\b[^.?!]{0,30}\b(after|since|even though|despite) (i|we|our|my)\b/i },
  { id: 'refund.credit', reason: 'refund', pattern: /\b(service credits?|account credit|credit (my|our) (account|card)|(a|some|any) ((prorated|pro-rated|partial|small|one-off|goodwill) )?(credit|discount)( applied| issued| added| given)? (on|to|for|towards?|against|off) (our|my|the|next|this) [^.?!]{0,20}\b(invoice|bill|renewal|subscription|month|downtime|outage|account|seats?|licen[cs]es?)|credit (for|because of|to cover) (the |that |this )?(downtime|outage|disruption|incident|day)|compensat(e|ion)( for)?|(fee|payment|charge|renewal|amount|subscription)s? (be |get |gets |been )?(credited|refunded|paid|put) back|credit(ed)? (it |that |this |them )?back (to|on|onto) (our|my) (card|account|bank)|credited back to (us|me))\b/i },
  { id: 'refund.word', reason: 'refund', pattern: /\brefund(s|ed|ing|able)?\b/i, weak: true },
  // "u still charged my card $149 this morning. want it back pls", "want the extra one back"
  { id: 'refund.want-it-back', reason: 'refund', pattern: /\b(want|need|like|get|give (me|us)|have)\b[^.?!]{0,12}\b(it|that|this|them|those|the (extra|other|second|duplicate|double)( one| charges?| payments?)?)\s+back\b/i, onlyAboutPayingUs: true },
  // pricing: our plans, prices, discounts, quotes
  // "is there any limit to what I can charge?" is about the customer's own charges to their customers.
  // "dont want her seeing what ppl pay": what the customer's own customers pay is data in the product.
  { id: 'pricing.how-much', reason: 'pricing', pattern: /\b(how much|what|whats|what's)\b[^.?!]{0,50}\b(cost|costs|charge|charges|pay|price|fee)\b/i, weak: true, notWhen: new RegExp(String.raw`\bwhat (i|we) (can|could|should|may|am allowed to|are allowed to) charge\b|\bwhat ((my|our|the|their|each) )?(${END_USERS}) (pay|paid|are paying|were charged|owe|spent)\b`, 'i') },
  { id: 'pricing.how-much-for', reason: 'pricing', pattern: /\b(how much (is|are|would|wld|wud|will|does|do)|what (would|will) (it|this|that|[A-Z]\w+) (cost|be|run)|what (the|our|my) (annual |monthly |yearly |total )?(cost|price|fee|bill)s? (would|will) be)\b[^.?!]{0,40}\b((\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty) ?(users?|seats?|licen[cs]es?|employees|people|ppl|staff|members|locations?|sites?|agents?|clinics?|stores?|shops?|teachers|tutors|instructors|coaches|trainers|therapists|dentists|doctors|vets|carers|drivers|vans|vehicles|trucks|crews?|cleaners|techs|rooms|chairs|branches|venues|schools|practices|restaurants|teams|departments|technicians|accounts)|plans?|subscription|licen[cs]e|tier|(per|a|each|every) (month|year|mo|yr|user|seat|season)|annual(ly)?|monthly|upgrade)\b/i },
  { id: 'pricing.how-much-extra', reason: 'pricing', pattern: /\bhow much (extra|more)\b[^.?!]{0,20}\b(per|a|each|every) (month|year|mo|yr|user|seat|location|site)\b|\bhow much (extra|more) (is|are|would|does|do) (it|the|that|this)\b|\bhow much (extra|more) (to|for|would it (cost|be) to) (upgrade|add|switch|move)\b/i, weak: true },
  { id: 'pricing.price', reason: 'pricing', pattern: /\b(pricing|prices?|price list|price increase|costs? per (seat|user|month)|per[- ](seat|user) (cost|price|fee))\b/i, weak: true },
  { id: 'pricing.discount', reason: 'pricing', pattern: /\b((non[- ]?profit|charity|ngo|education(al)?|academic|student|startup|volume|bulk|annual|multi-year|loyalty) (discount|pricing|rate|deal)s?(?! codes?)|(discount|pricing|rate|deal)s? for (charities|non[- ]?profits|ngos|schools|education|students|startups|small (business(es)?|companies|firms|teams|shops|operators))|(a |any )?(cheaper|pricier|more expensive|lower|smaller|bigger) ([A-Z]\w+ )?plan|cheaper (if|when) (we|i) (move|switch|go|change|upgrade|pay)|(extra|additional) (charge|cost|fee) (per|for each|for every|for an?) (login|user|seat|account|person|member)|what (percentage|percent|%|fee|cut) (do|does) (you|u|[A-Z]\w+( Pay| Payments)?) (take|charge|keep)|(do|does|can|could|would|will) (you|u|ya|they)( guys)? (offer|give|have|do) (any |a |us a |me a )?([\w-]+ )?(discounts?|deals?|coupons?|promotions?)|too expensive|special (offer|deal)|(a|any|some) discount (for|on) (us|our|my|the (subscription|plan|renewal|annual))|(pay|paying|prepay|prepaying|paid|commit|committing)( to| for)? ((\d+|two|three|four|five|multiple|several) years|the (whole|full|entire) year) (up ?front|in advance|at once)|\b(extra|an? add-?on|paid add-?on) or included|included or (extra|an? add-?on)|discount (if|when) (we|i) (pay|prepay|commit)( for the (year|season))? (annually|yearly|up ?front|in advance|for (a|the|two|three|\d+) (year|years|season|seasons))|negotiate (the |a |our )?(price|rate|deal|contract))\b/i },
  // "is it per tutor or flat?": how our price is structured.
  { id: 'pricing.per-or-flat', reason: 'pricing', pattern: /\bper [\w-]+ or (a )?(flat|fixed)( (fee|rate|price))?\b|\b(flat|fixed) (fee|rate|price) or per [\w-]+\b/i },
  { id: 'pricing.discount-word', reason: 'pricing', pattern: /\b(discounts?|coupons?|promo(tion)? codes?|cheaper|less expensive)\b/i, weak: true, featureWords: ['price', 'prices', 'pricing', 'discount', 'discounts'] },
  { id: 'pricing.quote-us', reason: 'pricing', pattern: /\b((send|email|give|provide|prepare|share|get|do|make|draw up|put together) (us|me) (a |an |the |your )?((price|pricing|formal|custom|written|detailed) ){0,2}(quote|quotation|proposal|price estimate)|(can|could|would|will) you (please )?(send|email|give|provide|prepare|share|put together|draw up|do|make)[^.?!]{0,30}\b(quote|quotation|proposal))\b/i },
  { id: 'pricing.quote', reason: 'pricing', pattern: /\b(quote request|request for (a )?(price )?quot(e|ation)|rfq|(send|give|get|provide|prepare|email|share|need|needs|needed|require|requires|want|wants|request|like|have) (us |me )?(a |an |the |your )?((price|pricing|formal|custom|written|detailed) ){0,2}(quote|quotation|proposal|price estimate)|(quote|quotation|estimate) (for|on) \d*\s*(seats?|users?|licen[cs]es?|our team|the enterprise|enterprise))\b/i, weak: true },
  { id: 'pricing.bill-change', reason: 'pricing', pattern: /\b((difference|change|increase|jump|rise) in (our|my|the) (monthly |annual |yearly )?(bill|invoice|subscription|fees?)|(our|my) (monthly |annual |yearly )?([A-Z]\w+ )?(bill|invoice|subscription( fee| cost| price)?) (go|goes|going|will go|would go|gonna go) up|how much (more|extra) (would|will|do|does|did) (we|i|it)\b[^.?!]{0,30}\b(pay|cost|be charged|upgrad\w*)|how much (would|will|could|do|can) (we|i) save|(is there|do you have|do you offer|do u have|any) (a |an )?(seasonal|cheaper|smaller|starter|basic|lite|off-season|part-year|pay-as-you-go) (plan|tier|subscription|option))\b/i },
  { id: 'pricing.plans', reason: 'pricing', pattern: /\b((which|whichever|what) (plan|tier|subscription|package|edition)s?\b[^.?!]{0,30}\b(include|includes|have|has|need|get|buy|choose|pick|best|offer|should|recommend|suggest|suits?|fits?)|(plans?|tiers?) (include|comparison|compare)|difference between (the )?\w+ (and|&) \w+ (plans?|tiers?)|difference between (the|your|ur) (plans|tiers|packages|editions)|free (plan|tier|version)|is (it|brightdesk) free|enterprise (plan|pricing|deal|quote)|trial (extension|price))\b/i },
  { id: 'pricing.which-to-buy', reason: 'pricing', pattern: /\b(which (one|plan|tier|package|edition|option) (should|do|would) (we|i) (buy|purchase|get|choose|pick|go (for|with))|(decide|deciding|choose|choosing|pick|picking) between (the )?\w+ (plan )?(and|or|vs\.?) (the )?\w+ plans?|\w+ (vs\.?|versus) \w+ plans?)\b/i, weak: true },
  { id: 'pricing.overpay', reason: 'pricing', pattern: /\b(overpa(y|ying|id)|overpriced|pay(ing)? too much)\b/i, weak: true },
  // "the caterer charges $145 a head", "the DJ sent $400 of the deposit back": what a third party charges or pays back
  // is the customer's own bookkeeping, not our price.
  { id: 'pricing.amount', reason: 'pricing', pattern: /[$€£]\s?\d|\b\d+(\.\d+)?\s?(usd|eur|gbp|dollars?|euros?)\b/i, weak: true, featureWords: ['price', 'prices', 'pricing', 'rates', 'fees', 'charges'], notWhen: /(?<!\b(your|ur|you|u|sales|account) )\b(?!(manager|partner|provider|owner|competitor|reseller|seller|member)s?\b)[a-z]+(er|or|ist|ian)s?( just| now| also| already| usually| only)? (charges?|charged|quoted|bills?|billed|asks?|asked|wants?|wanted)( (us|me|them|him|her|the couple|our clients?))? [$€£]\s?\d|[$€£]\s?\d[\d,.]*k? (of (the|their|our|my|his|her) )?(deposit|retainer|down payment|balance|tip|budget)\b|\b(their|his|her) [$€£]\s?\d/i },
  // human_requested: a person, agent, representative, manager, call back
  { id: 'human.talk-to', reason: 'human_requested', pattern: /\b(speak|talk|chat|connect|transfer|escalate|put|pass) (me |this |us )?(in touch )?(to|with|through to|over to) (a |an |the |your |some |one of your )?(real |actual |live |named |dedicated |specific )?(support |customer service |customer support |tech support |technical support |sales |account )?(human|person|people|agent|representative|rep|manager|supervisor|someone|somebody|staff( member)?|operator|employee|team member|support team|specialist)s?\b/i },
  // "I'd rather go over this with someone on your team by phone", "prefer to deal with a person", "a live screen-share with one of your staff"
  { id: 'human.prefer-person', reason: 'human_requested', pattern: /\b(prefer|rather|like|want|love|keen)\b[^.?!]{0,60}\bwith (a (real |actual |live )?(person|human)|(our|my|your) (account manager|account rep|customer success manager|csm)|someone (on|from|at) your (team|side|end|company)|somebody (on|from|at) your (team|side|end|company)|one of your ([\w-]+ )?(people|staff|team|team members|colleagues|experts|specialists|reps|representatives|agents|consultants|managers))\b|\b(book|schedule|set up|arrange|have|get on|jump on|hop on) (a |an )?(quick |short |brief )?(call|phone call|video call|meeting|zoom|session|walkthrough|walk-through|screen-?share)\b[^.?!]{0,20}\bwith (someone|somebody|a person|one of your|your (team|staff|people|onboarding|support|success))\b|\b(someone|somebody|one of your [\w-]+) (from|on|at) your (team|side|company|end)\b[^.?!]{0,30}\b(walk|talk|take|show) (us|me)( through)?\b|\b(rather|prefer)\b[^.?!]{0,30}\bone of your ([\w-]+ )?(people|staff|team|team members|experts|specialists|reps|agents)\b[^.?!]{0,20}\b(walk|show|talk|take) (me|us)\b/i },
  { id: 'human.account-manager', reason: 'human_requested', pattern: /\b((speak|talk|chat|meet) (to|with) (our|my|the|your) (account manager|customer success manager|csm|account rep)|(have|get|ask) (our|my|the|your) (account manager|customer success manager|csm|account rep) (to )?(contact|call|email|reach out|get in touch)|(our|my) (account manager|customer success manager|csm|account rep)\b[^.?!]{0,30}\b(contact|call|email|reach out to|get in touch with) (me|us))\b/i },
  { id: 'human.real', reason: 'human_requested', pattern: /\b(real|actual|live) (human|person|agent|people)\b|\bhuman (please|pls|plz|being)\b|^\s*(human|agent|operator|representative)\s*[.!?]*\s*$/im },
  { id: 'human.not-bot', reason: 'human_requested', pattern: /\b(no|not|don't want|dont want|do not want|stop|enough of) (talking to )?(a |the |this |your )?(bot|robot|chatbot|ai|machine|automated (reply|response|answer)s?)\b|\bare (you|u) (a )?(bot|robot|human|real)\b|\b(rather\b[^.?!]{0,80}?\bthan|instead of) (getting |receiving |having |reading )?(an? )?(automated|ai|canned|bot) (reply|replies|response|responses|answer|answers)\b/i },
  { id: 'human.call', reason: 'human_requested', pattern: /\b((someone|somebody|anyone|a person|a human)\b[^.?!]{0,30}\b(hop|jump|get) on (a |an )?(quick |short |brief )?(video |phone |zoom )?call|(rather|prefer to|prefer) (have|get|had) (a |an )?(human|real person|person) (show|walk|talk|help)|call (me|us)( back)?|give (me|us) a (call|ring)|(phone|call) back(?! ?url)|(can|could|would|will|please) (someone|somebody|you|anyone) (please )?(call|phone|ring) (me|us)|phone call|have someone call)\b/i },
  { id: 'human.contact-me', reason: 'human_requested', pattern: /\b(someone|somebody|a person|a human|anyone|one of your (representatives|reps|agents|team|staff|people|colleagues|specialists)|(a|your|an|the|our) (customer service |customer support |support |sales |account |onboarding |customer success )?(representative|rep|agent|account manager|manager|supervisor|specialist|member of (your|the) (team|staff))|someone from (your|the) (team|company|support|sales))\b[^.?!]{0,30}\b((contact|call|phone|ring|reach out to|reach|get in touch with|get back to|follow up with|email|text|meet with)\s(me|us)|get in touch (by|via|over|to|about|regarding) (e-?mail|phone|telephone|text|set up|arrange|book|schedule|go over|walk)|have (them|him|her|someone|somebody) (call|phone|ring) (me|us))\b/i },
  { id: 'human.pass-up', reason: 'human_requested', pattern: /\b(pass(ed)?|hand(ed)?|escalat(e|ed)|forward(ed)?|refer(red)?|transfer(red)?) (this |it |me |my (case|ticket|request) )?(up |on |over )?to (a |an |the |your )?(supervisor|manager|senior|team lead|human|real person|someone (more )?senior)|\b(pass|hand|forward|transfer)(ed)? (this|it|me|my (question|message|request)) (on |over )?to (a (real |actual |live )?person|someone on your team|one of your (people|staff|team))\b|\ba senior (member of (the|your) (team|staff)|person|agent|engineer|colleague)\b|\bwith someone (more )?senior\b/i },
  { id: 'human.escalate-to', reason: 'human_requested', pattern: /\bescalat(e|ed|ing)\b[^.?!]{0,25}\bto (a |an |the |your |someone )?(supervisor|manager|senior|human|person|someone|somebody|management|team lead|higher)/i, weak: true },
  { id: 'human.escalate', reason: 'human_requested', pattern: /\b((?<!\b(not|n't|dont|never|no need to|without) )escalate (this|my|it|the)|i want (a|your|the) (human|person|manager|supervisor)|(get|need|want|ask for) (me )?(a|your|the) (manager|supervisor|representative|human|real person))\b/i, weak: true },
  { id: 'human.need-someone', reason: 'human_requested', pattern: /\b((i|we) (need|want|would like|'d like|demand) (to (speak|talk|chat) (to|with) )?(someone|somebody|a person|a human|a representative|a rep|a supervisor)(?! to (?!(help|talk|speak|call|contact|ring|phone|email|get back|look into|look at|explain|assist|advise|go through|walk me)\b)\w)|is there (a|an|any) (human|person|representative|rep|real person|someone)( i| we)? (can|could) (talk|speak|chat))\b/i, weak: true },
  // "is there a manager or account rep at Wrenchly I could speak to directly?": whoever it names, a person of ours.
  { id: 'human.is-there-someone', reason: 'human_requested', pattern: /\bis there (a|an|any|someone|somebody)\b[^.?!]{0,50}\b(i|we) (can|could) (talk|speak|chat)( to| with)?\b/i },
];

/**
 * Sentence contexts that show a trigger word is about the product itself, per reason: the customer's own customers,
 * buyers or patients, and objects of a product (boards, fields, orders, expenses) rather than what they pay us.
 */
const THIRD_PARTY = String.raw`customers'|(a|the|my|our|their|each|every|one of (my|our)) ((past|existing|returning|regular|former|current|loyal|new|own) )?(${END_USERS})|buyers?|shoppers?|patients?|respondents?|attendees?|students?|learners?|tenants?|residents?`;
/** Objects on the customer's screen: a price field, a refund button, a returns page tab. */
const UI = String.raw`screen|tab|menu|button|field|fields|column|dashboard|toggle|dropdown`;
/** A board of cards, not the board that governs the customer's organisation ("our board meets on the 12th"). */
const BOARD = String.raw`boards?(?! (meets|meeting|mtg|members?|of (directors|trustees|governors)|chair))`;
export const PRODUCT_CONTEXT: Readonly<Record<TriggerRule['reason'], RegExp>> = {
  legal: /\b(board|boards|card|cards|column|list|label|template|field|tag|workspace|folder|upload|attach(ment)?|document type|waivers?|checkout|registration|sign-?up|checkbox|consent form)\b/i,
  refund: new RegExp(String.raw`\b(${UI}|${BOARD}|card|cards|column|list|label|template|field|track|tracking|workflow|automation|requests? (board|queue|list)|refund(ing)? (them|him|her|a customer|customers|an order|the order|orders?)|orders?|returns?|rma|expenses?|receipts?|mileage|paychecks?|payslips?|${THIRD_PARTY})\b`, 'i'),
  pricing: new RegExp(String.raw`\b(${UI}|pay (them|him|her|each|every|my|our)|what (i|we) owe|field|fields|column|card|cards|${BOARD}|label|template|formula|estimate field|budget|custom field|api|rate limit|payment question|order form|quantity|products?|variants?|items?|sku|catalog(ue)?|shipping|delivery|zones?|line items?|${THIRD_PARTY})\b`, 'i'),
  human_requested: new RegExp(String.raw`\b(${UI}|bot|chatbot|role|roles|permission|permissions|admin|promote|assign|invite|board|card|workspace|handoff|hand-off|routing|queue|inbox|shifts?|${THIRD_PARTY})\b`, 'i'),
};

/**
 * Words of a weak trigger that may name one of the product's own features ("Refunds and returns", "Warehouse
 * manager role", "Price fields"): when the knowledge base has a section about it, the sentence is a product question.
 */
export const FEATURE_TRIGGER_WORD = /^(refunds?|refunded|refunding|refundable|reimburs\w*|prices?|pricing|rates?|costs?|charges?|fees?|discounts?|coupons?|promo|quotes?|quotations?|estimates?|proposals?|contracts?|agreements?|legal|counsel|managers?|supervisors?|representatives?|reps?|agents?|humans?|escalate|escalations?)$/i;

/**
 * Someone else (the customer's own customers, patients, users) asking for a person, reported by the customer: "our
 * buyers keep saying they want to talk to a human, can I add a button?" is a product question.
 */
export const REPORTED_REFUND = new RegExp(String.raw`\b(she|he|they|(a lot|lots|many|most|some|a few|half|all|none|one|several) of them|${END_USERS})\b(?![^.?!]*\b(i|we|me|(?<!\bwith )us|you|please|pls)\b)[^.?!]{0,60}$`, 'i');
export const REPORTED_REQUEST = new RegExp(String.raw`\b(they|(a lot|lots|many|most|some|a few|half|all|none|one|several) of them|she|he|for (them|her|him) to|${END_USERS}|staff)\b(?![^.?!]*\b(i|we|me|us|you|please|pls)\b)[^.?!]{0,100}$`, 'i');

/** Words a knowledge base may use for the same feature: a "discount code" feature can be headed "Coupons". */
export const FEATURE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  discount: ['coupon', 'coupons', 'promo', 'voucher'],
  discounts: ['coupon', 'coupons', 'promo', 'voucher'],
  coupon: ['discount', 'discounts', 'promo', 'voucher'],
  coupons: ['discount', 'discounts', 'promo', 'voucher'],
  refund: ['refunds', 'refunding'],
  refunds: ['refund', 'refunding'],
  reimbursement: ['expenses', 'expense', 'reimbursements'],
  contract: ['contracts', 'agreement', 'agreements', 'lease', 'documents'],
  contracts: ['contract', 'agreement', 'agreements', 'lease', 'documents'],
  quote: ['quotes', 'estimate', 'estimates'],
  price: ['prices', 'pricing', 'rate', 'rates'],
  manager: ['managers', 'admin', 'roles'],
  agreement: ['agreements', 'contract', 'contracts'],
  agreements: ['agreement', 'contract', 'contracts'],
};

/** A sentence about what the customer buys from us is never a product how-to, whatever words it shares with the knowledge base. */
/**
 * A message about what the customer pays us ("our annual renewal went through", "you charged us", "we didn't use the
 * service"): then a refund or price sentence elsewhere in it is about that, not about the product's own refund or
 * price feature, unless the sentence itself names the product's objects (PRODUCT_CONTEXT).
 */
export const VENDOR_PAYMENT = /\b(still (got |getting |being |been )?(charged|billed)|(our|my) (annual |monthly |yearly |last |latest )?(renewal|subscription|plan|bill|invoice from (you|u))|(you|u)( guys| all| people)? (have |still )?(charged|billed|took|taken|debited)|(charged|billed) (us|me)|(we|i) (paid|were charged|was charged|got charged|got billed|have been charged)|forgot to cancel (the|my|our) (free )?(trial|subscription|plan)|(didn'?t|did not|never|don'?t|do not|no longer) (use|used|need)( the| your| this)? (service|software|product|app|platform|subscription|account))\b/i;

export const VENDOR_CONTEXT = /\b((refund|credit|money back)s? (of|for|on) (our|my) ([\w-]+ ){0,3}(invoices?|subscription|plan|fees?|charges?|payments?|renewal)|(price|pricing|cost|charge|fee)s? (is |are )?per (user|seat|driver|vehicle|van|member|location|employee|staff|agent|licen[cs]e|account)|(ur|yr) (price|pricing|prices|plans?|fees?|company)|subscriptions?|(our|my|the|your) (plan|bill|billing|renewal|account manager)s?|(your|ur) invoices?|invoices? from (you|u)|seats?|licen[cs]es?|per[- ](seat|user|month|year|location|site|venue)|onboarding fees?|multi-year (terms|contract|deal|pricing)|(you|u) (charged|billed|took)|we paid|i paid|(?<!\bfirst |[$€£]\d+(\.\d+)? (for|per) )(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty) ?(users?|seats?|licen[cs]es?|people|staff|employees|agents?|locations?|sites?|marinas|clinics|stores|shops|branches)|multi-?(site|location|venue|store|branch) (rate|pricing|price|discount|deal)s?|(charged|billed) (us|me)|per [\w-]+ or (a )?(flat|fixed)( (fee|rate|price))?|(flat|fixed) (fee|rate|price) or per [\w-]+|(contract|agreement|msa) with (you|u)|auto[- ]?renew(al|als|s|ed|ing)?|(monthly|annual|yearly|extra|transaction|processing) fees? (on top|for using|to use)|cost to buy|your (company|pricing|prices|fees?|plans?|service|software|platform|team|sales|staff|support))\b/i;
