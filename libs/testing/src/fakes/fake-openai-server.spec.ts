import { FakeOpenAiServer } from './fake-openai-server';

describe('FakeOpenAiServer', () => {
  let openai: FakeOpenAiServer;
  beforeAll(async () => {
    openai = await new FakeOpenAiServer().start();
  });
  afterAll(() => openai.stop());

  const respond = (tools: unknown[]) =>
    fetch(`${openai.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${openai.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', input: [{ role: 'user', content: 'hi' }], tools }),
    });
  const tool = (parameters: Record<string, unknown>) => ({ type: 'function', name: 'search', strict: true, parameters });

  it('refuses a strict tool whose schema uses a keyword outside the strict subset, as the API does', async () => {
    const res = await respond([tool({ type: 'object', properties: { q: { type: 'string', minLength: 2 } }, required: ['q'], additionalProperties: false })]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_function_parameters', param: 'tools[0].parameters', message: "Invalid schema for function 'search': In context=('properties', 'q'), 'minLength' is not permitted." },
    });
  });

  it('refuses a strict object that leaves a property optional, and accepts one within the subset', async () => {
    const optional = await respond([tool({ type: 'object', properties: { q: { type: 'string' }, n: { type: 'integer' } }, required: ['q'], additionalProperties: false })]);
    expect(optional.status).toBe(400);
    expect(JSON.stringify(await optional.json())).toContain("Missing 'n'");
    const valid = await respond([tool({ type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 30 } }, required: ['n'], additionalProperties: false })]);
    expect(valid.status).toBe(200);
    expect(await valid.json()).toMatchObject({ object: 'response', status: 'completed', output: [{ type: 'message', role: 'assistant' }] });
  });

  it('answers 401 without the key', async () => {
    const res = await fetch(`${openai.baseURL}/responses`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
  });
});
