import { test } from 'node:test';
import { assertUnknown, assertValue } from './assertions';

test('concat() joins strings, writing ints and bools as text', () => {
  assertValue("[concat('a', 'b', 'c')]", 'abc');
  assertValue("[concat('vm', 1)]", 'vm1');
  assertValue("[concat('flag-', true())]", 'flag-True');
  assertValue("[concat('a')]", 'a');
  assertValue("[concat('a', null())]", 'a');
  assertUnknown("[concat('a', createArray(1))]", /concat\(\) expects a string, int or bool as argument 2, got an array/);
  assertUnknown('[concat()]', /at least 1 argument/);
});

test('format() fills indexed items', () => {
  assertValue("[format('{0}-{1}', 'a', 'b')]", 'a-b');
  assertValue("[format('{1}{0}{1}', 'a', 'b')]", 'bab');
  assertValue("[format('no items')]", 'no items');
  assertValue("[format('{0} {1} {2}', 1, true(), null())]", '1 True ');
  assertValue("[format('{{{0}}}', 'x')]", '{x}');
  assertValue("[format('{{}}')]", '{}');
  assertValue("[format('{ 0 }', 'sp')]", 'sp');
});

test('format() numeric specifiers and alignment', () => {
  assertValue("[format('{0:N}', 1234567)]", '1,234,567.00');
  assertValue("[format('{0:N0}', 1234567)]", '1,234,567');
  assertValue("[format('{0:N1}', -1234)]", '-1,234.0');
  assertValue("[format('{0:D4}', 42)]", '0042');
  assertValue("[format('{0:D}', -42)]", '-42');
  assertValue("[format('{0:X}', 255)]", 'FF');
  assertValue("[format('{0:x4}', 255)]", '00ff');
  assertValue("[format('{0:F1}', 3)]", '3.0');
  assertValue("[format('{0,5}|', 'ab')]", '   ab|');
  assertValue("[format('{0,-5}|', 'ab')]", 'ab   |');
  assertValue("[format('{0:N}', 'text')]", 'text');
});

test('format() errors are unknown', () => {
  assertUnknown("[format('{1}', 'a')]", /no argument/);
  assertUnknown("[format('{0', 'a')]", /unmatched '\{'/);
  assertUnknown("[format('a}b')]", /unmatched '\}'/);
  assertUnknown("[format('{x}', 'a')]", /no valid index/);
  assertUnknown("[format('{0:C}', 5)]", /specifier 'C' is not supported/);
  assertUnknown("[format('{0}', createArray(1))]", /array or object/);
});

test('string() writes compact JSON for objects and arrays', () => {
  assertValue("[string(createObject('a', 1, 'b', 'x'))]", '{"a":1,"b":"x"}');
  assertValue("[string(createArray('a', 1, true(), null()))]", '["a",1,true,null]');
  assertValue('[string(json(\'{"q":"say \\"hi\\""}\'))]', '{"q":"say \\"hi\\""}');
  assertValue("[string('abc')]", 'abc');
  assertValue('[string(5)]', '5');
  assertValue('[string(true())]', 'True');
  assertValue('[string(createArray())]', '[]');
  assertUnknown("[string(createArray(reference('x')))]", /reference\(\)/);
});

test('toLower, toUpper, trim', () => {
  assertValue("[toLower('AbC')]", 'abc');
  assertValue("[toUpper('AbC')]", 'ABC');
  assertValue("[trim('  a b  ')]", 'a b');
  assertUnknown('[toLower(1)]', /toLower\(\) expects a string/);
});

test('split() on a string or several delimiters', () => {
  assertValue("[split('a,b,c', ',')]", ['a', 'b', 'c']);
  assertValue("[split('a,,b', ',')]", ['a', '', 'b']);
  assertValue("[split('abc', ',')]", ['abc']);
  assertValue("[split('', ',')]", ['']);
  assertValue("[split('a::b', '::')]", ['a', 'b']);
  assertValue("[split('a,b;c', createArray(',', ';'))]", ['a', 'b', 'c']);
  assertValue("[split('a,b', '')]", ['a,b']);
  assertUnknown("[split('a', 1)]", /delimiter/);
});

test('replace() replaces every occurrence, case-sensitively', () => {
  assertValue("[replace('a-b-c', '-', '')]", 'abc');
  assertValue("[replace('aAa', 'a', 'x')]", 'xAx');
  assertValue("[replace('abc', 'z', 'y')]", 'abc');
  assertValue("[replace('aaa', 'aa', 'b')]", 'ba');
  assertUnknown("[replace('abc', '', 'y')]", /empty string/);
});

test('json() parses JSON text', () => {
  assertValue('[json(\'{"a": [1, 2]}\')]', { a: [1, 2] });
  assertValue("[json('null')]", null);
  assertValue("[json('true')]", true);
  assertValue('[json(\'"s"\')]', 's');
  assertValue('[json(\'{"a":{"B":1}}\').a.b]', 1);
  assertUnknown("[json('{a:1}')]", /not valid JSON/);
  assertUnknown('[json(1)]', /json\(\) expects a string/);
});

test('bool() converts strings and ints', () => {
  assertValue("[bool('true')]", true);
  assertValue("[bool('False')]", false);
  assertValue("[bool('TRUE')]", true);
  assertValue('[bool(1)]', true);
  assertValue('[bool(0)]', false);
  assertValue('[bool(true())]', true);
  assertValue('[bool(-1)]', true);
  // As documented for ARM and Bicep: any string other than 'true' (in any case) is false.
  assertValue("[bool('yes')]", false);
  assertValue("[bool('')]", false);
  assertUnknown('[bool(createArray())]', /bool\(\) expects a string or an int, got an array/);
});

test('substring, startsWith, endsWith, indexOf, lastIndexOf', () => {
  assertValue("[substring('hello', 1, 3)]", 'ell');
  assertValue("[substring('hello', 2)]", 'llo');
  assertUnknown("[substring('hello', 3, 5)]", /outside a string of length 5/);
  assertValue("[startsWith('Standard_D2s', 'standard_')]", true);
  assertValue("[endsWith('abc', 'BC')]", true);
  assertValue("[indexOf('abcb', 'B')]", 1);
  assertValue("[lastIndexOf('abcb', 'b')]", 3);
  assertValue("[indexOf('abc', 'z')]", -1);
});

test('padLeft()', () => {
  assertValue("[padLeft('7', 3, '0')]", '007');
  assertValue("[padLeft(7, 3, '0')]", '007');
  assertValue("[padLeft('abc', 2, '0')]", 'abc');
  assertValue("[padLeft('a', 3)]", '  a');
  assertUnknown("[padLeft('a', 3, 'xy')]", /exactly one character/);
});
