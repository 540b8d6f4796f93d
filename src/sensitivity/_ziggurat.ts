/**
 * Standard normal variates by the ziggurat method: G. Marsaglia & W. W. Tsang, "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Software 5(8), 2000, in the form of J. A.
 * Doornik, "An Improved Ziggurat Method to Generate Normal Random Samples" (University of
 * Oxford, 2005: ZIGNOR), which draws the layer and the position within it from independent
 * random bits (Marsaglia & Tsang's original reuses the same bits for both, a flaw Doornik
 * shows).
 *
 * The right half of the density f(x) = exp(−x²/2) is covered by 128 layers of equal area V: a
 * base strip (the rectangle under f(R) up to V/f(R), which includes the tail beyond R) and 127
 * rectangles stacked on it, the top one reaching f(0) = 1. A draw picks a layer and a point in
 * it with a uniform sign; in 98.8% of draws the point lies under the next layer's edge and is
 * accepted with one comparison and one multiplication. Otherwise the point is tested against f
 * itself (two `Math.exp`), or, in the base strip, a tail value is drawn by Marsaglia's method
 * (1964). Exact in distribution: no value is approximated, only the layer edges are floats.
 */
import { openUniform32 } from './_random.js';
import type { RandomBits } from './_random.js';

const LAYERS = 128;
/** Where the tail starts and each layer's area, for 128 layers (Marsaglia & Tsang 2000, §3). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** X[i]: the right edge of layer i (X[0] = V/f(R), X[1] = R, …, X[128] = 0). */
const X = new Float64Array(LAYERS + 1);
/** X[i + 1] / X[i]: below this share of its width, a point of layer i is under the density. */
const RATIO = new Float64Array(LAYERS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = V / f;
  X[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    const x = Math.sqrt(-2 * Math.log(V / (X[i - 1] as number) + f));
    X[i] = x;
    f = Math.exp(-0.5 * x * x);
  }
  X[LAYERS] = 0;
  for (let i = 0; i < LAYERS; i++) RATIO[i] = (X[i + 1] as number) / (X[i] as number);
}

/**
 * One try of the ziggurat: two 32-bit words; the top 26 bits of each make a uniform u in
 * (−1, 1) with 52 bits, `(k + ½)/2^51 − 1`; the low six bits of the first word and the lowest of
 * the second choose the layer. The tables come in as arguments because V8 reads a module-level
 * constant from memory, with a check, at every use; this function is short so that V8 inlines
 * it into the loops that call it.
 */
function normal(rng: RandomBits, x: Float64Array, ratio: Float64Array): number {
  const a = rng.next();
  const b = rng.next();
  const u = ((a >>> 6) * 67108864 + (b >>> 6) + 0.5) * 4.440892098500626e-16 - 1; // 2^26, 2^−51
  const layer = ((a & 63) << 1) | (b & 1);
  return Math.abs(u) < (ratio[layer] as number)
    ? u * (x[layer] as number)
    : edgeOrTail(rng, u, layer);
}

/** One standard normal variate. */
export function standardNormal(rng: RandomBits): number {
  return normal(rng, X, RATIO);
}

/**
 * Writes `count` standard normal variates into `out`, from a block of 2 × `count` words
 * (`words` is scratch space of at least that length); the rare tries that need more draw their
 * words one at a time after the block. Each branch stores its own value: were the fast value and
 * the rare call's result merged into one expression, V8 would box every value as a heap number.
 */
export function fillStandardNormals(
  rng: RandomBits,
  out: Float64Array,
  count: number,
  words: Int32Array,
): void {
  const x = X;
  const ratio = RATIO;
  rng.fillWords(words, 2 * count);
  for (let i = 0; i < count; i++) {
    const a = words[2 * i] as number;
    const b = words[2 * i + 1] as number;
    const u = ((a >>> 6) * 67108864 + (b >>> 6) + 0.5) * 4.440892098500626e-16 - 1;
    const layer = ((a & 63) << 1) | (b & 1);
    if (Math.abs(u) < (ratio[layer] as number)) out[i] = u * (x[layer] as number);
    else out[i] = edgeOrTail(rng, u, layer);
  }
}

/**
 * The 1.2% of tries whose point lies beyond the next layer's edge: in the base strip, a value
 * from the tail; otherwise the point is tested against f itself and, if it lies above, the
 * whole draw starts again.
 */
function edgeOrTail(rng: RandomBits, u: number, layer: number): number {
  if (layer === 0) return tail(rng, u < 0);
  const x = u * (X[layer] as number);
  const outer = X[layer] as number;
  const inner = X[layer + 1] as number;
  // f at the layer's two edges, divided by f(x): the point is under f when it is below 1.
  const bottom = Math.exp(-0.5 * (outer * outer - x * x));
  const top = Math.exp(-0.5 * (inner * inner - x * x));
  return top + openUniform32(rng) * (bottom - top) < 1 ? x : standardNormal(rng);
}

/** A normal variate beyond R (or below −R), by Marsaglia's exponential rejection (1964). */
function tail(rng: RandomBits, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = Math.log(openUniform32(rng)) / R;
    y = Math.log(openUniform32(rng));
  } while (-2 * y < x * x);
  return negative ? x - R : R - x;
}
