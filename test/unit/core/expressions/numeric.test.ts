import { test } from 'node:test';
import { assertUnknown, assertValue } from './assertions';

test('add, sub, mul', () => {
  assertValue('[add(2, 3)]', 5);
  assertValue('[add(-2, 3)]', 1);
  assertValue('[sub(2, 3)]', -1);
  assertValue('[mul(4, -3)]', -12);
  assertValue('[mul(0, -3)]', 0);
  assertUnknown("[add('a', 1)]", /add\(\) expects an int as argument 1, got a string/);
  assertUnknown('[sub(1, true())]', /sub\(\) expects an int as argument 2, got a bool/);
  assertUnknown('[add(1)]', /add\(\) takes 2 arguments, got 1/);
});

test('div truncates toward zero; division by zero is unknown', () => {
  assertValue('[div(7, 2)]', 3);
  assertValue('[div(-7, 2)]', -3);
  assertValue('[div(7, -2)]', -3);
  assertValue('[div(6, 3)]', 2);
  assertValue('[div(0, 5)]', 0);
  assertUnknown('[div(1, 0)]', /div\(\) by zero/);
});

test('mod takes the sign of the dividend', () => {
  assertValue('[mod(7, 3)]', 1);
  assertValue('[mod(-7, 3)]', -1);
  assertValue('[mod(7, -3)]', 1);
  assertValue('[mod(-6, 3)]', 0);
  assertUnknown('[mod(1, 0)]', /mod\(\) by zero/);
});

test('overflow beyond exact integers is unknown rather than imprecise', () => {
  assertUnknown('[mul(9007199254740991, 2)]', /overflows/);
  assertValue('[add(9007199254740990, 1)]', 9007199254740991);
});

test('min and max take ints or one array', () => {
  assertValue('[min(3, 1, 2)]', 1);
  assertValue('[max(3, 1, 2)]', 3);
  assertValue('[min(createArray(5, -1, 3))]', -1);
  assertValue('[max(createArray(5, -1, 3))]', 5);
  assertValue('[max(7)]', 7);
  assertUnknown('[min(createArray())]', /empty array/);
  assertUnknown("[max(1, 'a')]", /max\(\) expects ints, got a string/);
});

test('int converts strings and ints', () => {
  assertValue("[int('42')]", 42);
  assertValue("[int(' -42 ')]", -42);
  assertValue("[int('+7')]", 7);
  assertValue('[int(5)]', 5);
  assertUnknown("[int('4.5')]", /cannot convert '4.5'/);
  assertUnknown("[int('abc')]", /cannot convert/);
  assertUnknown('[int(true())]', /expects a string or an int/);
});
