// The Bicep writer edits only what parses cleanly, as the JSON writer does: an object with a half-typed
// member, a property without a value, a stray character after a value, or an expression left open that
// swallows the lines after it is not edited (the parser's recovery guesses where its members end, and an
// edit there corrupts the file). Each case is a fuzz reproducer's cause (test/fixtures/fuzz/*-s20261202-*).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import type { ObjectExpr } from '../../../../server/src/core/bicep/syntax';
import type { NeutralEdit } from '../../../../server/src/core/edits/neutralEdit';
import { applyBicepEdits } from '../../../../server/src/core/frontEnds/bicep/bicepWriter';
import type { Span } from '../../../../server/src/core/text/span';

const HEAD = "resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n";

/** The object that is the value of the property `name` (the first found, depth first). */
function objectOf(text: string, name: string): ObjectExpr {
  const file = parseBicep(text);
  const stack: ObjectExpr[] = [];
  for (const s of file.statements) if (s.kind === 'resource' && s.body.kind === 'object') stack.push(s.body);
  while (stack.length) {
    const o = stack.pop()!;
    for (const p of o.properties) {
      if (p.key === name && p.value.kind === 'object') return p.value;
      if (p.value.kind === 'object') stack.push(p.value);
    }
  }
  throw new Error(`no object ${name}`);
}

function keyOf(text: string, name: string): Span {
  const at = text.indexOf(name);
  assert.ok(at >= 0);
  return { offset: at, length: name.length };
}

const addPolicy = (text: string): NeutralEdit => ({
  kind: 'setProperty',
  objectSpan: objectOf(text, 'properties').span,
  path: ['upgradePolicy', 'rollingUpgradePolicy'],
  value: { maxBatchInstancePercent: 20 },
});

test('a property without a value: the object holding it is not written into; a clean object beside it is', () => {
  // d4090: "Add rolling upgrade policy with defaults" made the new upgradePolicy the value of `rr:`.
  const broken = `${HEAD}  properties: {\n    rr: }\n}\n`;
  assert.ok(parseBicep(broken).problems.length > 0);
  assert.equal(applyBicepEdits(broken, [addPolicy(broken)]), undefined);
  const elsewhere = `${HEAD}  sku: {\n    name: \n  }\n  properties: {\n    overprovision: false\n  }\n}\n`;
  const out = applyBicepEdits(elsewhere, [addPolicy(elsewhere)]);
  assert.ok(out?.includes('    upgradePolicy: {\n      rollingUpgradePolicy: {\n        maxBatchInstancePercent: 20'), out);
  assert.equal(parseBicep(out!).problems.length, parseBicep(elsewhere).problems.length);
});

test('a half-typed member (no colon): nothing in its object is moved, removed or renamed', () => {
  // d17397: "Fix all misplaced-policy" moved `rollingUpgradePolicy{}` as `rollingUpgradePolicy: ` with no value.
  const text = `${HEAD}  properties: {\n    rollingUpgradePolicy{}\n    upgradePolicy: {\n      mode: 'Rolling'\n    }\n    automaticOSUpgradePolicy: {}\n  }\n}\n`;
  const properties = objectOf(text, 'properties');
  const stray = properties.properties.find((p) => p.key === 'automaticOSUpgradePolicy')!;
  const upgrade = objectOf(text, 'upgradePolicy');
  const move: NeutralEdit = { kind: 'moveProperty', keySpan: stray.keySpan, targetObjectSpan: upgrade.span, path: ['x'] };
  assert.equal(applyBicepEdits(text, [move]), undefined, 'a move out of it');
  assert.equal(applyBicepEdits(text, [{ kind: 'removeProperty', keySpan: stray.keySpan }]), undefined, 'a removal');
  assert.equal(applyBicepEdits(text, [{ kind: 'renameProperty', keySpan: stray.keySpan, newName: 'y' }]), undefined, 'a rename');
  // The object nested in it parses cleanly: a value there can still be replaced, a property still set.
  const mode = upgrade.properties[0]!.value.span;
  assert.equal(applyBicepEdits(text, [{ kind: 'replaceValue', span: mode, newValue: 'Manual' }]), text.replace("'Rolling'", "'Manual'"));
  assert.ok(applyBicepEdits(text, [{ kind: 'setProperty', objectSpan: upgrade.span, path: ['x'], value: 1 }])?.includes('      x: 1\n'));
});

