import { AppError } from '@cs/domain';
import { OfflineModel } from './models/offline/offline.model';
import { CustomerSuccessAgent, type MatchPolicy } from './customer-success.agent';
import { agentRequest, EXPORT_HIT, fakeDeps, RecordingModel } from './testing/agent-test-kit';

function offlineAgent(deps = fakeDeps(), match: MatchPolicy = { threshold: 0.35, unknownWordStep: 0 }) {
  const model = new RecordingModel(new OfflineModel());
  return { model, deps, agent: new CustomerSuccessAgent({ model, modelName: 'offline-extractive-v1', deps, match }) };
}

/** A sentence check that finds `label` in the sentence containing `marker`, recording what it was asked. */
function sentenceCheck<L extends string>(label: L, marker: string, probability: number) {
  const seen: string[][] = [];
  const classify = async (sentences: readonly string[]) => {
    seen.push([...sentences]);
    const hit = sentences.find((s) => s.includes(marker));
    return hit ? { label, probability, sentence: hit } : null;
  };
  return { seen, classify };
}

/** A knowledge base that never uses these words (and uses every other). */
function depsWithout(...unknown: string[]) {
  return { ...fakeDeps(), unknownTerms: async (words: readonly string[]) => words.filter((w) => unknown.includes(w.toLowerCase())) };
}

