import { runService, serviceEnvSchema } from '@cs/runtime';
import { opsApiConfigProblems, opsApiEnv } from './ops-api.env';
import { startOpsApi } from './ops-api.component';

void runService({
  name: 'ops-api',
  env: serviceEnvSchema(3107, opsApiEnv).superRefine((env, ctx) => {
    for (const message of opsApiConfigProblems(env)) ctx.addIssue({ code: 'custom', path: ['OPS_API_TOKEN'], message });
  }),
  // Its /api/v1/health is what reports a Kafka outage: Kafka down must not take ops-api out of its Service.
  busCriticalForReadiness: false,
  start: startOpsApi,
});
