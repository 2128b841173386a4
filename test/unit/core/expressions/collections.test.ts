import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertUnknown, assertValue } from './assertions';
import { ev } from './mapScope';

test('concat() of arrays', () => {
  assertValue('[concat(createArray(1, 2), createArray(3), createArray())]', [1, 2, 3]);
  assertValue('[concat(createArray(1, 1), createArray(1))]', [1, 1, 1]);
  assertUnknown("[concat(createArray(1), 'a')]", /concat\(\) expects an array as argument 2, got a string/);
});

test('length() of strings, arrays and objects', () => {
  assertValue("[length('abc')]", 3);
  assertValue("[length('')]", 0);
  assertValue('[length(createArray(1, 2))]', 2);
  assertValue("[length(createObject('a', 1, 'b', 2))]", 2);
  assertUnknown('[length(1)]', /length\(\) expects a string, array or object, got an int/);
  assertUnknown('[length(null())]', /got a null/);
});

test('empty()', () => {
  assertValue("[empty('')]", true);
  assertValue("[empty('a')]", false);
  assertValue('[empty(createArray())]', true);
  assertValue('[empty(createObject())]', true);
  assertValue("[empty(createObject('a', 1))]", false);
  assertValue('[empty(null())]', true);
});

test('contains(): substring case-sensitive, object keys case-insensitive, array items deep', () => {
  assertValue("[contains('OneTwoThree', 'Two')]", true);
  assertValue("[contains('OneTwoThree', 'two')]", false);
  assertValue("[contains('a1b', 1)]", true);
  assertValue("[contains(createObject('One', 1), 'one')]", true);
  assertValue("[contains(createObject('One', 1), 'two')]", false);
  assertValue("[contains(createArray('a', 'b'), 'b')]", true);
  assertValue("[contains(createArray('a', 'b'), 'B')]", false);
  assertValue('[contains(createArray(createArray(1)), createArray(1))]', true);
  assertValue("[contains(createArray(reference('x'), 'b'), 'b')]", true);
  assertUnknown("[contains(createArray(reference('x'), 'b'), 'c')]", /reference\(\)/);
  assertUnknown("[contains(1, 'a')]", /contains\(\) expects a string, object or array/);
});

test('createArray() and createObject()', () => {
  assertValue('[createArray()]', []);
  assertValue("[createArray(1, 'a', createArray(true()))]", [1, 'a', [true]]);
  assertValue('[createObject()]', {});
  assertValue("[createObject('a', 1, 'b', createObject('c', null()))]", { a: 1, b: { c: null } });
  assertUnknown("[createObject('a')]", /pairs/);
  assertUnknown("[createObject(1, 'a')]", /expects a string as argument 1/);
});

test('createArray() and createObject() hold unknown items without becoming unknown', () => {
  const arr = ev("[createArray(1, reference('x'))]");
  assert.ok(Array.isArray(arr));
  assert.equal(arr[0], 1);
  assert.match(JSON.stringify(arr[1]), /reference/);
  const obj = ev("[createObject('a', reference('x'), 'b', 2)]");
  assert.ok(obj !== null && typeof obj === 'object' && !Array.isArray(obj));
  assertUnknown("[createObject(reference('x'), 1)]", /key/);
});

test('createObject() with a __proto__ key keeps it as data', () => {
  const obj = ev("[createObject('__proto__', createObject('polluted', true()))]") as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(obj), Object.prototype);
  assert.deepEqual(Object.keys(obj), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('union() of arrays keeps distinct items in order', () => {
  assertValue("[union(createArray('a', 'b'), createArray('b', 'c'))]", ['a', 'b', 'c']);
  assertValue('[union(createArray(1, 1, 2))]', [1, 2]);
  assertValue("[union(createArray(createObject('a', 1, 'b', 2)), createArray(createObject('b', 2, 'a', 1)))]", [{ a: 1, b: 2 }]);
  assertValue("[union(createArray(1), createArray('1'))]", [1, '1']);
  assertUnknown("[union(createArray(1), createObject('a', 1))]", /union\(\) expects an array as argument 2/);
});

test('union() of objects merges, later wins, nested objects merged', () => {
  assertValue("[union(createObject('a', 1, 'b', 2), createObject('b', 3, 'c', 4))]", { a: 1, b: 3, c: 4 });
  assertValue("[union(createObject('a', createObject('x', 1, 'y', 1)), createObject('a', createObject('y', 2)))]", { a: { x: 1, y: 2 } });
  assertValue("[union(createObject('a', createArray(1)), createObject('a', createArray(2)))]", { a: [2] });
  assertValue("[union(createObject('Key', 1), createObject('KEY', 2))]", { Key: 2 });
});

test('first() and last()', () => {
  assertValue('[first(createArray(1, 2, 3))]', 1);
  assertValue('[last(createArray(1, 2, 3))]', 3);
  assertValue("[first('abc')]", 'a');
  assertValue("[last('abc')]", 'c');
  assertValue("[first('')]", '');
  assertUnknown('[first(createArray())]', /empty array/);
  assertUnknown('[last(1)]', /expects a string or an array/);
});

test('take(), skip(), array(), range()', () => {
  assertValue('[take(createArray(1, 2, 3), 2)]', [1, 2]);
  assertValue('[take(createArray(1, 2, 3), 10)]', [1, 2, 3]);
  assertValue("[take('abc', -1)]", '');
  assertValue('[skip(createArray(1, 2, 3), 1)]', [2, 3]);
  assertValue("[skip('abc', 5)]", '');
  assertValue("[array('a')]", ['a']);
  assertValue('[array(createArray(1))]', [1]);
  assertValue('[range(5, 3)]', [5, 6, 7]);
  assertUnknown('[range(0, -1)]', /negative/);
});

test('inherited members of JS objects are not properties', () => {
  assertUnknown("[createObject('a', 1).constructor]", /property 'constructor' does not exist/);
  assertUnknown("[createObject('a', 1)['toString']]", /property 'toString' does not exist/);
  assertValue("[contains(createObject('a', 1), 'toString')]", false);
  assertValue("[contains(createObject('a', 1), '__proto__')]", false);
  assertValue('[json(\'{"__proto__": {"x": 1}}\').__proto__.x]', 1);
  const merged = ev('[union(json(\'{"__proto__": {"x": 1}}\'), createObject(\'b\', 2))]') as Record<string, unknown>;
  assert.deepEqual(Object.keys(merged), ['__proto__', 'b']);
  assert.equal(Object.getPrototypeOf(merged), Object.prototype);
});

test('indexOf() and lastIndexOf() on arrays', () => {
  assertValue("[indexOf(createArray('a', 'b', 'a'), 'a')]", 0);
  assertValue("[lastIndexOf(createArray('a', 'b', 'a'), 'a')]", 2);
  assertValue("[indexOf(createArray('a'), 'A')]", -1);
  assertValue('[indexOf(createArray(createArray(1)), createArray(1))]', 0);
  assertValue('[indexOf(createArray(), 1)]', -1);
  assertValue("[indexOf(createArray(1, reference('x')), 1)]", 0);
  assertUnknown("[indexOf(createArray(reference('x'), 1), 1)]", /reference\(\)/);
  assertUnknown('[indexOf(1, 1)]', /expects a string or an array/);
});
