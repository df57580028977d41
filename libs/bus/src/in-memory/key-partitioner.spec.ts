import { partitionForKey } from './key-partitioner';

describe('partitionForKey', () => {
  it('is stable: one key, one partition, every run', () => {
    // Pinned values: a changed hash would silently move conversations to other partitions.
    expect(partitionForKey('conversation-1', 12)).toBe(4);
    expect(partitionForKey('日本', 12)).toBe(9);
    expect(partitionForKey('', 12)).toBe(1);
    expect(partitionForKey('conversation-1', 12)).toBe(partitionForKey('conversation-1', 12));
  });

  it('stays in range and spreads keys over every partition', () => {
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[partitionForKey(`customer-${i}`, 6)]!++;
    expect(counts).toHaveLength(6); // an out-of-range partition would have grown the array
    expect(Math.min(...counts)).toBeGreaterThan(700);
    expect(partitionForKey('anything', 1)).toBe(0);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 2.5)).toThrow(RangeError);
  });
});
