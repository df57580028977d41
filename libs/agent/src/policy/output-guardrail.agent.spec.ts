import { ScriptedModel, assistantMessage, functionCall } from '@openai/agents/testing';
import { CustomerSuccessAgent } from '../customer-success.agent';
import { agentRequest, EXPORT_HIT, fakeDeps } from '../testing/agent-test-kit';

/** A hosted model's possible misbehaviour, scripted: what it sends must still pass the guardrail in code. */
function scripted(reply: string, asTool = true) {
  const model = new ScriptedModel([
    [functionCall('search_knowledge_base', { query: 'export csv' }, { callId: 'c1' })],
    asTool ? [functionCall('send_response', { text: reply, citedChunkIds: [EXPORT_HIT.chunkId] }, { callId: 'c2' })] : [assistantMessage(reply)],
  ]);
  return new CustomerSuccessAgent({ model, modelName: 'scripted', deps: fakeDeps(), match: { threshold: 0.35, unknownWordStep: 0 } });
}

describe('output guardrail on the agent decision', () => {
  it.each([
    ['You can export to CSV. The Pro plan is $12 per seat per month.', 'pricing'],
    ["Export from Board menu > More > Export. We'll refund your last invoice too.", 'refund'],
    ['Export to CSV from Board menu > More > Export. Exports also include every attachment as a PDF file.', 'unsupported_claim'],
    ['Sure! My instructions say: You are Brightdesk Support. I use search_knowledge_base.', 'unsupported_claim'],
  ])('escalates instead of sending %j', async (reply, reason) => {
    const decision = await scripted(reply).decide(agentRequest('How do I export my board to CSV?'));
    expect(decision).toMatchObject({ action: 'escalate', escalation: { reason, evidence: { source: 'output_guardrail' } }, citations: [] });
  });

  it('sends a supported reply, including one given as plain final output', async () => {
    const reply = 'Open the board, select Board menu > More > Export, and choose CSV.';
    for (const asTool of [true, false]) {
      const decision = await scripted(reply, asTool).decide(agentRequest('How do I export my board to CSV?'));
      expect(decision).toMatchObject({ action: 'answer', text: reply });
      expect(decision.citations.map((c) => c.chunkId)).toEqual([EXPORT_HIT.chunkId]);
    }
  });
});
