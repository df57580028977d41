/**
 * Vectors travel as pgvector's text form on both adapters: '[0.1,0.2]' as a `$n::vector` parameter, and the
 * same text back from a vector column. (The `pgvector` npm package is ESM-only, and this is all we need of it.)
 */
export function toVectorLiteral(values: readonly number[]): string {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new RangeError('a vector needs finite numbers');
  return `[${values.join(',')}]`;
}

/** Parses a vector column's text; pgvector prints plain decimal/exponent numbers, which is valid JSON. */
export function parseVectorLiteral(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'number')) throw new RangeError(`not a vector: ${text.slice(0, 40)}`);
  return parsed as number[];
}
