import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTING_KEYS, settingId } from '../../../src/core/settingNames';

interface Manifest {
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('src/core/settingNames: the settings package.json contributes', () => {
  it('names every contributed setting, and nothing else', () => {
    assert.deepEqual(SETTING_KEYS.map(settingId).sort(), Object.keys(manifest.contributes.configuration.properties).sort());
  });
});
