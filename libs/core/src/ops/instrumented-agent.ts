import { agentMetrics, type Registry } from '@cs/observability';
import type { AgentDecision, AgentRequest, CustomerAgent } from '@cs/ports';

const TOOL_NAME = /^[a-z][a-z0-9_]{0,47}$/;

/**
 * The agent with Prometheus metrics around it: decision latency, decisions by action, tool calls by tool and
 * escalations by reason. The same figures go to agent_metrics in the database; these are for live dashboards.
 */
export function instrumentAgent(agent: CustomerAgent, registry: Registry): CustomerAgent {
  const metrics = agentMetrics(registry);
  return {
    async decide(request: AgentRequest): Promise<AgentDecision> {
      const channel = request.event.channel;
      const end = metrics.latency.startTimer({ channel });
      let decision: AgentDecision;
      try {
        decision = await agent.decide(request);
      } catch (err) {
        end();
        metrics.decisions.inc({ channel, action: 'failed' });
        throw err;
      }
      end();
      metrics.decisions.inc({ channel, action: decision.action === 'escalate' ? 'escalated' : 'answered' });
      // A model may name a tool that does not exist: such names are bucketed, never let into a label as they are.
      for (const tool of decision.toolCalls) metrics.toolCalls.inc({ tool: TOOL_NAME.test(tool) ? tool : 'other' });
      if (decision.escalation) metrics.escalations.inc({ channel, reason: decision.escalation.reason });
      return decision;
    },
  };
}
