// The Bicep edit writer: neutral quick-fix edits become Bicep text that keeps comments and layout, and
// every fix the rules offer on a Bicep fixture applies, re-parses cleanly and removes its finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { applyBicepEdits, writeBicepEdits } from '../../../../server/src/core/frontEnds/bicep/bicepWriter';
import { applyTextEdits } from '../../../../server/src/core/edits/neutralEdit';
import { runRules } from '../../../../server/src/core/rules/runner';
import type { Span } from '../../../../server/src/core/text/span';

const spanOf = (text: string, needle: string, nth = 0): Span => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  return { offset: at, length: needle.length };
};

const BASE = `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2017-12-01' = {
  name: 'web' // the scale set
  properties: {
    upgradePolicy: {
      mode: 'rolling' // lower case on purpose
      automaticOSUpgrade: true
    }
    /* keep me */
    virtualMachineProfile: {}
    tags: { a: 'x', b: 'y' }
  }
}
`;

function objectSpan(text: string, startsWith: string): Span {
  const file = parseBicep(text);
  const body = file.statements[0]!.kind === 'resource' ? file.statements[0].body : undefined;
  assert.ok(body?.kind === 'object');
  const stack = [body];
  while (stack.length) {
    const o = stack.pop()!;
    if (text.startsWith(startsWith, o.span.offset)) return o.span;
    for (const p of o.properties) if (p.value.kind === 'object') stack.push(p.value);
  }
  throw new Error(`no object at ${startsWith}`);
}

test('replaceValue and renameProperty touch only their token; comments stay', () => {
  const out = applyBicepEdits(BASE, [
    { kind: 'replaceValue', span: spanOf(BASE, "'rolling'"), newValue: 'Rolling' },
    { kind: 'renameProperty', keySpan: spanOf(BASE, 'automaticOSUpgrade'), newName: 'odd-name' },
  ]);
  assert.equal(out, BASE.replace("'rolling'", "'Rolling'").replace('automaticOSUpgrade:', "'odd-name':"));
});

test('the API version inside the type string can be replaced', () => {
  const model = analyzeBicep(BASE);
  const span = model.scaleSets[0]!.apiVersion!.span;
  assert.equal(BASE.slice(span.offset, span.offset + span.length), '2017-12-01');
  assert.equal(applyBicepEdits(BASE, [{ kind: 'replaceValue', span, newValue: '2024-07-01' }]), BASE.replace('@2017-12-01', '@2024-07-01'));
  assert.equal(applyBicepEdits(BASE, [{ kind: 'replaceValue', span, newValue: "x' = {" }]), undefined, 'only a version-like string');
});

test('removeProperty takes its line, or its comma in a one-line object', () => {
  const out = applyBicepEdits(BASE, [{ kind: 'removeProperty', keySpan: spanOf(BASE, 'automaticOSUpgrade') }]);
  assert.equal(out, BASE.replace('      automaticOSUpgrade: true\n', ''));
  const inline = applyBicepEdits(BASE, [{ kind: 'removeProperty', keySpan: { offset: BASE.indexOf("a: 'x'"), length: 1 } }]);
  assert.equal(inline, BASE.replace("{ a: 'x', b: 'y' }", "{ b: 'y' }"));
  const last = applyBicepEdits(BASE, [{ kind: 'removeProperty', keySpan: { offset: BASE.indexOf("b: 'y'"), length: 1 } }]);
  assert.equal(last, BASE.replace("{ a: 'x', b: 'y' }", "{ a: 'x' }"));
});

