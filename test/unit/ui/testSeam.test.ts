import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { testSeam } from '../../../src/ui/testSeam';

/** VS Code's ExtensionMode values (the enum itself lives in the `vscode` module, absent in plain Node). */
const MODES = { Production: 1, Development: 2, Test: 3 } as const satisfies Record<keyof typeof vscode.ExtensionMode, vscode.ExtensionMode>;

describe('the test seam activate() returns', () => {
  it('exists only when the extension runs for its tests', () => {
    let built = 0;
    const api = { usePrompts: 'seam' };
    const build = (): typeof api => {
      built += 1;
      return api;
    };
    assert.equal(testSeam(MODES.Production, build), undefined, 'production: other extensions get nothing');
    assert.equal(testSeam(MODES.Development, build), undefined, 'development (F5, npm start): nothing either');
    assert.equal(built, 0, 'not even built outside tests');
    assert.equal(testSeam(MODES.Test, build), api);
  });
});
