import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvalLimits } from '../../../../server/src/core/expressions/scope';
import { DEFAULT_LIMITS } from '../../../../server/src/core/expressions/scope';
import { Unknown } from '../../../../server/src/core/expressions/values';
import { ev, mapScope } from './mapScope';

function limits(overrides: Partial<EvalLimits>): EvalLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

function assertStopped(value: unknown, reason: RegExp): void {
  assert.ok(value instanceof Unknown, `expected Unknown, got ${JSON.stringify(value)}`);
  assert.match(value.reason, reason);
}

test('maxDepth bounds nesting of calls', () => {
  const nested = (n: number): string => '[' + 'not('.repeat(n) + 'true()' + ')'.repeat(n) + ']';
  assert.equal(ev(nested(10), mapScope(), limits({ maxDepth: 16 })), true);
  assertStopped(ev(nested(20), mapScope(), limits({ maxDepth: 16 })), /nested more than 16 levels/);
});

test('10,000 nested calls are unknown, not a stack overflow, even with a huge maxDepth', () => {
  const n = 10_000;
  const text = '[' + 'concat('.repeat(n) + "'x'" + ')'.repeat(n) + ']';
  assertStopped(ev(text), /nested/);
  assertStopped(ev(text, mapScope(), limits({ maxDepth: 1e9, maxSteps: 1e9 })), /nested/);
});

test('maxSteps bounds the work of one evaluation', () => {
  const args = Array.from({ length: 50 }, () => 'add(1, 1)').join(', ');
  assert.equal(ev(`[length(createArray(${args}))]`, mapScope(), limits({ maxSteps: 200 })), 50);
  assertStopped(ev(`[length(createArray(${args}))]`, mapScope(), limits({ maxSteps: 40 })), /more than 40 evaluation steps/);
});

test('maxLength bounds built strings and arrays', () => {
  const small = limits({ maxLength: 10 });
  assert.equal(ev("[concat('12345', '12345')]", mapScope(), small), '1234512345');
  assertStopped(ev("[concat('12345', '123456')]", mapScope(), small), /longer than 10/);
  assertStopped(ev('[range(0, 11)]', mapScope(), small), /longer than 10/);
  assertStopped(ev("[replace('aaaaa', 'a', 'bbb')]", mapScope(), small), /longer than 10/);
  assertStopped(ev("[format('{0}{0}{0}', 'abcd')]", mapScope(), small), /longer than 10/);
  assertStopped(ev("[split(',,,,,,,,,,,,', ',')]", mapScope(), small), /longer than 10/);
  assertStopped(ev("[string(createArray('abcdefgh', 'ij'))]", mapScope(), small), /longer than 10/);
});

test('exponentially shared values cannot blow up deep operations', () => {
  // Each level doubles the tree while sharing its halves: 2^40 leaves in a few hundred bytes.
  const scopeValues: Record<string, unknown> = { v0: 'leaf' };
  let v: unknown = 'leaf';
  for (let i = 1; i <= 40; i++) {
    v = [v, v];
    scopeValues[`v${i}`] = v;
  }
  const scope = mapScope({ variables: scopeValues as never });
  assert.equal(ev("[length(variables('v40'))]", scope), 2);
  assertStopped(ev("[string(variables('v40'))]", scope), /evaluation stopped/);
  assertStopped(ev("[equals(variables('v40'), variables('v40'))]", scope), /evaluation stopped/);
  assertStopped(ev("[union(variables('v40'), createArray())]", scope), /evaluation stopped/);
});

test('json() of deeply nested text is unknown', () => {
  const n = 100_000;
  assertStopped(ev(`[json('${'['.repeat(n)}${']'.repeat(n)}')]`), /nested more than/);
});

test('deep values from the scope are handled by deep operations', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const scope = mapScope({ variables: { deep: deep as never } });
  assert.equal(ev("[length(variables('deep'))]", scope), 1);
  assertStopped(ev("[string(variables('deep'))]", scope), /nested more than/);
  assertStopped(ev("[equals(variables('deep'), variables('deep'))]", scope), /nested more than/);
});

test('deep values stay bounded even with a huge maxDepth', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  const scope = mapScope({ variables: { deep: deep as never } });
  const huge = limits({ maxDepth: 1e9, maxSteps: 1e9, maxLength: 1e9 });
  assertStopped(ev("[string(variables('deep'))]", scope, huge), /nested more than 256/);
  assertStopped(ev("[union(variables('deep'), variables('deep'))]", scope, huge), /nested more than 256/);
});
