import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryListings, findParametersFile } from '../../../server/src/host/parametersDiscovery';

function folder(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-params-'));
  for (const file of files) writeFileSync(join(dir, file), '{}');
  return dir;
}

test('finds <name>.parameters.json first, then azuredeploy.parameters.json, case-insensitively', () => {
  const dir = folder(['main.json', 'Main.Parameters.json', 'azuredeploy.parameters.json', 'other.json']);
  try {
    assert.equal(findParametersFile(join(dir, 'main.json')), join(dir, 'Main.Parameters.json'));
    assert.equal(findParametersFile(join(dir, 'other.json')), join(dir, 'azuredeploy.parameters.json'));
    assert.equal(findParametersFile(join(dir, 'Main.Parameters.json')), undefined, 'a parameters file has none of its own');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a .bicep template takes <name>.bicepparam before <name>.parameters.json', () => {
  const dir = folder(['vmss.bicep', 'vmss.parameters.json', 'vmss.bicepparam']);
  try {
    assert.equal(findParametersFile(join(dir, 'vmss.bicep')), join(dir, 'vmss.bicepparam'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('one DirectoryListings lists each folder once per run; without one, every call reads the folder afresh', () => {
  const dir = folder(['a.json', 'b.json']);
  try {
    const listings = new DirectoryListings();
    assert.equal(findParametersFile(join(dir, 'a.json'), listings), undefined);
    writeFileSync(join(dir, 'a.parameters.json'), '{}');
    // The run's listing predates the new file: the CLI lists a folder once, not once per template in it.
    assert.equal(findParametersFile(join(dir, 'a.json'), listings), undefined);
    assert.equal(findParametersFile(join(dir, 'a.json')), join(dir, 'a.parameters.json'), 'the server passes no listing and sees the file');
    assert.equal(findParametersFile(join(dir, 'a.json'), new DirectoryListings()), join(dir, 'a.parameters.json'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a folder that cannot be read has no parameters file', () => {
  const listings = new DirectoryListings();
  assert.equal(findParametersFile('/nonexistent/folder/main.json', listings), undefined);
  assert.equal(listings.entries('/nonexistent/folder'), undefined);
});
