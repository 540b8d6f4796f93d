import { describe, expect, it } from 'vitest';
import {
  fillOpenUniforms,
  openUniform32,
  randomStreams,
  splitMix64,
  Xoshiro128StarStar,
} from '../../src/sensitivity/_random.js';

/*
 * Provenance of the expected values.
 * - published: test data generated with the reference C code (prng.di.unimi.it) for the state
 *   0x964D4A0C, 0xD40AB895, 0xAD7FDECB, 0x3006F0F0, in github.com/edorfaus/xoshiro-6502,
 *   test-rom/testdata.asm (VerifyValuesXoshiro128 "starstar" column, VerifyStatesXoshiro128,
 *   VerifyJumpStatesXoshiro128).
 * - Python: an independent transcription of xoshiro128starstar.c and splitmix64.c, run here,
 *   which reproduces the published values. It also checks `jump` independently of the jump
 *   polynomial: the state transition as a 128 × 128 matrix over GF(2), squared 64 times
 *   (M^(2^64)), applied to the state, gives the same four jumped states. The script:
 *
 *     M32 = 0xFFFFFFFF; M64 = (1 << 64) - 1
 *     def rotl(x, k): return ((x << k) | (x >> (32 - k))) & M32
 *     def nxt(s):
 *         r = (rotl((s[1] * 5) & M32, 7) * 9) & M32
 *         t = (s[1] << 9) & M32
 *         s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)
 *         return r
 *     def splitmix64(x):
 *         x = (x + 0x9E3779B97F4A7C15) & M64
 *         z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M64
 *         z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
 *         return x, z ^ (z >> 31)
 *     def root(seed):   # sroi's seeding: two SplitMix64 outputs, low word then high word
 *         x, a = splitmix64(seed & M64); x, b = splitmix64(x)
 *         return [a & M32, a >> 32, b & M32, b >> 32]
 *     # jump(s): for each bit of 0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b (low bit first),
 *     # xor s into an accumulator when the bit is set, then nxt(s); finally s = accumulator.
 */
const REFERENCE_STATE = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0] as const;
const reference = () => new Xoshiro128StarStar(...REFERENCE_STATE);

describe('Xoshiro128StarStar', () => {
  it('gives the reference code’s first outputs and states', () => {
    const rng = reference();
    // published: VerifyValuesXoshiro128 (starstar) and VerifyStatesXoshiro128 rows 2–5
    const expected = [
      [0xf1391922, [0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20]],
      [0x6fe53806, [0xff3a011b, 0xb33a90fc, 0x2c5a18ae, 0xd81b946b]],
      [0xa5be2840, [0x941b058c, 0x605a8949, 0xa641e1b5, 0x0824bb59]],
      [0xf510ee70, [0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]],
    ] as const;
    for (const [output, state] of expected) {
      expect(rng.next() >>> 0).toBe(output);
      expect(rng.state()).toEqual(state);
    }
  });

  it('jumps 2^64 words as the reference code does', () => {
    const rng = reference();
    // published: VerifyJumpStatesXoshiro128, four successive jumps; Python: M^(2^64) agrees
    const expected = [
      [0x2a6dd50d, 0x01177499, 0xd7eb7d01, 0xddc48284],
      [0x5efdee5a, 0x3aa13c3d, 0x8cc77479, 0xeb10a58f],
      [0x2ca76937, 0x14c9006e, 0x34097ea8, 0xfdd876ea],
      [0x01b72c9a, 0xa78174aa, 0x1cc317be, 0x888235b2],
    ];
    for (const state of expected) {
      rng.jump();
      expect(rng.state()).toEqual(state);
    }
  });

  it('clones into an independent copy', () => {
    const rng = reference();
    const copy = rng.clone();
    expect(rng.next()).toBe(copy.next());
    rng.next();
    expect(copy.state()).toEqual([0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20]);
  });
});

describe('splitMix64', () => {
  it('gives the published outputs for seed 1234567', () => {
    // published: Rosetta Code, "Pseudo-random numbers/Splitmix64"; Python agrees
    const expected = [
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ];
    let state = 1234567n;
    for (const output of expected) {
      const next = splitMix64(state);
      expect(next.output).toBe(output);
      state = next.state;
    }
  });
});

describe('randomStreams', () => {
  it('seeds from SplitMix64 and jumps once per stream', () => {
    // Python: root(42) = [803958421, 3184996902, 2993090819, 686809907]; jumped once, twice:
    const [first, second] = randomStreams(42, 2);
    expect(first?.state()).toEqual([2160918845, 3826376204, 2857947186, 3790895607]);
    expect(second?.state()).toEqual([2867659366, 187068596, 3207345048, 3381383742]);
  });

  it('reads a negative seed as a 64-bit two’s complement word', () => {
    // Python: root(-1) = [459615264, 3839455607, 3690365641, 3919575143]; jumped once:
    expect(randomStreams(-1, 1)[0]?.state()).toEqual([
      3211935080, 3230679114, 3973292815, 1351406817,
    ]);
  });

  it('gives stream k the same state whatever the number of streams', () => {
    const few = randomStreams(7, 3).map((s) => s.state());
    const many = randomStreams(7, 10).map((s) => s.state());
    expect(many.slice(0, 3)).toEqual(few);
    expect(new Set(many.map((s) => s.join())).size).toBe(10);
  });
});

describe('fillOpenUniforms', () => {
  /** A generator that gives the listed words, then zeros. */
  const giving = (list: number[]) => {
    const rng = {
      next: () => list.shift() ?? 0,
      fillWords: (out: Int32Array, count: number) => {
        for (let i = 0; i < count; i++) out[i] = rng.next();
      },
    };
    return rng;
  };

  it('stays strictly between 0 and 1', () => {
    const out = new Float64Array(2);
    fillOpenUniforms(giving([0, 0, -1, -1]), out, 2, new Int32Array(4));
    // hand-computed: (0 + ½)/2^52 and (2^52 − 1 + ½)/2^52
    expect([...out]).toEqual([0.5 / 2 ** 52, 1 - 0.5 / 2 ** 52]);
  });

  it('takes the top 26 bits of two words, the first as the high half', () => {
    const out = new Float64Array(1);
    fillOpenUniforms(giving([0x80000000 | 0, 0x00000040]), out, 1, new Int32Array(2));
    // hand-computed: k = 2^25 · 2^26 + 1 = 2^51 + 1, (k + ½)/2^52 = ½ + 1.5/2^52
    expect(out[0]).toBe(0.5 + 1.5 / 2 ** 52);
  });
});

describe('Xoshiro128StarStar.fillWords', () => {
  it('gives the words next would give, in order', () => {
    const words = new Int32Array(4);
    const rng = reference();
    rng.fillWords(words, 4);
    // published: VerifyStatesXoshiro128 row 5, the state after four words
    expect(rng.state()).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
    // published: VerifyValuesXoshiro128 (starstar), as above
    expect([...Uint32Array.from(words)]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });
});

describe('openUniform32', () => {
  it('stays strictly between 0 and 1', () => {
    // hand-computed: (0 + ½)/2^32 and (2^32 − 1 + ½)/2^32
    expect(openUniform32({ next: () => 0 })).toBe(0.5 / 2 ** 32);
    expect(openUniform32({ next: () => -1 })).toBe(1 - 0.5 / 2 ** 32);
  });
});
