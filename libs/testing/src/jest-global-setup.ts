import { Socket } from 'node:net';
import { infraRequired, readInfraEnvFile } from './infra-env';

function probe(hostPort: string, timeoutMs = 1500): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port), host ?? '127.0.0.1', () => done(true));
  });
}

/** Decides once per run which real infrastructure is reachable; workers inherit the verdict through the environment. */
export default async function globalSetup(): Promise<void> {
  const fromFile = readInfraEnvFile();
  for (const key of ['TEST_DATABASE_URL', 'KAFKA_BROKERS']) {
    if (!process.env[key] && fromFile[key]) process.env[key] = fromFile[key];
  }
  const pg = process.env.TEST_DATABASE_URL;
  const kafka = process.env.KAFKA_BROKERS;
  process.env.CS_INFRA_POSTGRES = !pg
    ? 'TEST_DATABASE_URL is not set'
    : (await probe(new URL(pg).host || '127.0.0.1:5432'))
      ? 'up'
      : `nothing listens at ${new URL(pg).host}`;
  const firstBroker = kafka?.split(',')[0]?.trim();
  process.env.CS_INFRA_KAFKA = !firstBroker
    ? 'KAFKA_BROKERS is not set'
    : (await probe(firstBroker))
      ? 'up'
      : `nothing listens at ${firstBroker}`;
  if (infraRequired()) {
    const missing = (['POSTGRES', 'KAFKA'] as const).filter((n) => process.env[`CS_INFRA_${n}`] !== 'up');
    if (missing.length > 0) {
      throw new Error(`CS_REQUIRE_INFRA=1 but ${missing.map((n) => `${n.toLowerCase()}: ${process.env[`CS_INFRA_${n}`]}`).join('; ')}`);
    }
  }
}
