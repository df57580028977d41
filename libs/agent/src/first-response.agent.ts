import type { AgentDecision, AgentRequest, CustomerAgent } from '@cs/ports';

/**
 * First version of the agent (the full tool-calling agent replaces it): acknowledges the message, restates what it is
 * about, and promises nothing it cannot know. Deterministic and offline.
 */
export class FirstResponseAgent implements CustomerAgent {
  async decide(request: AgentRequest): Promise<AgentDecision> {
    const topic = request.event.subject?.trim() ? `about "${request.event.subject.trim()}"` : '';
    const text = [
      `Thank you for contacting us${topic ? ` ${topic}` : ''}. We have received your message and logged it as ticket ${request.ticketNumber}.`,
      'A member of our team will look into it and get back to you on this channel.',
    ].join(' ');
    return { action: 'answer', text, citations: [], bestKbScore: null, sentiment: null, language: null, toolCalls: [], turns: 1, model: 'first-response-v1' };
  }
}
