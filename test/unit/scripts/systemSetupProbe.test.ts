import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPresent, onPath } from '../../../scripts/systemSetup/probe';

describe('system set-up probe', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-probe-'));
    fs.writeFileSync(path.join(dir, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'notes'), 'not a program', { mode: 0o644 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds an executable on the given PATH, not a plain file, not elsewhere', () => {
    const searchPath = ['', '/nonexistent', dir].join(path.delimiter);
    assert.equal(onPath('tool', searchPath), true);
    assert.equal(onPath('notes', searchPath), false);
    assert.equal(onPath('tool', '/nonexistent'), false);
  });

  it('checks files at their exact path', () => {
    assert.equal(isPresent({ file: path.join(dir, 'notes') }), true);
    assert.equal(isPresent({ file: path.join(dir, 'absent') }), false);
  });
});
