import type { ModelRequest } from '@openai/agents';
import type { Channel } from '@cs/contracts';

export interface ToolExchange {
  name: string;
  args: Record<string, unknown>;
  output: string | null;
}

export interface OfflineTurnState {
  channel: Channel;
  userText: string;
  exchanges: ToolExchange[];
}

type Item = Record<string, unknown>;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: Item) => (typeof part.text === 'string' ? part.text : '')).join('\n');
  if (content && typeof content === 'object' && typeof (content as Item).text === 'string') return (content as Item).text as string;
  return '';
}

/** Reads what the runner sent: the customer's message, the channel from the instructions, and every tool call so far. */
export function readModelInput(request: ModelRequest): OfflineTurnState {
  const channel = (/Channel: (email|whatsapp|web_form)\b/.exec(request.systemInstructions ?? '')?.[1] ?? 'web_form') as Channel;
  const items: Item[] = typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : (request.input as unknown as Item[]);
  const userText = items.filter((i) => i.role === 'user').map((i) => textOf(i.content)).join('\n');
  const outputs = new Map<string, string>();
  for (const item of items) if (item.type === 'function_call_result') outputs.set(String(item.callId), textOf(item.output));
  const exchanges = items
    .filter((i) => i.type === 'function_call')
    .map((i) => ({ name: String(i.name), args: parseArgs(i.arguments), output: outputs.get(String(i.callId)) ?? null }));
  return { channel, userText, exchanges };
}

function parseArgs(raw: unknown): Record<string, unknown> {
  try {
    return typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface SearchResultView {
  chunkId: string;
  article: string;
  heading: string;
  score: number;
  relevant: boolean;
  text: string;
}

/** The passages a search_knowledge_base call returned. */
export function searchResults(exchange: ToolExchange): SearchResultView[] {
  try {
    return (JSON.parse(exchange.output ?? '{}') as { results?: SearchResultView[] }).results ?? [];
  } catch {
    return [];
  }
}
