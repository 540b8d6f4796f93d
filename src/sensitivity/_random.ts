/**
 * The seeded random numbers of `simulate`: xoshiro128** 1.1 (D. Blackman & S. Vigna, "Scrambled
 * Linear Pseudorandom Number Generators", ACM TOMS 47(4), 2021; reference C code
 * https://prng.di.unimi.it/xoshiro128starstar.c), a generator of 32-bit words on a 128-bit
 * state, period 2^128 − 1, every bit of its output of full quality. It needs only 32-bit integer
 * operations (`Math.imul`, shifts, xor), which JavaScript does exactly, so a seed gives the same
 * words on every machine.
 */

/** What a sampler needs from a generator: 32 random bits at a time, as signed integers. */
export interface RandomBits {
  /** The next word. */
  next(): number;
  /** The next `count` words into `out`: the words `next` would give, in the same order. */
  fillWords(out: Int32Array, count: number): void;
}

/**
 * A uniform number strictly between 0 and 1 from one 32-bit word, `(k + ½) / 2^32`: for the
 * accept/reject decisions inside the normal and gamma generators, where 32 bits of resolution
 * are ample and one word instead of two halves the cost.
 */
export function openUniform32(rng: Pick<RandomBits, 'next'>): number {
  return ((rng.next() >>> 0) + 0.5) * 2.3283064365386963e-10; // 2^−32
}

/**
 * `count` uniform numbers strictly between 0 and 1 into `out`, from a block of 2 × `count` words
 * (`words` is scratch space of at least that length): each takes 52 random bits, the top 26 of
 * two words, the first as the high half, placed at the middle of one of 2^52 equal cells,
 * `(k + ½) / 2^52`, so that 0 and 1 never occur and inverse CDFs and logarithms stay finite
 * (k + ½ has 53 bits, so it is exact). The powers of two are written as literals: V8 reads a
 * module-level constant from memory, with a check, at every use.
 */
export function fillOpenUniforms(
  rng: RandomBits,
  out: Float64Array,
  count: number,
  words: Int32Array,
): void {
  rng.fillWords(words, 2 * count);
  for (let i = 0; i < count; i++) {
    const high = (words[2 * i] as number) >>> 6;
    const low = (words[2 * i + 1] as number) >>> 6;
    out[i] = (high * 67108864 + low + 0.5) * 2.220446049250313e-16; // 2^26, 2^−52
  }
}

/** Scratch space of at least `length` words: `words` itself when it is long enough. */
export function wordsFor(words: Int32Array, length: number): Int32Array {
  return words.length >= length ? words : new Int32Array(length);
}

/**
 * One stream of xoshiro128**. `next()` returns the next 32-bit word as a signed integer (read it
 * with `>>> 0` for 0 … 2^32 − 1); `jump()` moves the stream on by 2^64 words.
 */
export class Xoshiro128StarStar implements RandomBits {
  /** s[0] … s[3] of the reference code, in an Int32Array so that V8 keeps them as raw integers. */
  private readonly s: Int32Array;

  /** The state is four 32-bit words, not all zero (the reference code's s[0] … s[3]). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s = Int32Array.of(s0, s1, s2, s3);
  }

  /** The next word: rotl(s[1] × 5, 7) × 9, then the linear step of the state. */
  next(): number {
    const s = this.s;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = (s[2] as number) ^ s0;
    const s3 = (s[3] as number) ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  }

  /**
   * The next `count` words into `out`, as `next` would give them, with the state held in local
   * variables for the loop: about twice as fast per word as calling `next`.
   */
  fillWords(out: Int32Array, count: number): void {
    const s = this.s;
    let s0 = s[0] as number;
    let s1 = s[1] as number;
    let s2 = s[2] as number;
    let s3 = s[3] as number;
    for (let i = 0; i < count; i++) {
      out[i] = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /**
   * Moves the stream on by 2^64 words, as the reference code's `jump`: the state becomes the
   * xor of the states at the set bits of the jump polynomial. 2^64 non-overlapping streams of
   * 2^64 words each.
   */
  jump(): void {
    const s = this.s;
    const sum = new Int32Array(4);
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1)
          for (let i = 0; i < 4; i++) sum[i] = (sum[i] as number) ^ (s[i] as number);
        this.next();
      }
    }
    s.set(sum);
  }

  /** An independent copy that continues from the same state. */
  clone(): Xoshiro128StarStar {
    const [s0, s1, s2, s3] = this.s;
    return new Xoshiro128StarStar(s0 as number, s1 as number, s2 as number, s3 as number);
  }

  /** The state as four unsigned 32-bit words, s[0] first (for tests). */
  state(): [number, number, number, number] {
    const [s0, s1, s2, s3] = Uint32Array.from(this.s);
    return [s0 as number, s1 as number, s2 as number, s3 as number];
  }
}

/** The reference code's `JUMP` polynomial (2^64 steps). */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const MASK_64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (G. L. Steele, D. Lea & C. H. Flood, "Fast Splittable Pseudorandom Number
 * Generators", OOPSLA 2014; reference C code https://prng.di.unimi.it/splitmix64.c), the
 * seeding generator that xoshiro's authors recommend: returns the next 64-bit output and the
 * next state. BigInt arithmetic, once per simulation.
 */
export function splitMix64(state: bigint): { readonly output: bigint; readonly state: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK_64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return { output: z ^ (z >> 31n), state: next };
}

/**
 * `count` independent streams for a seed. The seed (a 32-bit integer, read as a 64-bit two's
 * complement word) seeds SplitMix64, whose first two outputs fill the state (each output's low
 * word, then its high word): the root stream. Stream k is the root jumped k + 1 times, so the
 * streams never overlap within 2^64 words, and stream k does not depend on how many streams
 * there are.
 *
 * @example
 * randomStreams(42, 2).map((stream) => stream.next() >>> 0);
 * //=> [2449739786, 3773289203]
 */
export function randomStreams(seed: number, count: number): Xoshiro128StarStar[] {
  const first = splitMix64(BigInt.asUintN(64, BigInt(seed)));
  const second = splitMix64(first.state);
  const root = new Xoshiro128StarStar(
    Number(first.output & 0xffffffffn),
    Number(first.output >> 32n),
    Number(second.output & 0xffffffffn),
    Number(second.output >> 32n),
  );
  const streams: Xoshiro128StarStar[] = [];
  for (let k = 0; k < count; k++) {
    root.jump();
    streams.push(root.clone());
  }
  return streams;
}
