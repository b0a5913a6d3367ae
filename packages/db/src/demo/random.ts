import { seededRandom } from "@gongkai/schema/testing";

/** A small toolbox over a seeded generator (mulberry32 from @gongkai/schema/testing). */
export interface Rng {
  /** [0, 1) */
  next: () => number;
  /** A whole number in [lo, hi], both included. */
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** `count` distinct items, in random order. */
  sample: <T>(items: readonly T[], count: number) => T[];
  /** A Poisson-distributed count with mean `lambda`. */
  poisson: (lambda: number) => number;
  /** Split `n` into counts proportional to `weights` (multinomial). */
  split: (n: number, weights: readonly number[]) => number[];
}

/** FNV-1a: a stable 32-bit hash, so every agency gets its own stream whatever the list order. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const [item] = pool.splice(Math.floor(next() * pool.length), 1);
      out.push(item as T);
    }
    return out;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const poisson = (lambda: number): number => {
    if (!(lambda > 0)) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = next();
    while (p > limit) {
      k++;
      p *= next();
    }
    return k;
  };
  const split = (n: number, weights: readonly number[]): number[] => {
    const out = weights.map(() => 0);
    const total = weights.reduce((s, w) => s + w, 0);
    if (n <= 0 || total <= 0) return out;
    const drawOne = () => {
      let u = next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i] ?? 0;
        if (u < 0) return i;
      }
      return weights.length - 1;
    };
    let rest = n;
    if (n > 300) {
      // Large counts: the expected shares, then the remainder unit by unit.
      for (let i = 0; i < weights.length; i++) {
        const v = Math.floor((n * (weights[i] ?? 0)) / total);
        out[i] = v;
        rest -= v;
      }
    }
    for (; rest > 0; rest--) {
      const i = drawOne();
      out[i] = (out[i] ?? 0) + 1;
    }
    return out;
  };
  return { next, int, chance: (p) => next() < p, pick, sample, poisson, split };
}
