import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { databaseEnv, httpEnv, kafkaEnv } from './env-fragments';

const schema = z.object({ ...httpEnv, ...databaseEnv, ...kafkaEnv, API_SECRET: z.string().min(8) });

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const cfg = loadConfig('svc', schema, { DATABASE_URL: 'postgres://u:p@h:5432/db', KAFKA_BROKERS: 'a:9092, b:9093', API_SECRET: '12345678' });
    expect(cfg.PORT).toBe(3000);
    expect(cfg.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
  });

  it('lists every invalid variable and masks secrets', () => {
    let error: unknown;
    try {
      loadConfig('ingress-web', schema, { PORT: 'http', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost', API_SECRET: 'short' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('Invalid configuration for ingress-web');
    expect(message).toMatch(/PORT="http"/);
    expect(message).toMatch(/DATABASE_URL="mysql:\/\/x": must be a postgres/);
    expect(message).toMatch(/KAFKA_BROKERS/);
    expect(message).toMatch(/API_SECRET="\*\*\*"/);
    expect(message).not.toContain('short');
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
