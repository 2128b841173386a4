/**
 * xoroshiro128+ (Blackman & Vigna, http://prng.di.unimi.it/xoroshiro128plus.c, a=24 b=16 c=37) on 32-bit
 * halves, with the reference jump(): 2^64 steps, so forked streams never overlap (the pure-rand recipe for
 * independent simulations). The state is four uint32 words and can be saved and restored as plain data.
 * Only the high 32 bits of each output are used: the low bits of xoroshiro128+ are weak.
 */

/** [s0 high, s0 low, s1 high, s1 low], each an unsigned 32-bit integer. */
export type RngState = readonly [number, number, number, number];

const JUMP = [0xdf900294d8f554a5n, 0x170865df4b3201fcn];
/** The jump polynomial as 32-bit words, low word of JUMP[0] first (bit order of the reference loop). */
const JUMP_WORDS = JUMP.flatMap((w) => [Number(w & 0xffffffffn), Number(w >> 32n)]);

export class Rng {
  private h0: number;
  private l0: number;
  private h1: number;
  private l1: number;

  private constructor(state: RngState) {
    [this.h0, this.l0, this.h1, this.l1] = state;
    if ((this.h0 | this.l0 | this.h1 | this.l1) === 0) this.l1 = 1; // all-zero is a fixed point
  }

  /** A generator from an integer seed (any JS number; its 53 integer bits are mixed with splitmix32). */
  static fromSeed(seed: number): Rng {
    const lo = Math.trunc(seed) >>> 0;
    const hi = Math.trunc(seed / 0x1_0000_0000) >>> 0;
    let x = (lo ^ Math.imul(hi, 0x85ebca6b)) >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      words.push(splitmix32(x));
    }
    return new Rng(words as unknown as RngState);
  }

  static fromState(state: RngState): Rng {
    return new Rng(state);
  }

  state(): RngState {
    return [this.h0, this.l0, this.h1, this.l1];
  }

  clone(): Rng {
    return new Rng(this.state());
  }

  /** The next output's high 32 bits, as an unsigned integer. */
  nextUint32(): number {
    const h0 = this.h0,
      l0 = this.l0;
    let h1 = this.h1,
      l1 = this.l1;
    const low = (l0 + l1) >>> 0;
    const result = (h0 + h1 + (low < l0 ? 1 : 0)) >>> 0;
    h1 ^= h0;
    l1 ^= l0;
    // s0 = rotl(s0, 24) ^ s1 ^ (s1 << 16)
    this.h0 = (((h0 << 24) | (l0 >>> 8)) ^ h1 ^ ((h1 << 16) | (l1 >>> 16))) >>> 0;
    this.l0 = (((l0 << 24) | (h0 >>> 8)) ^ l1 ^ (l1 << 16)) >>> 0;
    // s1 = rotl(s1, 37) = halves swapped, then rotl 5
    this.h1 = ((l1 << 5) | (h1 >>> 27)) >>> 0;
    this.l1 = ((h1 << 5) | (l1 >>> 27)) >>> 0;
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n) (n ≤ 2^32); multiply-shift, bias below 2^-32·n, fine for simulation. */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Advances this generator by 2^64 steps (in place). */
  jump(): void {
    let a = 0,
      b = 0,
      c = 0,
      d = 0;
    for (const word of JUMP_WORDS) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) {
          a ^= this.h0;
          b ^= this.l0;
          c ^= this.h1;
          d ^= this.l1;
        }
        this.nextUint32();
      }
    }
    this.h0 = a >>> 0;
    this.l0 = b >>> 0;
    this.h1 = c >>> 0;
    this.l1 = d >>> 0;
  }

  /** A new generator 2^64 steps ahead; this one is unchanged. Use one per independent stream. */
  fork(): Rng {
    const next = this.clone();
    next.jump();
    return next;
  }
}

function splitmix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
