import { tool } from '@openai/agents';
import { redactSensitiveText } from '@cs/domain';
import { z } from 'zod';
import { isRelevant, type AgentRunContext } from '../agent-context';

export const SEARCH_KNOWLEDGE_BASE = 'search_knowledge_base';
const MAX_QUERY = 500;

/** Hybrid search over the help center; the result says plainly when nothing is relevant enough. */
export const searchKnowledgeBaseTool = tool<z.ZodObject<{ query: z.ZodString }>, AgentRunContext>({
  name: SEARCH_KNOWLEDGE_BASE,
  description:
    'Search the help center. Returns the most relevant passages with their chunkId, article, heading and score. ' +
    'Only passages marked relevant may be used in an answer.',
  parameters: z.object({ query: z.string().describe(`What to look for, in the words of the help center (at most ${MAX_QUERY} characters)`) }),
  // A failing search is an outage, not "no match": let it fail the run so the message is retried.
  errorFunction: null,
  async execute({ query }, runContext) {
    const context = runContext!.context;
    const safeQuery = redactSensitiveText(query.trim().slice(0, MAX_QUERY));
    const hits = await context.deps.searchKnowledge(safeQuery, 5);
    // The best fused score, wherever the article ranker put its passage.
    const best = Math.max(0, ...hits.map((h) => h.score));
    context.searches.push({ query: safeQuery, hits, best });
    const results = hits.map((h) => ({
      chunkId: h.chunkId,
      article: h.source,
      heading: h.heading,
      score: h.score,
      relevant: isRelevant(context, h),
      text: h.content,
    }));
    const anyRelevant = results.some((r) => r.relevant);
    const note = anyRelevant
      ? undefined
      : context.searches.length < 2
        ? 'Nothing relevant enough. Search once more with different words.'
        : 'Nothing relevant enough after two searches: escalate_to_human with reason no_kb_match.';
    return JSON.stringify({ results, note });
  },
});