test('a stray character after a value (a lone surrogate): its object is not edited', () => {
  // d4389: the migration removed `automaticOSUpgrade: u`, leaving the surrogate alone on its line.
  const text = `${HEAD}  properties: {\n    upgradePolicy: {\n      automaticOSUpgrade: u\uDA7F\n      mode: 'Manual'\n    }\n  }\n}\n`;
  const upgrade = objectOf(text, 'upgradePolicy');
  const move: NeutralEdit = {
    kind: 'moveProperty',
    keySpan: keyOf(text, 'automaticOSUpgrade'),
    targetObjectSpan: upgrade.span,
    path: ['automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade'],
  };
  assert.equal(applyBicepEdits(text, [move]), undefined);
  assert.equal(applyBicepEdits(text, [{ kind: 'setProperty', objectSpan: upgrade.span, path: ['mode'], value: 'Rolling' }]), undefined);
  // Replacing a value that itself parses cleanly changes nothing about the stray character.
  const out = applyBicepEdits(text, [{ kind: 'replaceValue', span: keyOf(text, "'Manual'"), newValue: 'Rolling' }]);
  assert.equal(out, text.replace("'Manual'", "'Rolling'"));
});

test('an expression left open swallows the lines after it: the object it is in is not written into', () => {
  // d16320: typing `//` into a string left it and the union( call around it open; the extension inserted
  // below them became part of the call and the finding stayed.
  const text = `${HEAD}  properties: {\n    virtualMachineProfile: {\n      networkProfile: union({ a: 'x//, {})\n      osProfile: {\n        computerName: 'web'\n      }\n    }\n  }\n}\n`;
  const edit: NeutralEdit = {
    kind: 'setProperty',
    objectSpan: objectOf(text, 'properties').span,
    path: ['virtualMachineProfile', 'extensionProfile', 'extensions'],
    value: [{ name: 'HealthExtension' }],
  };
  assert.ok(parseBicep(text).problems.length > 0);
  assert.equal(applyBicepEdits(text, [edit]), undefined);
});

test('an array item is inserted only into an array that parses cleanly', () => {
  const clean = `${HEAD}  properties: {\n    extensions: [\n      { name: 'a' }\n    ]\n  }\n}\n`;
  const item = (text: string): Span => ({ offset: text.indexOf("{ name: 'a' }"), length: "{ name: 'a' }".length });
  const out = applyBicepEdits(clean, [{ kind: 'insertItemAfter', itemSpan: item(clean), value: { name: 'b' } }]);
  assert.ok(out?.includes("{ name: 'a' }\n      {\n        name: 'b'\n      }\n"), out);
  const broken = clean.replace("{ name: 'a' }\n", "{ name: 'a' } ?\n");
  assert.equal(applyBicepEdits(broken, [{ kind: 'insertItemAfter', itemSpan: item(broken), value: { name: 'b' } }]), undefined);
});

test('the API version is replaced only inside a closed type string', () => {
  const text = `${HEAD}  name: 'v'\n}\n`;
  const at = text.indexOf('2024-07-01');
  const span = { offset: at, length: '2024-07-01'.length };
  assert.equal(applyBicepEdits(text, [{ kind: 'replaceValue', span, newValue: '2025-04-01' }]), text.replace('2024-07-01', '2025-04-01'));
  const open = text.replace("@2024-07-01' =", '@2024-07-01 =');
  const typeEnd = parseBicep(open).statements[0];
  assert.ok(typeEnd?.kind === 'resource' && typeEnd.apiVersionSpan);
  assert.equal(applyBicepEdits(open, [{ kind: 'replaceValue', span: typeEnd.apiVersionSpan, newValue: '2025-04-01' }]), undefined);
});

test('a value a stray token touches is not replaced: the new value would be scanned with it as one token', () => {
  // Fuzz reproducer corrupting-fix-codeAction-s20261203-d6450: `enabled: '…'Rolling'` became `enabled: falseRolling'`.
  const glued = `${HEAD}  properties: {\n    automaticRepairsPolicy: {\n      enabled: 'x'Rolling\n    }\n  }\n}\n`;
  const at = glued.indexOf("'x'");
  const replace = (offset: number): NeutralEdit => ({ kind: 'replaceValue', span: { offset, length: 3 }, newValue: false });
  assert.ok(parseBicep(glued).problems.length > 0);
  assert.equal(applyBicepEdits(glued, [replace(at)]), undefined);
  // Separated by a blank or a comment, it is replaced.
  for (const after of [' ', '/* x */', ' // x']) {
    const spaced = `${HEAD}  properties: {\n    automaticRepairsPolicy: {\n      enabled: 'x'${after}\n    }\n  }\n}\n`;
    assert.equal(applyBicepEdits(spaced, [replace(spaced.indexOf("'x'"))]), spaced.replace("'x'", 'false'));
  }
});