describe('CustomerSuccessAgent with the offline model (real agent loop)', () => {
  it('answers from the passage it found, citing it, in tool order history → search → ticket → send', async () => {
    const { agent } = offlineAgent();
    const decision = await agent.decide(agentRequest('How do I export my board to CSV?'));
    expect(decision.action).toBe('answer');
    expect(decision.toolCalls).toEqual(['get_customer_history', 'search_knowledge_base', 'create_ticket', 'send_response']);
    expect(decision.turns).toBe(4);
    expect(decision.citations).toEqual([{ chunkId: EXPORT_HIT.chunkId, source: 'csv-export-import', heading: EXPORT_HIT.heading, score: 0.62 }]);
    expect(decision.text).toContain('select Board menu > More > Export, and choose CSV');
    expect(decision.ticketUpdate).toEqual({ category: 'technical', priority: 'low' });
    expect(decision).toMatchObject({ language: 'en', sentiment: 0.5, bestKbScore: 0.62, model: 'offline-extractive-v1' });
  });

  it('searches twice, then escalates with no_kb_match when nothing is relevant', async () => {
    const { agent, deps } = offlineAgent();
    const decision = await agent.decide(agentRequest('Do you integrate with Salesforce opportunities?'));
    expect(decision.toolCalls).toEqual(['get_customer_history', 'search_knowledge_base', 'search_knowledge_base', 'create_ticket', 'escalate_to_human']);
    expect(deps.queries).toHaveLength(2);
    expect(decision.escalation?.reason).toBe('no_kb_match');
    expect(decision).toMatchObject({ action: 'escalate', bestKbScore: 0.1, citations: [] });
    expect(decision.text).toMatch(/member of our support team/);
  });

  it('raises the bar a passage must clear for each question word the knowledge base never uses, up to three', async () => {
    const match = { threshold: 0.35, unknownWordStep: 0.1 };
    const deps = depsWithout('smartsheet', 'airtable', 'notion', 'zapier');
    const one = await offlineAgent(deps, match).agent.decide(agentRequest('Can I export my board to CSV for Smartsheet?'));
    expect(one).toMatchObject({ action: 'answer', bestKbScore: 0.62 });

    const text = 'Can I export my board to CSV for Smartsheet, Airtable, Notion and Zapier?';
    const many = await offlineAgent(deps, match).agent.decide(agentRequest(text));
    expect(many).toMatchObject({ action: 'escalate', bestKbScore: 0.62, escalation: { reason: 'no_kb_match' } });
    // 0.35 + 3 × 0.1: the fourth unknown word raises it no further.
    expect(many.escalation?.evidence).toMatchObject({ threshold: 0.65, unknownWords: ['smartsheet', 'airtable', 'notion', 'zapier'] });

    const none = await offlineAgent(depsWithout(), match).agent.decide(agentRequest(text));
    expect(none.action).toBe('answer');
  });

  it("asks more of an article's overview than of a section before answering from it", async () => {
    const overview = { ...EXPORT_HIT, chunkId: '00000000-0000-4000-8000-000000000002', heading: 'Exporting and importing boards with CSV', overview: true };
    const question = 'How do I export my board to CSV?';
    const match = { threshold: 0.35, unknownWordStep: 0, overviewStep: 0.3 };
    // 0.62 clears the bar of 0.35 but not the overview's 0.65.
    const high = await offlineAgent(fakeDeps([overview]), match).agent.decide(agentRequest(question));
    expect(high).toMatchObject({ action: 'escalate', bestKbScore: 0.62, escalation: { reason: 'no_kb_match', evidence: { threshold: 0.35, overviewStep: 0.3 } } });
    const lower = await offlineAgent(fakeDeps([overview]), { ...match, overviewStep: 0.2 }).agent.decide(agentRequest(question));
    expect(lower).toMatchObject({ action: 'answer', citations: [expect.objectContaining({ chunkId: overview.chunkId })] });
    // A section that clears the plain bar is answered from, even when the overview scores higher.
    const section = { ...EXPORT_HIT, score: 0.5 };
    const both = await offlineAgent(fakeDeps([overview, section]), match).agent.decide(agentRequest(question));
    expect(both.action).toBe('answer');
    expect(both.citations.map((c) => c.chunkId)).toEqual([EXPORT_HIT.chunkId]);
  });

  it('escalates before searching when the thing asked about is never mentioned', async () => {
    const { agent, model } = offlineAgent(depsWithout('salesforce'));
    const decision = await agent.decide(agentRequest('Does it integrate with Salesforce?'));
    expect(model.requests).toHaveLength(0);
    expect(decision).toMatchObject({ model: 'knowledge-gap', escalation: { reason: 'no_kb_match', evidence: { source: 'knowledge_gap', unknown: ['salesforce'] } } });
  });

  it('redacts card numbers and secrets before anything reaches the model or the search', async () => {
    const { agent, model, deps } = offlineAgent();
    await agent.decide(agentRequest('My card 4111 1111 1111 1111 and password: hunter2 — how do I export a board to CSV?'));
    const sent = JSON.stringify(model.requests);
    expect(model.requests.length).toBeGreaterThan(0);
    expect(sent).not.toContain('4111');
    expect(sent).not.toContain('hunter2');
    expect(sent).toContain('[REDACTED CARD]');
    expect(deps.queries.join(' ')).not.toContain('4111');
  });

  it('escalates at the policy gate without calling the model', async () => {
    const { agent, model } = offlineAgent();
    const decision = await agent.decide(agentRequest('How much does the Business plan cost per user?', { channel: 'whatsapp' }));
    expect(model.requests).toHaveLength(0);
    expect(decision).toMatchObject({ action: 'escalate', toolCalls: [], turns: 0, model: 'policy-gate', escalation: { reason: 'pricing' } });
    expect(decision.text.length).toBeLessThan(160);
  });

  it('escalates a request the trigger rules miss when the intent check finds it in a sentence addressed to us', async () => {
    const intents = sentenceCheck('refund' as const, 'back on our account', 0.93);
    const seen = intents.seen;
    const model = new RecordingModel(new OfflineModel());
    const agent = new CustomerSuccessAgent({ model, modelName: 'offline-extractive-v1', deps: fakeDeps(), match: { threshold: 0.35, unknownWordStep: 0 }, intents, product: { name: 'Brightdesk', description: 'boards' } });
    const text = 'We were shut for all of March. We paid Brightdesk for it anyway, could that go back on our account? Our tenants were told.';
    const decision = await agent.decide(agentRequest(text, { subject: 'March' }));
    expect(model.requests).toHaveLength(0);
    expect(decision).toMatchObject({ action: 'escalate', model: 'intent-check', escalation: { reason: 'refund', evidence: { source: 'intent_check', probability: 0.93, excerpt: 'We paid Brightdesk for it anyway, could that go back on our account?' } } });
    // Only the sentences that name the product or speak to "you" are read: not the subject, not the tenants.
    expect(seen).toEqual([['We paid Brightdesk for it anyway, could that go back on our account?']]);

    const quiet = await agent.decide(agentRequest('How do I export my board to CSV?'));
    expect(quiet.action).toBe('answer');
    const gated = await agent.decide(agentRequest('How much does the Business plan cost per user?'));
    expect(gated).toMatchObject({ model: 'policy-gate', escalation: { reason: 'pricing' } });
    // The CSV question has no sentence addressed to us; the rules decided the price question before the check.
    expect(seen).toEqual([['We paid Brightdesk for it anyway, could that go back on our account?'], []]);
  });

  it('lowers a lukewarm sentiment score under the bar when the distress check hears distress, and asks it of no other', async () => {
    const distress = sentenceCheck('distressed' as const, 'rent is due', 0.99);
    const asked = distress.seen;
    const agent = new CustomerSuccessAgent({ model: new OfflineModel(), modelName: 'offline-extractive-v1', deps: fakeDeps(), match: { threshold: 0.35, unknownWordStep: 0 }, distress });
    const text = 'I have cried twice today over this, the payouts still have not come and rent is due. How do I export my board to CSV?';
    const decision = await agent.decide(agentRequest(text));
    const wordScore = (decision.escalation?.evidence as { distress: { wordScore: number } }).distress.wordScore;
    expect(wordScore).toBeGreaterThanOrEqual(0.3);
    expect(wordScore).toBeLessThan(0.5);
    expect(decision).toMatchObject({ action: 'escalate', sentiment: Math.round(wordScore * 0.6 * 10_000) / 10_000, escalation: { reason: 'negative_sentiment', evidence: { source: 'policy_gate', threshold: 0.3, distress: { probability: 0.99 } } } });

    // Neutral (0.5 and over) and already angry (under 0.3) messages are not asked about.
    expect(await agent.decide(agentRequest('How do I export my board to CSV?'))).toMatchObject({ action: 'answer', sentiment: 0.5 });
    expect(await agent.decide(agentRequest('This is useless garbage, I am furious. How do I export my board?'))).toMatchObject({ escalation: { reason: 'negative_sentiment' } });
    expect(asked).toHaveLength(1);
  });

  it('sends an answer to a person as no_kb_match when the answerability check judges the question unanswered', async () => {
    const asked: { question: string; hits: number }[] = [];
    const answerability = {
      judge: async (question: string, firstSearch: readonly unknown[]) => {
        asked.push({ question, hits: firstSearch.length });
        return /livestream/.test(question) ? { probability: 0.91, unanswerable: true } : { probability: 0.12, unanswerable: false };
      },
    };
    const agent = new CustomerSuccessAgent({ model: new OfflineModel(), modelName: 'offline-extractive-v1', deps: fakeDeps(), match: { threshold: 0.35, unknownWordStep: 0 }, answerability });
    const vetoed = await agent.decide(agentRequest('Can the CSV export livestream to our TV?'));
    expect(vetoed).toMatchObject({ action: 'escalate', bestKbScore: 0.62, citations: [], escalation: { reason: 'no_kb_match', evidence: { source: 'answerability', probability: 0.91, searches: [{ best: 0.62, article: 'csv-export-import' }] } } });
    expect(vetoed.toolCalls).toContain('search_knowledge_base');
    expect(await agent.decide(agentRequest('How do I export my board to CSV?'))).toMatchObject({ action: 'answer', citations: [{ source: 'csv-export-import' }] });
    // Asked with the model's input and the first search's page; never about a message that is escalated anyway.
    await agent.decide(agentRequest('How much does the Business plan cost per user?'));
    await agent.decide(agentRequest('How do I print a board?'));
    // Nor about a question in another language (its embeddings are English).
    expect(await agent.decide(agentRequest("Bonjour, comment est-ce que j'exporte mon tableau au format CSV s'il vous plaît ?"))).toMatchObject({ action: 'answer', language: 'fr' });
    expect(asked).toEqual([{ question: 'Message:\nCan the CSV export livestream to our TV?', hits: 1 }, { question: 'Message:\nHow do I export my board to CSV?', hits: 1 }]);
  });

  it('turns a failing search into a retriable error instead of a "no match"', async () => {
    const deps = { ...fakeDeps(), searchKnowledge: async () => Promise.reject(new AppError('DB_UNAVAILABLE', 'down', { retriable: true })) };
    const { agent } = offlineAgent(deps);
    await expect(agent.decide(agentRequest('How do I export a board?'))).rejects.toMatchObject({ code: 'DB_UNAVAILABLE', retriable: true });
  });
});
