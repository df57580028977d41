import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import type { InboundMessage } from '@cs/contracts';
import type { KnowledgeHit } from '@cs/knowledge';
import type { AgentRequest } from '@cs/ports';
import type { AgentToolDeps } from '../agent-context';

export const EXPORT_HIT: KnowledgeHit = {
  chunkId: '00000000-0000-4000-8000-000000000001',
  source: 'csv-export-import',
  heading: 'Exporting and importing boards with CSV › Export a board to CSV',
  content: 'Open the board, select Board menu > More > Export, and choose CSV. Brightdesk prepares the file and downloads it in your browser.',
  overview: false,
  score: 0.62,
  vectorScore: 0.5,
  textScore: 0.7,
  parts: { vector: 0.5, coverage: 0.7, heading: 1, rank: 0.5, semantic: 0.8, distinct: 0.1 },
};

/** Tool dependencies over a fixed list of passages; records every query so tests can see what reached search. */
export function fakeDeps(hits: KnowledgeHit[] = [EXPORT_HIT]): AgentToolDeps & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async searchKnowledge(query) {
      queries.push(query);
      return /csv|export/i.test(query) ? hits : hits.map((h) => ({ ...h, score: 0.1 }));
    },
    async readHistory() {
      return [{ at: '2026-01-01T00:00:00.000Z', channel: 'email', from: 'customer', text: 'An earlier question' }];
    },
  };
}

/** Wraps a model and keeps every request it was sent. */
export class RecordingModel implements Model {
  readonly requests: ModelRequest[] = [];
  constructor(private readonly inner: Model) {}
  getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(request);
    return this.inner.getResponse(request);
  }
  getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    this.requests.push(request);
    return this.inner.getStreamedResponse(request);
  }
}

export function agentRequest(text: string, overrides: Partial<InboundMessage> = {}): AgentRequest {
  const event: InboundMessage = {
    eventId: 'web_form:test-1',
    schemaVersion: 1,
    channel: 'web_form',
    providerMessageId: 'test-1',
    receivedAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'corr-test-1',
    conversationKey: 'test-1',
    customer: { email: 'jane@example.com', displayName: 'Jane Doe' },
    text,
    attachments: [],
    ...overrides,
  };
  return { event, customerId: 'c1', conversationId: 'conv1', ticketNumber: 'TKT-8F3K2Q', customerName: 'Jane Doe' };
}
