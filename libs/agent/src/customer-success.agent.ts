import { Runner, type Agent, type Model } from '@openai/agents';
import { addressesVendor, askedAboutTerms, candidateFeatureWords, gateSentences, NEGATIVE_SENTIMENT_THRESHOLD, questionTopicWords, evaluatePolicyGate, detectLanguage, extractCustomerText, extractSignOff, redactSensitiveText, scoreSentiment } from '@cs/domain';
import type { Logger } from '@cs/observability';
import type { AgentDecision, AgentRequest, CustomerAgent } from '@cs/ports';
import type { AgentRunContext, AgentToolDeps } from './agent-context';
import { buildCustomerSuccessAgent } from './customer-success.agent-definition';
import { decideFromRun, escalate, searchEvidence, type DecisionBase } from './policy/decision-policy';
import { toAgentError } from './agent-errors';
import { DISTRESS_WINDOW, type IntentReason, type SentenceVerdict } from './policy/sentence-check';
import { ANSWERABILITY_LANGUAGES, type AnswerabilityVerdict } from './policy/answerability-check';
import type { KnowledgeHit } from '@cs/knowledge';

/** How a passage's fused search score is judged enough to answer from. */
export interface MatchPolicy {
  threshold: number;
  /** Added to the threshold for each word the question asks with that the knowledge base never uses. */
  unknownWordStep: number;
  /**
   * Added for an article's overview (its opening before the first section): it says what a feature is, so a question
   * about something the articles do not cover matches it about as well as one they answer.
   */
  overviewStep?: number;
}

/** Unknown words past this many raise the threshold no further (a long message is not a harder question). */
export const MAX_UNKNOWN_WORDS = 3;

export interface CustomerSuccessAgentOptions {
  model: Model;
  modelName: string;
  deps: AgentToolDeps;
  match: MatchPolicy;
  logger?: Logger;
  maxTurns?: number;
  /** Named in the hosted model's instructions; the intent check reads the sentences that name it. */
  product?: { name: string; description: string };
  /** The semantic half of the gate (the intent model): asked only when no trigger rule fired. */
  intents?: { classify(sentences: readonly string[]): Promise<SentenceVerdict<IntentReason> | null> };
  /** Hears distress the word-level score misses (the distress model): asked only for a lukewarm score. */
  distress?: { classify(sentences: readonly string[]): Promise<SentenceVerdict<'distressed'> | null> };
  /** Reads an answer's question and first search once more (the answerability model): a veto, never a rescue. */
  answerability?: { judge(question: string, firstSearch: readonly KnowledgeHit[]): Promise<AnswerabilityVerdict> };
}

/** What the model is given: the customer's own words (no quoted history or signature), with secrets masked. */
export function modelInputFor(request: AgentRequest): string {
  const subject = request.event.subject ? `Subject: ${redactSensitiveText(request.event.subject)}\n` : '';
  return `${subject}Message:\n${redactSensitiveText(extractCustomerText(request.event.text))}`;
}

/**
 * The CustomerAgent: a deterministic policy gate, then the tool-calling agent (OpenAI or the offline model behind the
 * same Model port), then the code-enforced answer policy and output guardrail.
 */
export class CustomerSuccessAgent implements CustomerAgent {
  private readonly agent: Agent<AgentRunContext>;
  private readonly runner = new Runner({ tracingDisabled: true, workflowName: 'customer-success' });

  constructor(private readonly options: CustomerSuccessAgentOptions) {
    this.agent = buildCustomerSuccessAgent(options.model, options.product);
  }

