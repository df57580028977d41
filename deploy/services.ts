/**
 * What the image contains: every long-running service (with its default port) and every one-shot tool, each bundled
 * to dist/<name>/main.js. The build, the image's launcher and health check, and the manifest tests all read this list.
 */
export interface Deployable {
  name: string;
  /** The composition root (services) or CLI (tools), relative to the repository root. */
  entry: string;
}

export interface DeployableService extends Deployable {
  port: number;
  /** Deployed to Kubernetes as its own Deployment; standalone (every service in one process) is for local runs only. */
  kubernetes: boolean;
}

export const SERVICES: readonly DeployableService[] = [
  { name: 'standalone', entry: 'services/standalone/src/main.ts', port: 3000, kubernetes: false },
  { name: 'ingress-web', entry: 'services/ingress-web/src/main.ts', port: 3100, kubernetes: true },
  { name: 'message-processor', entry: 'services/message-processor/src/main.ts', port: 3101, kubernetes: true },
  { name: 'egress-web', entry: 'services/egress-web/src/main.ts', port: 3102, kubernetes: true },
  { name: 'ingress-gmail', entry: 'services/ingress-gmail/src/main.ts', port: 3103, kubernetes: true },
  { name: 'egress-email', entry: 'services/egress-email/src/main.ts', port: 3104, kubernetes: true },
  { name: 'ingress-whatsapp', entry: 'services/ingress-whatsapp/src/main.ts', port: 3105, kubernetes: true },
  { name: 'egress-whatsapp', entry: 'services/egress-whatsapp/src/main.ts', port: 3106, kubernetes: true },
  { name: 'ops-api', entry: 'services/ops-api/src/main.ts', port: 3107, kubernetes: true },
];

export const TOOLS: readonly Deployable[] = [
  { name: 'migrate', entry: 'libs/db/src/cli/migrate.cli.ts' },
  { name: 'kafka-topics', entry: 'libs/bus/src/cli/create-topics.cli.ts' },
  { name: 'kb-ingest', entry: 'libs/knowledge/src/cli/kb-ingest.cli.ts' },
  { name: 'dlq', entry: 'services/message-processor/src/cli/dlq.cli.ts' },
];

/** What a fresh environment or an upgrade runs before the services roll: migrations, topics, knowledge base. */
export const SETUP_STEPS = ['migrate', 'kafka-topics', 'kb-ingest'] as const;

export function findDeployable(name: string): Deployable | undefined {
  return [...SERVICES, ...TOOLS].find((d) => d.name === name);
}
