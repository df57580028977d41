import { orderSteps, type TraceStep } from './message-trace.query';

const step = (stage: TraceStep['stage'], at: string, replyEventId?: string): TraceStep => ({ stage, at, detail: replyEventId ? { replyEventId } : {} });

describe('orderSteps', () => {
  it('orders by time, and by stage when two steps share a time', () => {
    const steps = orderSteps([step('published', '2025-03-10T10:00:00.100Z'), step('received', '2025-03-10T10:00:00.100Z'), step('processed', '2025-03-10T10:00:01.000Z')]);
    expect(steps.map((s) => s.stage)).toEqual(['received', 'published', 'processed']);
  });

  it("puts a reply's delivery after its publication when the delivery was stamped first", () => {
    const steps = orderSteps([
      step('received', '2025-03-10T10:00:00.000Z'),
      step('reply_queued', '2025-03-10T10:00:01.000Z', 'r1'),
      step('delivered', '2025-03-10T10:00:01.050Z', 'r1'),
      step('reply_published', '2025-03-10T10:00:01.052Z', 'r1'),
    ]);
    expect(steps.map((s) => s.stage)).toEqual(['received', 'reply_queued', 'reply_published', 'delivered']);
    expect(steps[3]!.at).toBe('2025-03-10T10:00:01.050Z');
  });

  it("leaves another reply's steps where their times put them", () => {
    const steps = orderSteps([
      step('delivered', '2025-03-10T10:00:01.000Z', 'r1'),
      step('reply_published', '2025-03-10T10:00:00.900Z', 'r1'),
      step('reply_published', '2025-03-10T10:00:02.000Z', 'r2'),
      step('delivery_failed', '2025-03-10T10:00:01.990Z', 'r2'),
    ]);
    expect(steps.map((s) => `${s.stage}:${String(s.detail.replyEventId)}`)).toEqual(['reply_published:r1', 'delivered:r1', 'reply_published:r2', 'delivery_failed:r2']);
  });
});
