/**
 * Deterministic hashing and a small seeded random source: every generated entity draws its choices
 * from `hashOf(seed, kind, id…)`, never from Math.random, so the same seed gives the same bytes.
 */

/**
 * A 32-bit hash of the parts (FNV-1a over their text, then the murmur3 finaliser so that close inputs
 * land far apart).
 *
 * @example
 * hashOf(42, 'member', 7) === hashOf(42, 'member', 7); // true
 * hashOf(42, 'member', 7) !== hashOf(43, 'member', 7); // true (almost surely)
 */
export function hashOf(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (let p = 0; p < parts.length; p++) {
    const text = String(parts[p]);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A separator so that ('ab', 'c') and ('a', 'bc') differ.
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded random source (mulberry32) for the choices that need no faker: cheap to create, one per
 * entity.
 *
 * @example
 * const rng = new Rng(hashOf(42, 'claim', 1));
 * rng.int(4); // 0, 1, 2 or 3, the same every time for that seed
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Rng.pick needs a non-empty list.');
    return item;
  }

  /** One key chosen by weight, e.g. `{ paid: 70, denied: 15 }`. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('Rng.weighted needs at least one weight.');
    return last[0];
  }
}

/**
 * Rounds an amount of dollars to the cent (the contract's `multipleOf: 0.01`).
 *
 * @example
 * cents(112.3449); // 112.34
 */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
