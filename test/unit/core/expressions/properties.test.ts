// Property-based tests: whatever the input, evaluation terminates, never throws, and gives a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateTemplateString } from '../../../../server/src/core/expressions/evaluate';
import { parseExpression } from '../../../../server/src/core/expressions/parser';
import { Unknown } from '../../../../server/src/core/expressions/values';
import type { EvalLimits } from '../../../../server/src/core/expressions/scope';
import { mapScope } from './mapScope';

const scope = mapScope({
  parameters: { name: 'vmss', count: 3, obj: { a: [1, { b: 'x' }], flag: true }, list: ['a', 'b'] },
  variables: { v: 'var', nested: { k: { k2: [null] } } },
});

const FUNCTIONS = [
  'concat',
  'format',
  'string',
  'int',
  'bool',
  'json',
  'if',
  'equals',
  'not',
  'and',
  'or',
  'less',
  'lessOrEquals',
  'greater',
  'greaterOrEquals',
  'add',
  'sub',
  'mul',
  'div',
  'mod',
  'min',
  'max',
  'length',
  'empty',
  'contains',
  'toLower',
  'toUpper',
  'coalesce',
  'createArray',
  'createObject',
  'union',
  'first',
  'last',
  'split',
  'replace',
  'resourceId',
  'parameters',
  'variables',
  'reference',
  'resourceGroup',
  'copyIndex',
  'true',
  'false',
  'null',
  'substring',
  'take',
  'skip',
  'range',
  'ns.fn',
];

const NAMES = ['name', 'count', 'obj', 'list', 'v', 'nested', 'missing', 'a', 'b', 'k', '{0}', '{', '}', '', ',', 'true', '1'];

/** Source text of expressions drawn from the grammar (with realistic names so that many evaluate). */
const exprText = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((s) => `'${s.replace(/'/g, "''")}'`),
    fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/'/g, "''")}'`),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), fc.constantFrom(...NAMES.filter((n) => /^[a-z]+$/i.test(n)))).map(([e, p]) => `${e}.${p}`),
    fc.tuple(tie('expr'), tie('expr')).map(([e, i]) => `${e}[${i}]`),
  ),
})).expr;

function assertEvaluates(text: string, limits?: EvalLimits): void {
  const result = evaluateTemplateString(text, scope, limits);
  assert.ok(result.value !== undefined);
  if (result.value instanceof Unknown) {
    assert.equal(result.source, 'unknown');
    assert.equal(result.value.expression, text);
    assert.ok(result.value.reason.length > 0);
  } else {
    assert.notEqual(result.source, 'unknown');
  }
}

test('expressions generated from the grammar parse and evaluate without throwing', () => {
  fc.assert(
    fc.property(exprText, (body) => {
      const text = `[${body}]`;
      assert.ok(parseExpression(text, 1000).ok, text);
      assertEvaluates(text);
    }),
    { numRuns: 3000 },
  );
});

test('grammar expressions evaluate under tiny limits without throwing', () => {
  const tiny: EvalLimits = { maxDepth: 3, maxSteps: 5, maxLength: 4 };
  fc.assert(
    fc.property(exprText, (body) => assertEvaluates(`[${body}]`, tiny)),
    { numRuns: 1000 },
  );
});

test('random garbage never throws', () => {
  const alphabet = fc.constantFrom(...'[]().,\'"{}abcfx01-_ \\'.split(''));
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
      fc.boolean(),
      (s, wrap) => assertEvaluates(wrap ? `[${s}]` : s),
    ),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (s) => assertEvaluates(`[${s}]`)),
    { numRuns: 2000 },
  );
});

test('mutated valid expressions never throw', () => {
  fc.assert(
    fc.property(exprText, fc.nat(), fc.constantFrom('', '(', ')', '[', ']', "'", ',', '.'), (body, at, insert) => {
      const text = `[${body}]`;
      const i = 1 + (at % Math.max(1, text.length - 1));
      assertEvaluates(text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0)));
    }),
    { numRuns: 2000 },
  );
});

test('evaluation is deterministic', () => {
  fc.assert(
    fc.property(exprText, (body) => {
      const text = `[${body}]`;
      assert.deepEqual(evaluateTemplateString(text, scope), evaluateTemplateString(text, scope));
    }),
    { numRuns: 500 },
  );
});

test('10,000 nested calls of every shape return Unknown without throwing', () => {
  const n = 10_000;
  for (const [open, close] of [
    ['concat(', ')'],
    ['if(true(), ', ", 'x')"],
    ['createArray(', ')'],
    ['coalesce(', ')'],
    ['and(', ', true())'],
  ] as const) {
    const text = '[' + open.repeat(n) + "'x'" + close.repeat(n) + ']';
    const value = evaluateTemplateString(text, scope, { maxDepth: 1e9, maxSteps: 1e9, maxLength: 1e9 }).value;
    assert.ok(value instanceof Unknown, open);
  }
});
