import { Agent, type Model } from '@openai/agents';
import type { AgentRunContext } from './agent-context';
import { agentInstructions, DEFAULT_PRODUCT } from './agent-instructions';
import { AGENT_TOOLS, FINAL_TOOLS } from './tools/agent-tools';

/** The SDK agent: instructions per channel, the five tools, and a run that stops once it answers or escalates. */
export function buildCustomerSuccessAgent(model: Model, product = DEFAULT_PRODUCT): Agent<AgentRunContext> {
  return new Agent<AgentRunContext>({
    name: 'customer-success',
    instructions: (runContext) => agentInstructions(runContext.context.channel, product),
    model,
    modelSettings: { temperature: 0.2, parallelToolCalls: false },
    tools: AGENT_TOOLS,
    toolUseBehavior: { stopAtToolNames: FINAL_TOOLS },
  });
}
