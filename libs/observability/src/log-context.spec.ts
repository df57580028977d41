import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithLogContext } from './log-context';
import { captureLogs } from './testing/log-capture';


describe('log context', () => {
  it('puts the correlation and event id on every line written while a message is handled, however deep', async () => {
    const { lines, logger } = captureLogs();
    const deep = logger.child({ component: 'repository' });
    await runWithLogContext({ correlationId: 'corr-12345678', eventId: 'web_form:abc' }, async () => {
      logger.info('first');
      await new Promise((r) => setTimeout(r, 1));
      deep.warn({ attempt: 2 }, 'after an await, from a child logger');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'first', correlationId: 'corr-12345678', eventId: 'web_form:abc' });
    expect(lines[1]).toMatchObject({ component: 'repository', attempt: 2, correlationId: 'corr-12345678', eventId: 'web_form:abc' });
    expect(lines[2]).not.toHaveProperty('correlationId');
  });

  it('leaves a field to the logger that already binds it, and to the line that sets it', () => {
    const { lines, logger } = captureLogs();
    const raw: string[] = [];
    const bound = createLogger({
      service: 'test',
      destination: new Writable({ write: (chunk, _e, cb) => (raw.push(chunk.toString()), cb()) }),
    }).child({ eventId: 'bound-id' });
    runWithLogContext({ correlationId: 'corr-1', eventId: 'ctx-id' }, () => {
      bound.info('bound');
      logger.info({ eventId: 'explicit' }, 'explicit');
    });
    expect(raw[0]!.match(/"eventId"/g)).toHaveLength(1);
    expect(JSON.parse(raw[0]!)).toMatchObject({ eventId: 'bound-id', correlationId: 'corr-1' });
    expect(lines[0]).toMatchObject({ eventId: 'explicit', correlationId: 'corr-1' });
  });
});
