import { AppError } from '@cs/domain';
import type { AgentRequest, CustomerAgent } from '@cs/ports';
import { describeWithInfra } from '@cs/testing';
import { eventually, startTestPipeline, submitForm, VALID_FORM, type TestPipeline } from '@cs/standalone/test/pipeline-harness';
import { startTestOpsApi, type TestOpsApi } from './ops-api-harness';

/** Like a model provider rejecting every request: a permanent error, dead-lettered after one attempt. */
const rejectingAgent: CustomerAgent = {
  async decide(_request: AgentRequest) {
    throw new AppError('AGENT_REJECTED', 'model rejected the request', { retriable: false });
  },
};

// The whole pipeline on real Kafka and PostgreSQL; ops-api reads the same schema.
describeWithInfra(['postgres', 'kafka'], 'trace of a dead-lettered message', () => {
  let pipeline: TestPipeline;
  let ops: TestOpsApi;

  beforeAll(async () => {
    pipeline = await startTestPipeline({ agent: rejectingAgent });
    ops = await startTestOpsApi(pipeline.db, { bus: pipeline.bus, mode: { database: 'postgres', bus: 'kafka' } });
  }, 60_000);
  afterAll(async () => {
    await ops?.close();
    await pipeline?.close();
  });

  it('shows received, published, dead-lettered with the error, and the failure notice delivered', async () => {
    const { status } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: 'trace.dlq@example.com' });
    expect(status).toBe(201);
    const { rows } = await pipeline.db.query<{ event_id: string; correlation_id: string }>(
      `SELECT event_id, headers->>'x-correlation-id' AS correlation_id FROM outbox WHERE topic = 'cs.inbound.v1' ORDER BY id DESC LIMIT 1`,
    );
    const { event_id: eventId, correlation_id: correlationId } = rows[0]!;
    const trace = await eventually(async () => {
      const res = await fetch(`${ops.base}/api/v1/messages/${encodeURIComponent(eventId)}/trace`);
      const body = (await res.json()) as { status: string; steps: Array<{ stage: string; service?: string; detail: Record<string, unknown> }> };
      return body.steps?.some((s) => s.stage === 'delivered') ? body : undefined;
    }, 30_000, 'the failure notice to be delivered');

    expect(trace).toMatchObject({ eventId, correlationId, channel: 'web_form', status: 'dead_lettered', ticket: { status: 'escalated', escalationReason: 'processing_failure' } });
    expect(trace.steps.map((s) => s.stage)).toEqual(['received', 'published', 'dead_lettered', 'reply_queued', 'reply_published', 'delivered']);
    const dead = trace.steps.find((s) => s.stage === 'dead_lettered')!;
    expect(dead).toMatchObject({ service: 'message-processor', detail: { code: 'AGENT_REJECTED', error: 'model rejected the request', retriable: false, attempts: 1, topic: 'cs.inbound.v1' } });
    expect(trace.steps.find((s) => s.stage === 'reply_queued')?.detail).toMatchObject({ kind: 'failure_notice' });

    // The correlation id created at ingress is on every row written for the message.
    const carried = await pipeline.db.query<{ source: string; correlation_id: string | null }>(
      `SELECT 'message:' || direction AS source, correlation_id FROM messages WHERE event_id IN ($1, 'failure_notice:' || $1)
       UNION ALL SELECT 'dead_letter', correlation_id FROM dead_letters WHERE event_id = $1
       UNION ALL SELECT 'trace', correlation_id FROM message_traces WHERE event_id = $1`,
      [eventId],
    );
    expect(carried.rows.map((r) => r.source).sort()).toEqual(['dead_letter', 'message:outbound', 'trace']);
    for (const row of carried.rows) expect(row.correlation_id).toBe(correlationId);
  }, 60_000);
});
