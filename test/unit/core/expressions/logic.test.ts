import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertUnknown, assertValue } from './assertions';
import { evr, mapScope } from './mapScope';

test('true(), false(), null()', () => {
  assertValue('[true()]', true);
  assertValue('[false()]', false);
  assertValue('[null()]', null);
  assertUnknown('[true(1)]', /true\(\) takes 0 arguments, got 1/);
});

test('if() picks a branch', () => {
  assertValue("[if(true(), 'a', 'b')]", 'a');
  assertValue("[if(false(), 'a', 'b')]", 'b');
  assertValue('[if(equals(1, 1), createArray(1), createObject())]', [1]);
  assertUnknown("[if('yes', 'a', 'b')]", /if\(\) expects a bool as argument 1, got a string/);
  assertUnknown("[if(true(), 'a')]", /if\(\) takes 3 arguments, got 2/);
});

test('if() is lazy: the untaken branch may fail or be unknown', () => {
  assertValue("[if(true(), 'a', reference('x').foo)]", 'a');
  assertValue("[if(false(), add('a', 1), 'b')]", 'b');
  assertValue('[if(true(), 1, div(1, 0))]', 1);
  assertUnknown("[if(false(), 'a', reference('x'))]", /reference\(\)/);
});

test('if() with an unknown condition is unknown', () => {
  assertUnknown("[if(equals(reference('x').a, 1), 'a', 'a')]", /reference\(\)/);
});

test('if() reads only the scope entries of the taken branch', () => {
  const scope = mapScope({ parameters: { flag: true }, variables: { a: 'A', b: 'B' } });
  assert.deepEqual(evr("[if(parameters('flag'), variables('a'), variables('b'))]", scope), { value: 'A', source: 'parametersFile' });
  assert.deepEqual(scope.reads, ['parameters:flag', 'variables:a']);
});

test('and(), or(), not()', () => {
  assertValue('[and(true(), true())]', true);
  assertValue('[and(true(), false())]', false);
  assertValue('[and(true(), true(), false())]', false);
  assertValue('[or(false(), false())]', false);
  assertValue('[or(false(), true())]', true);
  assertValue('[not(true())]', false);
  assertValue('[not(false())]', true);
  assertUnknown("[not('true')]", /not\(\) expects a bool as argument 1, got a string/);
  assertUnknown('[and(true(), 1)]', /and\(\) expects a bool as argument 2, got an int/);
});

test('and()/or() are decided by one side even when the other is unknown', () => {
  assertValue("[and(reference('x').ok, false())]", false);
  assertValue("[and(false(), reference('x').ok)]", false);
  assertValue("[or(reference('x').ok, true())]", true);
  assertValue("[or(true(), reference('x').ok)]", true);
  assertUnknown("[and(reference('x').ok, true())]", /reference\(\)/);
  assertUnknown("[or(false(), reference('x').ok)]", /reference\(\)/);
});

test('coalesce() returns the first non-null', () => {
  assertValue("[coalesce(null(), 'a', 'b')]", 'a');
  assertValue('[coalesce(null(), null())]', null);
  assertValue("[coalesce('', 'b')]", '');
  assertValue('[coalesce(null(), createArray())]', []);
  assertValue("[coalesce('a', reference('x'))]", 'a');
  assertUnknown("[coalesce(reference('x'), 'a')]", /reference\(\)/);
  assertUnknown("[coalesce(null(), reference('x'))]", /reference\(\)/);
});

test('equals() is deep, typed and case-sensitive for strings', () => {
  assertValue("[equals('a', 'a')]", true);
  assertValue("[equals('a', 'A')]", false);
  assertValue('[equals(1, 1)]', true);
  assertValue("[equals(1, '1')]", false);
  assertValue('[equals(null(), null())]', true);
  assertValue('[equals(createArray(1, 2), createArray(1, 2))]', true);
  assertValue('[equals(createArray(1, 2), createArray(2, 1))]', false);
  assertValue('[equals(createArray(1), createArray(1, 1))]', false);
  assertValue("[equals(createObject('a', 1, 'b', 2), createObject('b', 2, 'a', 1))]", true);
  assertValue("[equals(createObject('a', 1), createObject('a', 2))]", false);
  assertValue("[equals(createObject('a', 1), createObject('a', 1, 'b', 2))]", false);
  assertValue("[equals(json('{\"a\":[1,{\"b\":true}]}'), createObject('a', createArray(1, createObject('b', true()))))]", true);
});

test('equals() with unknown parts is unknown unless a known part differs', () => {
  assertUnknown("[equals(reference('x'), 1)]", /reference\(\)/);
  assertUnknown("[equals(createArray(reference('x')), createArray(1))]", /reference\(\)/);
  assertValue("[equals(createArray(reference('x'), 1), createArray(2, 2))]", false);
  assertValue("[equals(createArray(reference('x')), createArray(1, 2))]", false);
});

test('less, lessOrEquals, greater, greaterOrEquals on ints and strings', () => {
  assertValue('[less(1, 2)]', true);
  assertValue('[less(2, 2)]', false);
  assertValue('[lessOrEquals(2, 2)]', true);
  assertValue('[greater(3, 2)]', true);
  assertValue('[greater(-3, 2)]', false);
  assertValue('[greaterOrEquals(2, 2)]', true);
  assertValue("[less('a', 'b')]", true);
  assertValue("[greater('b', 'a')]", true);
  assertValue("[lessOrEquals('a', 'a')]", true);
  assertUnknown("[less(1, 'a')]", /compares two ints or two strings/);
  assertUnknown('[greater(createArray(), 1)]', /compares two ints or two strings/);
});