test('setProperty creates missing objects with the file indentation, in multi-line, empty and one-line objects', () => {
  const upgrade = objectSpan(BASE, '{\n      mode');
  const out = applyBicepEdits(BASE, [
    { kind: 'setProperty', objectSpan: upgrade, path: ['rollingUpgradePolicy', 'maxBatchInstancePercent'], value: 20 },
  ]);
  assert.equal(
    out,
    BASE.replace(
      '      automaticOSUpgrade: true\n',
      '      automaticOSUpgrade: true\n      rollingUpgradePolicy: {\n        maxBatchInstancePercent: 20\n      }\n',
    ),
  );
  const empty = applyBicepEdits(BASE, [{ kind: 'setProperty', objectSpan: objectSpan(BASE, '{}'), path: ['priority'], value: 'Regular' }]);
  assert.equal(empty, BASE.replace('virtualMachineProfile: {}', "virtualMachineProfile: {\n      priority: 'Regular'\n    }"));
  const oneLine = applyBicepEdits(BASE, [
    { kind: 'setProperty', objectSpan: objectSpan(BASE, '{ a:'), path: ['c'], value: { d: [1, 'two'] } },
  ]);
  assert.equal(oneLine, BASE.replace("{ a: 'x', b: 'y' }", "{ a: 'x', b: 'y', c: { d: [1, 'two'] } }"));
  const replace = applyBicepEdits(BASE, [{ kind: 'setProperty', objectSpan: upgrade, path: ['Mode'], value: 'Manual' }]);
  assert.equal(replace, BASE.replace("'rolling'", "'Manual'"), 'existing keys match case-insensitively');
});

test('moveProperty keeps the moved text (expressions, comments) and re-indents it', () => {
  const text = `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
    }
    rollingUpgradePolicy: {
      maxBatchInstancePercent: batch // from a param
    }
  }
}
`;
  const out = applyBicepEdits(text, [
    {
      kind: 'moveProperty',
      keySpan: spanOf(text, 'rollingUpgradePolicy'),
      targetObjectSpan: objectSpan(text, '{\n      mode'),
      path: ['rollingUpgradePolicy'],
    },
  ]);
  assert.equal(
    out,
    `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
      rollingUpgradePolicy: {
        maxBatchInstancePercent: batch // from a param
      }
    }
  }
}
`,
  );
});

test('strings are escaped, CRLF and tabs are kept', () => {
  const crlf = BASE.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t');
  const out = applyBicepEdits(crlf, [{ kind: 'setProperty', objectSpan: objectSpan(crlf, '{}'), path: ['x'], value: { s: "it's ${x}" } }]);
  assert.ok(out?.includes("virtualMachineProfile: {\r\n\t\t\tx: {\r\n\t\t\t\ts: 'it\\'s \\${x}'\r\n\t\t\t}\r\n\t\t}"), out);
  assert.deepEqual(parseBicep(out!).problems, []);
});

test('unsafe edits are refused: anchors that are not nodes of the right kind, or a broken result', () => {
  const text =
    "var props = { upgradePolicy: { mode: 'Manual' } }\nresource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'v'\n  properties: props\n}\n";
  assert.equal(
    applyBicepEdits(text, [{ kind: 'setProperty', objectSpan: spanOf(text, 'props', 1), path: ['x'], value: 1 }]),
    undefined,
    'a value from a variable',
  );
  assert.equal(
    applyBicepEdits(text, [{ kind: 'renameProperty', keySpan: { offset: 1, length: 2 }, newName: 'x' }]),
    undefined,
    'not a key',
  );
  assert.equal(applyBicepEdits(text, [{ kind: 'replaceText', span: spanOf(text, '}', 2), newText: '' }]), undefined, 'more parse problems');
});

test('writeBicepEdits returns one minimal text edit', () => {
  const edits = writeBicepEdits(BASE, [{ kind: 'replaceValue', span: spanOf(BASE, "'rolling'"), newValue: 'Rolling' }]);
  assert.equal(edits?.length, 1);
  assert.equal(applyTextEdits(BASE, edits!), BASE.replace("'rolling'", "'Rolling'"));
  assert.ok(edits![0]!.length <= "'rolling'".length);
});

const FIXTURE_DIRS = [join(import.meta.dirname, '../../../fixtures/real-templates'), join(import.meta.dirname, '../../../fixtures/bicep')];
const fixtures = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => join(dir, f)),
);

