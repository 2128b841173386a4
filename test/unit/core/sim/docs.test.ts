// docs/simulator.md must document every assumption with its real default, so the docs cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSUMPTIONS } from '../../../../server/src/core/sim/assumptions';

test('every assumption is in docs/simulator.md with its default and alternatives', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../../docs/simulator.md'), 'utf8');
  for (const a of ASSUMPTIONS) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${a.name}\` |`));
    assert.ok(row, `no table row for ${a.name}`);
    assert.ok(row.includes(`| \`${a.default}\` |`), `${a.name}: default ${a.default} not in its row`);
    for (const v of a.values) assert.ok(row.includes(`\`${v}\``), `${a.name}: value ${v} not in its row`);
  }
});
