import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../../server/src/core/sim/rng';

// A direct BigInt transcription of the reference C code (prng.di.unimi.it/xoroshiro128plus.c).
const M = (1n << 64n) - 1n;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & M;
function refNext(s: bigint[]): bigint {
  const s0 = s[0]!;
  let s1 = s[1]!;
  const result = (s0 + s1) & M;
  s1 ^= s0;
  s[0] = rotl(s0, 24n) ^ s1 ^ ((s1 << 16n) & M);
  s[1] = rotl(s1, 37n);
  return result;
}
function refJump(s: bigint[]): void {
  const JUMP = [0xdf900294d8f554a5n, 0x170865df4b3201fcn];
  let a = 0n,
    b = 0n;
  for (const j of JUMP)
    for (let bit = 0n; bit < 64n; bit++) {
      if ((j >> bit) & 1n) {
        a ^= s[0]!;
        b ^= s[1]!;
      }
      refNext(s);
    }
  s[0] = a;
  s[1] = b;
}
const toBig = (st: readonly number[]) => [(BigInt(st[0]!) << 32n) | BigInt(st[1]!), (BigInt(st[2]!) << 32n) | BigInt(st[3]!)];

test('outputs match the reference xoroshiro128+ (high 32 bits)', () => {
  const rng = Rng.fromSeed(42);
  const ref = toBig(rng.state());
  for (let i = 0; i < 2000; i++) assert.equal(rng.nextUint32(), Number(refNext(ref) >> 32n), `output ${i}`);
});

test('jump matches the reference jump', () => {
  const rng = Rng.fromSeed(7);
  const ref = toBig(rng.state());
  rng.jump();
  refJump(ref);
  assert.deepEqual(toBig(rng.state()), ref);
  for (let i = 0; i < 10; i++) assert.equal(rng.nextUint32(), Number(refNext(ref) >> 32n));
});

test('state is data: restoring it reproduces the sequence; fork leaves the parent unchanged', () => {
  const a = Rng.fromSeed(123);
  for (let i = 0; i < 5; i++) a.nextUint32();
  const saved = a.state();
  const b = Rng.fromState(saved);
  const fork = a.fork();
  assert.deepEqual(a.state(), saved);
  const seqA = Array.from({ length: 20 }, () => a.nextUint32());
  const seqB = Array.from({ length: 20 }, () => b.nextUint32());
  const seqF = Array.from({ length: 20 }, () => fork.nextUint32());
  assert.deepEqual(seqA, seqB);
  assert.notDeepEqual(seqA, seqF);
});

test('different seeds give different streams; floats are in [0, 1) and roughly uniform', () => {
  assert.notEqual(Rng.fromSeed(1).nextUint32(), Rng.fromSeed(2).nextUint32());
  const rng = Rng.fromSeed(99);
  let sum = 0;
  for (let i = 0; i < 20000; i++) {
    const x = rng.nextFloat();
    assert.ok(x >= 0 && x < 1);
    sum += x;
  }
  assert.ok(Math.abs(sum / 20000 - 0.5) < 0.01, `mean ${sum / 20000}`);
});
