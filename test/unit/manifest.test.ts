import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Setting {
  scope?: string;
}

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, Setting> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

/** Settings that change neither where calls go nor whether production is confirmed: a workspace may set them. */
const PRESENTATION_ONLY = ['partnerCentral.taskNameTemplate', 'partnerCentral.notifications', 'partnerCentral.statusBar', 'partnerCentral.diagnostics', 'partnerCentral.decorations', 'partnerCentral.codeLens'];

describe('package.json: what a workspace can change', () => {
  it('keeps the credentials, Region and endpoint to the machine, and the production question to the user', () => {
    for (const key of ['partnerCentral.profile', 'partnerCentral.region', 'partnerCentral.endpoint']) {
      assert.equal(settings[key]?.scope, 'machine', `${key} must be machine-scoped: a workspace must not choose the account or where calls go`);
    }
    assert.equal(settings['partnerCentral.confirmProductionCatalog']?.scope, 'application', 'a workspace must not turn the production question off');
  });

  it('works in Restricted Mode, where every setting that changes where or how calls go is ignored in the workspace', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.ok(untrusted?.description, 'Restricted Mode needs a description of what is limited');
    const restricted = untrusted?.restrictedConfigurations ?? [];
    const mustBeRestricted = Object.keys(settings).filter((key) => !PRESENTATION_ONLY.includes(key));
    assert.deepEqual([...restricted].sort(), mustBeRestricted.sort(), 'a new setting is either presentation only (listed above) or restricted');
    for (const key of ['partnerCentral.catalog', 'partnerCentral.confirmProductionCatalog', 'partnerCentral.profile', 'partnerCentral.region', 'partnerCentral.endpoint']) {
      assert.ok(restricted.includes(key), `${key} is restricted`);
    }
  });
});
