/**
 * A small least-recently-used map bounded by entry count and by total weight (for strings, their
 * length), so cached results of large years cannot grow the process without limit.
 */
export class Lru<V> {
  readonly #map = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight = Number.POSITIVE_INFINITY,
    readonly weigh: (v: V) => number = () => 0,
  ) {}

  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (!e) return undefined;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    this.#map.set(key, { value, weight });
    this.#weight += weight;
    for (const [k] of this.#map) {
      if (this.#map.size <= this.maxEntries && this.#weight <= this.maxWeight) break;
      if (k === key) break;
      this.delete(k);
    }
  }

  delete(key: string): void {
    const e = this.#map.get(key);
    if (!e) return;
    this.#weight -= e.weight;
    this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
    this.#weight = 0;
  }

  get size(): number {
    return this.#map.size;
  }
}

/** The cached value, or the one `make` builds (shared by concurrent callers; a failure is not kept). */
export function cached<V>(cache: Lru<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit) return hit;
  const p = make();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  return p;
}