  async decide(request: AgentRequest): Promise<AgentDecision> {
    const own = extractCustomerText(request.event.text);
    // A subject states the problem ("Lost my phone") more than the mood, but shouting in it counts ("broken AGAIN");
    // the sign-off ("Thanks so much,") is left out of the question but is part of the tone.
    const signOff = extractSignOff(request.event.text);
    const wordScore = scoreSentiment(signOff ? `${own}\n${signOff}` : own, { emphasis: request.event.subject });
    const distress = await this.distressOf(wordScore, own, request.event.subject);
    const sentiment = distress ? round(wordScore * DISTRESS_WINDOW.factor) : wordScore;
    const distressEvidence = distress ? { distress: { wordScore, probability: distress.probability, excerpt: redactSensitiveText(distress.sentence).slice(0, 160) } } : {};
    const language = detectLanguage(own);
    const channel = request.event.channel;
    const featureWords = candidateFeatureWords({ text: own, subject: request.event.subject });
    const featureTerms = new Set(featureWords.length && this.options.deps.headingTerms ? await this.options.deps.headingTerms(featureWords) : []);
    const gate = evaluatePolicyGate({ text: own, subject: request.event.subject, sentiment, vocabulary: { featureTerms } });
    if (gate) {
      const base: DecisionBase = { sentiment, language, toolCalls: [], turns: 0, model: 'policy-gate' };
      return escalate({ channel }, base, gate.reason, { source: 'policy_gate', ...gate.evidence, ...distressEvidence }, null);
    }
    const intent = await this.intentOf(own, request.event.subject);
    if (intent) {
      const base: DecisionBase = { sentiment, language, toolCalls: [], turns: 0, model: 'intent-check' };
      const evidence = { source: 'intent_check', probability: intent.probability, excerpt: redactSensitiveText(intent.sentence).slice(0, 160), sentiment };
      return escalate({ channel }, base, intent.label, evidence, null);
    }
    const unknown = await this.unknownWords(own, request.event.subject);
    if (unknown.askedAbout.length > 0) {
      // Asked whether we have, support or work with something the knowledge base never mentions: nothing to answer
      // from, whatever the question's other words match.
      const base: DecisionBase = { sentiment, language, toolCalls: [], turns: 0, model: 'knowledge-gap' };
      return escalate({ channel }, base, 'no_kb_match', { source: 'knowledge_gap', unknown: unknown.askedAbout }, null);
    }
    const { threshold, unknownWordStep, overviewStep } = this.options.match;
    const context: AgentRunContext = {
      customerId: request.customerId,
      conversationId: request.conversationId,
      ticketNumber: request.ticketNumber,
      channel,
      matchThreshold: round(threshold + unknownWordStep * Math.min(unknown.topic.length, MAX_UNKNOWN_WORDS)),
      unknownWords: unknown.topic,
      overviewStep,
      deps: this.options.deps,
      searches: [],
    };
    try {
      const result = await this.runner.run(this.agent, modelInputFor(request), { context, maxTurns: this.options.maxTurns ?? 8 });
      const toolCalls = result.newItems.filter((item) => item.type === 'tool_call_item').map((item) => ('name' in item.rawItem ? String(item.rawItem.name) : item.rawItem.type));
      const base: DecisionBase = { sentiment, language, toolCalls, turns: result.rawResponses.length, model: this.options.modelName };
      const finalOutput = typeof result.finalOutput === 'string' ? result.finalOutput : undefined;
      const decision = decideFromRun(context, base, finalOutput);
      return await this.vetoUnanswerable(request, context, decision);
    } catch (err) {
      const failure = toAgentError(err);
      if (failure.retriable) throw failure;
      this.options.logger?.warn({ err: failure, conversationId: request.conversationId }, 'agent run failed; escalating');
      const base: DecisionBase = { sentiment, language, toolCalls: [], turns: 0, model: this.options.modelName };
      return escalate({ channel }, base, 'processing_failure', { source: 'agent_error', code: failure.code }, null);
    }
  }

  /**
   * An answer whose question the answerability model judges the knowledge base not to cover (a passage passed the bar,
   * but the question asks for something none of them offers) goes to a person as no_kb_match.
   */
  private async vetoUnanswerable(request: AgentRequest, context: AgentRunContext, decision: AgentDecision): Promise<AgentDecision> {
    const first = context.searches[0];
    // The check reads an English embedding model's view of the question: a French question looks unlike anything it
    // learned from, so it is not asked (the bar alone decides, as before it).
    if (decision.action !== 'answer' || !this.options.answerability || !first || !ANSWERABILITY_LANGUAGES.has(decision.language ?? 'und')) return decision;
    const verdict = await this.options.answerability.judge(modelInputFor(request), first.hits);
    if (!verdict.unanswerable) return decision;
    const base: DecisionBase = { sentiment: decision.sentiment, language: decision.language, toolCalls: decision.toolCalls, turns: decision.turns, model: decision.model };
    const evidence = { source: 'answerability', probability: verdict.probability, searches: searchEvidence(context), threshold: context.matchThreshold };
    return escalate(context, base, 'no_kb_match', evidence, decision.bestKbScore, decision.ticketUpdate ? { ticketUpdate: decision.ticketUpdate } : {});
  }

  /** A request for a person, our prices, money back or legal terms in a sentence addressed to us, in any wording. */
  private async intentOf(text: string, subject?: string): Promise<SentenceVerdict<IntentReason> | null> {
    if (!this.options.intents) return null;
    const addressed = gateSentences({ text, subject }).filter((s) => addressesVendor(s, this.options.product?.name));
    return this.options.intents.classify(addressed);
  }

  /** Distress in a message the words score only lukewarm ("I have cried twice today over this … rent is due"). */
  private async distressOf(wordScore: number, text: string, subject?: string): Promise<SentenceVerdict<'distressed'> | null> {
    if (!this.options.distress || wordScore < NEGATIVE_SENTIMENT_THRESHOLD || wordScore >= DISTRESS_WINDOW.below) return null;
    return this.options.distress.classify(gateSentences({ text, subject }));
  }

  /**
   * Of the words the question names as what it asks about, and of all the words it asks with, those the knowledge
   * base never uses (one query for both).
   */
  private async unknownWords(text: string, subject?: string): Promise<{ askedAbout: string[]; topic: string[] }> {
    const targets = askedAboutTerms(subject ? `${subject}?\n${text}` : text);
    const topic = questionTopicWords(text, subject);
    if ((targets.length === 0 && topic.length === 0) || !this.options.deps.unknownTerms) return { askedAbout: [], topic: [] };
    const unknown = new Set(await this.options.deps.unknownTerms([...new Set([...targets, ...topic])]));
    return { askedAbout: [...new Set(targets.map((t) => t.toLowerCase()))].filter((t) => unknown.has(t)), topic: topic.filter((w) => unknown.has(w)) };
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
