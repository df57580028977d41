import { z } from 'zod';

export const ingressWebEnv = {
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(10),
};
export type IngressWebEnv = z.infer<z.ZodObject<typeof ingressWebEnv>>;