test('every fix offered on a Bicep fixture applies, re-parses without problems and removes its finding', () => {
  let applied = 0;
  for (const path of fixtures) {
    const text = readFileSync(path, 'utf8');
    const findings = runRules(analyzeBicep(text), text);
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        const out = applyBicepEdits(text, fix.edits);
        assert.ok(out !== undefined, `${path}: ${finding.ruleId} "${fix.title}" could not be written`);
        assert.deepEqual(parseBicep(out).problems, [], `${path}: ${finding.ruleId} "${fix.title}" leaves valid Bicep`);
        const before = findings.filter((f) => f.ruleId === finding.ruleId && f.scaleSet === finding.scaleSet).length;
        const after = runRules(analyzeBicep(out), out).filter((f) => f.ruleId === finding.ruleId && f.scaleSet === finding.scaleSet).length;
        assert.ok(after < before, `${path}: ${finding.ruleId} "${fix.title}" removes the finding`);
        applied++;
      }
    }
  }
  assert.ok(applied >= 5, `fixes were exercised (${applied})`);
});

test('removing a property keeps the comment after it on its line', () => {
  const out = applyBicepEdits(BASE, [{ kind: 'removeProperty', keySpan: spanOf(BASE, 'mode') }]);
  assert.equal(out, BASE.replace("mode: 'rolling' // lower case on purpose", '// lower case on purpose'));
});

test('a fix changing two places is two edits, leaving the text between them alone', () => {
  const upgrade = objectSpan(BASE, '{\n      mode');
  const edits = writeBicepEdits(BASE, [
    { kind: 'replaceValue', span: spanOf(BASE, "'rolling'"), newValue: 'Rolling' },
    { kind: 'setProperty', objectSpan: upgrade, path: ['rollingUpgradePolicy'], value: { maxSurge: true } },
  ])!;
  assert.equal(edits.length, 2);
  assert.ok(edits[0]!.offset + edits[0]!.length < BASE.indexOf('automaticOSUpgrade'), 'the first edit ends before the line between them');
  assert.ok(edits[1]!.offset > BASE.indexOf('automaticOSUpgrade'));
  assert.equal(
    applyTextEdits(BASE, edits),
    applyBicepEdits(BASE, [
      { kind: 'replaceValue', span: spanOf(BASE, "'rolling'"), newValue: 'Rolling' },
      { kind: 'setProperty', objectSpan: upgrade, path: ['rollingUpgradePolicy'], value: { maxSurge: true } },
    ]),
  );
});

test('steps compose whether their lines were touched before (parsed again) or not (the first parse, shifted)', () => {
  const upgrade = objectSpan(BASE, '{\n      mode');
  const edits = [
    // Longer than before: everything after it moves.
    { kind: 'renameProperty' as const, keySpan: spanOf(BASE, 'name'), newName: 'displayNameLonger' },
    { kind: 'removeProperty' as const, keySpan: spanOf(BASE, 'automaticOSUpgrade') },
    { kind: 'setProperty' as const, objectSpan: objectSpan(BASE, '{}'), path: ['priority'], value: 'Regular' },
    // Into the object the removal changed.
    { kind: 'setProperty' as const, objectSpan: upgrade, path: ['rollingUpgradePolicy', 'maxSurge'], value: true },
  ];
  const expected = `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2017-12-01' = {
  displayNameLonger: 'web' // the scale set
  properties: {
    upgradePolicy: {
      mode: 'rolling' // lower case on purpose
      rollingUpgradePolicy: {
        maxSurge: true
      }
    }
    /* keep me */
    virtualMachineProfile: {
      priority: 'Regular'
    }
    tags: { a: 'x', b: 'y' }
  }
}
`;
  assert.equal(applyBicepEdits(BASE, edits), expected);
  const written = writeBicepEdits(BASE, edits)!;
  assert.equal(applyTextEdits(BASE, written), expected);
  assert.equal(written.length, 3, 'the rename, the lines of upgradePolicy, the empty object');
});
