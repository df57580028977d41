import { Usage, type Model, type ModelRequest, type ModelResponse, type StreamEvent } from '@openai/agents';
import { contentTokens, extractQuestionFocus } from '@cs/domain';
import { CREATE_TICKET, ESCALATE_TO_HUMAN, GET_CUSTOMER_HISTORY, SEARCH_KNOWLEDGE_BASE, SEND_RESPONSE } from '../../tools/agent-tools';
import { composeAnswer } from './answer-composer';
import { readModelInput, searchResults, type OfflineTurnState } from './model-input';
import { triageTicket } from './ticket-triage';

export const OFFLINE_MODEL_NAME = 'offline-extractive-v1';

type Output = ModelResponse['output'];

/**
 * A deterministic model behind the SDK's Model port, for the embedded mode, tests and the eval harness. It drives
 * the same tools through the real agent loop as a hosted model would (history, search, a second search when the
 * first finds nothing relevant, ticket, then answer or escalate) and answers only with sentences taken verbatim
 * from the passages the search returned, citing them.
 */
export class OfflineModel implements Model {
  private calls = 0;

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const output = this.nextStep(readModelInput(request));
    return { usage: new Usage({ requests: 1 }), output, responseId: `offline-${++this.calls}` };
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const response = await this.getResponse(request);
    yield { type: 'response_started' };
    yield {
      type: 'response_done',
      response: { id: response.responseId!, usage: { requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 }, output: response.output },
    } as StreamEvent;
  }

  private nextStep(state: OfflineTurnState): Output {
    const calls = state.exchanges;
    const searches = calls.filter((c) => c.name === SEARCH_KNOWLEDGE_BASE);
    if (!calls.some((c) => c.name === GET_CUSTOMER_HISTORY)) return [call(GET_CUSTOMER_HISTORY, { limit: 10 }, calls.length)];
    const question = clip(searchQuestion(state), 480);
    if (searches.length === 0) return [call(SEARCH_KNOWLEDGE_BASE, { query: question }, calls.length)];
    // In the search's order (the article ranker's, when it runs): a second search is made only when the first found nothing.
    const relevant = searches.flatMap(searchResults).filter((r) => r.relevant);
    if (relevant.length === 0 && searches.length === 1) return [call(SEARCH_KNOWLEDGE_BASE, { query: clip(broaderQuery(state.userText, question), 480) }, calls.length)];
    if (!calls.some((c) => c.name === CREATE_TICKET)) return [call(CREATE_TICKET, triageTicket(state.userText, relevant.length > 0), calls.length)];
    if (relevant.length === 0) {
      const summary = `No help-center article matches: "${question.slice(0, 200)}"`;
      return [call(ESCALATE_TO_HUMAN, { reason: 'no_kb_match', summary }, calls.length)];
    }
    return [call(SEND_RESPONSE, composeAnswer(question, relevant, state.channel), calls.length)];
  }
}

/**
 * The question to search for: the subject (it names the topic, also in a long email whose question is "where should I
 * look?") and the asking sentences; a short follow-up also borrows the customer's previous message.
 */
function searchQuestion(state: OfflineTurnState): string {
  const subject = /^Subject:\s*(.*)$/im.exec(state.userText)?.[1]?.replace(/^\s*((re|fwd?|aw|wg)\s*:\s*)+/i, '').trim() ?? '';
  const body = extractQuestionFocus(state.userText.replace(/^Subject:.*$/im, '').replace(/^Message:\s*$/im, ''));
  const focus = subject && !body.toLowerCase().includes(subject.toLowerCase()) ? `${subject}. ${body}` : body;
  if (contentTokens(focus).length >= 3) return focus;
  const history = state.exchanges.find((c) => c.name === GET_CUSTOMER_HISTORY)?.output ?? '{}';
  const previous = (JSON.parse(history) as { messages?: Array<{ from: string; text: string }> }).messages?.filter((m) => m.from === 'customer').pop();
  return previous ? `${focus} ${extractQuestionFocus(previous.text)}`.trim() : focus;
}

/** Different words for the second search: the subject and every topic word of the message, not just its questions. */
function broaderQuery(userText: string, first: string): string {
  const keywords = [...new Set(contentTokens(userText.replace(/^(Subject|Message):/gim, '')))].join(' ');
  return keywords && keywords !== first ? keywords : `${first} help`;
}

/** The search tool takes at most 500 characters: a long email's question is cut at a word boundary. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trim();
}

function call(name: string, args: object, index: number): Output[number] {
  const callId = `call_${name}_${index}`;
  return { type: 'function_call', name, callId, id: callId, status: 'completed', arguments: JSON.stringify(args) };
}
