import { createHash, randomBytes } from 'node:crypto';
import express from 'express';
import { FakeHttpServer } from './fake-http-server';

/** One item of a Responses API request's `input`, as the Agents SDK sends it (only the fields the fake reads). */
export interface ResponsesInputItem {
  type?: string;
  role?: string;
  content?: unknown;
  name?: string;
  call_id?: string;
  arguments?: string;
  output?: unknown;
}

/** The body of POST /v1/responses (only the fields the fake and its tests read). */
export interface ResponsesRequest {
  model: string;
  instructions?: string;
  input: ResponsesInputItem[] | string;
  tools?: Array<{ type: string; name: string; strict?: boolean; parameters?: Record<string, unknown> }>;
  parallel_tool_calls?: boolean;
  temperature?: number;
}

/** What the scripted model does next: call one tool, or say something. */
export type ScriptedTurn = { call: string; arguments: Record<string, unknown> } | { say: string };

/** The model's side of a conversation: sees the request (with every earlier tool call and its output) and answers. */
export type ResponsesScript = (request: ResponsesRequest) => ScriptedTurn;

/**
 * The OpenAI API as the `openai` SDK calls it for the two endpoints this product uses: POST /v1/embeddings (a
 * deterministic bag-of-words vector, so texts sharing words are close) and POST /v1/responses (a scripted model that
 * returns function calls or a message, in the Responses API's shape). Bearer auth and OpenAI's error bodies; scripted
 * failures by status code.
 */
export class FakeOpenAiServer extends FakeHttpServer {
  readonly apiKey = `sk-test-${randomBytes(12).toString('hex')}`;
  readonly responsesRequests: ResponsesRequest[] = [];
  readonly embeddingRequests: Array<{ model: string; input: string[]; dimensions?: number }> = [];
  /** The scripted model; a test sets it before the run. */
  script: ResponsesScript = () => ({ say: 'I can only help with questions about the product.' });
  private readonly failures: number[] = [];

  constructor() {
    super();
    this.app.use(express.json({ limit: '5mb' }));
    this.app.use((req, res, next) => {
      if (req.get('authorization') === `Bearer ${this.apiKey}`) return next();
      res.status(401).json(openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    });
    this.app.post('/v1/embeddings', (req, res) => {
      const body = req.body as { model: string; input: string | string[]; dimensions?: number };
      const input = Array.isArray(body.input) ? body.input : [body.input];
      this.embeddingRequests.push({ model: body.model, input, dimensions: body.dimensions });
      if (this.failWithScripted(res)) return;
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWords(text, body.dimensions ?? 1536) }));
      // The API names each vector's index; a client must not rely on the order of `data`.
      res.json({ object: 'list', data: data.reverse(), model: body.model, usage: { prompt_tokens: input.length, total_tokens: input.length } });
    });
    this.app.post('/v1/responses', (req, res) => {
      const body = req.body as ResponsesRequest;
      this.responsesRequests.push(body);
      if (this.failWithScripted(res)) return;
      const invalid = (body.tools ?? []).map((t, i) => ({ tool: t, index: i, problem: t.strict && t.parameters ? strictSchemaProblem(t.parameters, []) : null })).find((t) => t.problem);
      if (invalid) {
        return void res.status(400).json(openAiError(`Invalid schema for function '${invalid.tool.name}': ${invalid.problem}`, 'invalid_request_error', 'invalid_function_parameters', `tools[${invalid.index}].parameters`));
      }
      res.json(responseObject(body.model, this.script(body)));
    });
  }

  get baseURL(): string {
    return `${this.baseUrl}/v1`;
  }

  /** The next requests (to either endpoint) fail with these statuses, in order. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  private failWithScripted(res: express.Response): boolean {
    const status = this.failures.shift();
    if (status === undefined) return false;
    const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
    res.status(status).json(openAiError(`scripted ${status}`, type, null));
    return true;
  }
}

/** The tool calls of a request's input, in order, each with the output the tool returned (parsed when JSON). */
export function toolExchanges(request: ResponsesRequest): Array<{ name: string; arguments: Record<string, unknown>; output: unknown }> {
  const items = Array.isArray(request.input) ? request.input : [];
  return items
    .filter((item) => item.type === 'function_call')
    .map((call) => {
      const result = items.find((item) => item.type === 'function_call_output' && item.call_id === call.call_id);
      return { name: call.name ?? '', arguments: JSON.parse(call.arguments ?? '{}') as Record<string, unknown>, output: parseToolOutput(result?.output) };
    });
}

/** The text of the request's user message(s). */
export function userText(request: ResponsesRequest): string {
  if (typeof request.input === 'string') return request.input;
  return request.input
    .filter((item) => item.role === 'user')
    .map((item) => contentText(item.content))
    .join('\n');
}

function parseToolOutput(output: unknown): unknown {
  const text = contentText(output);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  if (content && typeof content === 'object' && 'text' in content) return String(content.text);
  return '';
}

function responseObject(model: string, turn: ScriptedTurn): Record<string, unknown> {
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
  const output =
    'call' in turn
      ? [{ type: 'function_call', id: id('fc'), call_id: id('call'), name: turn.call, arguments: JSON.stringify(turn.arguments), status: 'completed' }]
      : [{ type: 'message', id: id('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: turn.say, annotations: [] }] }];
  return {
    id: id('resp'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'completed',
    error: null,
    incomplete_details: null,
    model,
    output,
    parallel_tool_calls: false,
    tool_choice: 'auto',
    tools: [],
    usage: { input_tokens: 100, input_tokens_details: { cached_tokens: 0 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 120 },
  };
}

function openAiError(message: string, type: string, code: string | null, param: string | null = null): { error: Record<string, unknown> } {
  return { error: { message, type, param, code } };
}

/** Keywords outside the JSON Schema subset that strict function calling accepts. */
const NOT_PERMITTED_IN_STRICT = ['minLength', 'maxLength', 'default', 'patternProperties', 'unevaluatedProperties', 'propertyNames', 'minProperties', 'maxProperties', 'contains', 'uniqueItems'];

/** Why the API would refuse a strict tool's parameters (every property required, no extra ones, a limited keyword set). */
function strictSchemaProblem(schema: Record<string, unknown>, path: string[]): string | null {
  const context = `In context=(${path.map((p) => `'${p}'`).join(', ')})`;
  const keyword = NOT_PERMITTED_IN_STRICT.find((k) => k in schema);
  if (keyword) return `${context}, '${keyword}' is not permitted.`;
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  if (schema.type === 'object') {
    if (schema.additionalProperties !== false) return `${context}, 'additionalProperties' is required to be supplied and to be false.`;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const missing = Object.keys(properties).find((k) => !required.includes(k));
    if (missing) return `${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
  }
  for (const [name, child] of Object.entries(properties)) {
    const problem = strictSchemaProblem(child, [...path, 'properties', name]);
    if (problem) return problem;
  }
  if (schema.items && typeof schema.items === 'object') return strictSchemaProblem(schema.items as Record<string, unknown>, [...path, 'items']);
  return null;
}

/** A unit vector of hashed lower-case words: texts that share words have a positive cosine. */
function bagOfWords(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    vector[createHash('sha1').update(word).digest().readUInt32BE(0) % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}
