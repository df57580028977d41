import { createMetricsRegistry } from '@cs/observability';
import type { AgentDecision, AgentRequest, CustomerAgent } from '@cs/ports';
import { instrumentAgent } from './instrumented-agent';

const request = { event: { channel: 'whatsapp' } } as AgentRequest;
const decision = (overrides: Partial<AgentDecision>): AgentDecision => ({
  action: 'answer', text: 'hi', citations: [], bestKbScore: null, sentiment: null, language: null, toolCalls: [], turns: 1, model: 'offline', ...overrides,
});

describe('instrumentAgent', () => {
  it('counts decisions, escalations by reason and tool calls, and times each run', async () => {
    const registry = createMetricsRegistry('test', { defaultMetrics: false });
    const outcomes: Array<AgentDecision | Error> = [
      decision({ toolCalls: ['search_knowledge_base', 'send_response'] }),
      decision({ action: 'escalate', escalation: { reason: 'pricing', evidence: {} }, toolCalls: ['escalate_to_human', 'Made Up Tool!'] }),
      new Error('model down'),
    ];
    const inner: CustomerAgent = {
      decide: async () => {
        const next = outcomes.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const agent = instrumentAgent(inner, registry);
    await agent.decide(request);
    await agent.decide(request);
    await expect(agent.decide(request)).rejects.toThrow('model down');
    const text = await registry.metrics();
    expect(text).toContain('agent_decisions_total{channel="whatsapp",action="answered",service="test"} 1');
    expect(text).toContain('agent_decisions_total{channel="whatsapp",action="escalated",service="test"} 1');
    expect(text).toContain('agent_decisions_total{channel="whatsapp",action="failed",service="test"} 1');
    expect(text).toContain('escalations_total{channel="whatsapp",reason="pricing",service="test"} 1');
    expect(text).toContain('agent_tool_calls_total{tool="search_knowledge_base",service="test"} 1');
    expect(text).toContain('agent_tool_calls_total{tool="other",service="test"} 1');
    expect(text).toContain('agent_decision_duration_seconds_count{service="test",channel="whatsapp"} 3');
  });
});
