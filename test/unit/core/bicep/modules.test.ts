// Local modules are read through the injected file reader, with the params the caller passes; their
// spans move onto the module's name in the calling file. .bicepparam files supply parameter values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { readBicepParameters } from '../../../../server/src/core/bicep/bicepParams';
import { joinPath } from '../../../../server/src/core/bicep/modules';
import { runRules } from '../../../../server/src/core/rules/runner';
import { toPlain } from '../../../../server/src/core/model/values';

const VMSS = `param count int = 1
param mode string = 'Manual'
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'inner'
  sku: {
    capacity: count
  }
  properties: {
    upgradePolicy: {
      mode: mode
    }
  }
}
module deeper '../shared/more.bicep' = {
  name: 'deeper'
}
`;
const MORE = `resource other 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'deepest'
  properties: {
    upgradePolicy: {
      mode: 'rolling'
    }
  }
}
module again '../modules/vmss.bicep' = {
  name: 'cycle'
}
`;
const MAIN = `param n int = 3
module web './modules/vmss.bicep' = {
  name: 'web'
  params: {
    count: n
    mode: 'Automatic'
  }
}
module remote 'br/public:avm/res/compute/virtual-machine-scale-set:0.1.0' = {
  name: 'remote'
}
module missing './nope.bicep' = {
  name: 'missing'
}
`;

const files: Record<string, string> = { 'modules/vmss.bicep': VMSS, 'shared/more.bicep': MORE };
const read = (path: string) => files[path];

test('joinPath resolves . and .. without Node', () => {
  assert.equal(joinPath('', './modules/vmss.bicep'), 'modules/vmss.bicep');
  assert.equal(joinPath('modules', '../shared/more.bicep'), 'shared/more.bicep');
  assert.equal(joinPath('a/b', '..\\c.bicep'), 'a/c.bicep');
});

test('module scale sets get the caller params; nested modules resolve relative paths; cycles and missing files are skipped', () => {
  const requested: string[] = [];
  const model = analyzeBicep(MAIN, { readFile: (p) => (requested.push(p), read(p)) });
  assert.deepEqual(model.parseErrors, []);
  assert.deepEqual(
    model.scaleSets.map((s) => s.displayName),
    ['web/inner', 'web/deeper/deepest'],
  );
  const [web, deepest] = model.scaleSets;
  assert.equal(toPlain(web!.capacity), 3);
  assert.equal(web!.capacity?.source, 'parametersFile');
  assert.equal(toPlain(web!.mode?.value), 'Automatic');
  assert.deepEqual(web!.path, ['modules', 'web', 'resources', 'vmss']);
  assert.equal(toPlain(deepest!.mode?.value), 'rolling');
  assert.deepEqual(
    requested.sort(),
    ['modules/vmss.bicep', 'nope.bicep', 'shared/more.bicep'],
    'the registry module is not read; the cycle stops',
  );
});

test('spans of module scale sets point at the module name in the calling file, and no fix is offered there', () => {
  const model = analyzeBicep(MAIN, { readFile: read });
  const deepest = model.scaleSets[1]!;
  const nameAt = MAIN.indexOf('web ');
  assert.deepEqual(deepest.mode?.value.span, { offset: nameAt, length: 3 });
  const findings = runRules(model, MAIN).filter((f) => f.ruleId === 'property-name-casing');
  assert.equal(findings.length, 1, 'the lower-case mode inside the module is reported');
  assert.equal(MAIN.slice(findings[0]!.span.offset, findings[0]!.span.offset + 3), 'web');
});

test('without a reader, modules are not followed', () => {
  assert.equal(analyzeBicep(MAIN).scaleSets.length, 0);
});

test('.bicepparam: using, params as expressions with the file own vars; JSON parameters files too', () => {
  const params = readBicepParameters(
    "using './main.bicep'\nvar base = 2\nparam n = base * 3\nparam name = 'x-${base}'\nparam secret = readEnvironmentVariable('S')\n",
  );
  assert.equal(params.using, './main.bicep');
  assert.deepEqual(params.errors, []);
  assert.deepEqual(params.values.get('n'), { value: 6, source: 'parametersFile' });
  assert.equal(params.values.get('name')?.value, 'x-2');
  assert.equal(params.values.get('secret')?.source, 'unknown');
  const json = readBicepParameters('{ "parameters": { "n": { "value": 4 } } }');
  assert.equal(json.values.get('n')?.value, 4);
  const model = analyzeBicep(MAIN, { readFile: read, parametersText: "using 'main.bicep'\nparam n = 7\n" });
  assert.equal(toPlain(model.scaleSets[0]!.capacity), 7);
});
