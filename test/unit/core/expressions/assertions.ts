// Assertions shared by the expression tests.
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/core/expressions/values';
import type { EvalValue } from '../../../../server/src/core/expressions/values';
import type { EvalScope } from '../../../../server/src/core/expressions/scope';
import { ev } from './mapScope';

/** Asserts that `text` evaluates to an Unknown carrying `text` and a reason matching `reason`. */
export function assertUnknown(text: string, reason: RegExp, scope?: EvalScope): Unknown {
  const value = ev(text, scope);
  if (!(value instanceof Unknown)) assert.fail(`${text} should be Unknown, got ${JSON.stringify(value)}`);
  assert.equal(value.expression, text);
  assert.match(value.reason, reason);
  return value;
}

export function assertValue(text: string, expected: EvalValue, scope?: EvalScope): void {
  const value = ev(text, scope);
  if (value instanceof Unknown) assert.fail(`${text} should be ${JSON.stringify(expected)}, got Unknown: ${value.reason}`);
  assert.deepStrictEqual(value, expected, text);
}
