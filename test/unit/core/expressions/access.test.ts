import { test } from 'node:test';
import { assertUnknown, assertValue } from './assertions';
import { mapScope } from './mapScope';

const scope = mapScope({
  parameters: { config: { Tiers: [{ Name: 'web', ports: [80, 443] }], 'odd-key': 'odd' }, list: ['x', 'y'] },
  variables: { x: { a: [{ b: 'deep' }] } },
});

test('property and index chains on scope values', () => {
  assertValue("[variables('x').a[0].b]", 'deep', scope);
  assertValue("[parameters('config').tiers[0].name]", 'web', scope);
  assertValue("[parameters('config').TIERS[0].ports[1]]", 443, scope);
  assertValue("[parameters('config')['odd-key']]", 'odd', scope);
  assertValue("[parameters('config')['TIERS'][0]['name']]", 'web', scope);
  assertValue("[parameters('list')[add(0, 1)]]", 'y', scope);
  assertValue("[createObject('k', 'v').K]", 'v');
  assertValue("[json('[[1,2],[3]]')[1][0]]", 3);
});

test('missing properties and out-of-range indexes are unknown', () => {
  assertUnknown("[variables('x').missing]", /property 'missing' does not exist/, scope);
  assertUnknown("[parameters('list')[2]]", /index 2 is out of range for an array of length 2/, scope);
  assertUnknown("[parameters('list')[-1]]", /out of range/, scope);
  assertUnknown("[parameters('list')['a']]", /array index must be an int, got a string/, scope);
  assertUnknown("[parameters('config')[0]]", /only arrays can be indexed with an int/, scope);
  assertUnknown("[parameters('list')[true()]]", /array index must be an int/, scope);
});

test('property access on non-objects is unknown', () => {
  assertUnknown("['abc'.length]", /cannot read property 'length' of a string/);
  assertUnknown('[null().a]', /cannot read property 'a' of a null/);
  assertUnknown('[createArray(1).a]', /of an array/);
});

test('access on an unknown value stays unknown with the original reason', () => {
  assertUnknown("[reference('x').properties.a[0]]", /reference\(\)/);
  assertUnknown("[createArray(1)[reference('x').i]]", /reference\(\)/);
});
