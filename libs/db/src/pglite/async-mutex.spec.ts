import { AsyncMutex } from './async-mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AsyncMutex', () => {
  it('runs work one at a time, in call order', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    const job = (name: string) =>
      mutex.run(async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
        return name;
      });
    await expect(Promise.all([job('a'), job('b'), job('c')])).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('keeps going after a failed run', async () => {
    const mutex = new AsyncMutex();
    const failed = mutex.run(async () => {
      throw new Error('boom');
    });
    const next = mutex.run(async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
