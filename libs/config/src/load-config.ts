import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start; every problem is listed by variable name, not just the first. */
export function loadConfig<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
    return value === undefined ? `${variable}: ${issue.message}` : `${variable}=${JSON.stringify(mask(variable, value))}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}

function mask(variable: string, value: string): string {
  return /SECRET|TOKEN|KEY|PASSWORD|AUTH/i.test(variable) ? '***' : value;
}

/** "true"/"1"/"yes" style flags. */
export const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
