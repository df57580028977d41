import { gmailIngressEnv, gmailIngressProblems, type GmailIngressEnv } from '@cs/channel-gmail';
import { serviceEnvSchema } from '@cs/runtime';

/** ingress-gmail on its own has nothing to do without Gmail: its config insists on every Gmail setting. */
export const ingressGmailEnvSchema = serviceEnvSchema(3103, gmailIngressEnv).superRefine((env, ctx) => {
  for (const missing of gmailIngressProblems(env as GmailIngressEnv)) ctx.addIssue({ code: 'custom', path: [missing.split(' ')[0]!], message: `${missing} is required` });
});
