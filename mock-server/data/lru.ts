/**
 * A bounded least-recently-used cache: generated entities are memoised so that repeated reads are
 * cheap, without keeping a million members in memory.
 *
 * @example
 * const cache = new LruCache<number, string>(2);
 * cache.getOrCreate(1, () => 'one'); // 'one', created
 * cache.getOrCreate(1, () => 'uno'); // 'one', cached
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`An LRU cache needs a capacity of at least 1, not ${String(capacity)}.`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  getOrCreate(key: K, create: (key: K) => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = create(key);
    this.set(key, value);
    return value;
  }
}
