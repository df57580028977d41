/**
 * Stable key → partition mapping for the in-process bus: FNV-1a (32 bit) over the key's UTF-8 bytes.
 * Only stability matters here (same key, same partition, every run); it need not match Kafka's murmur2.
 */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError(`partitions must be a positive integer, got ${partitions}`);
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
