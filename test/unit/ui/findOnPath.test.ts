import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOnPath } from '../../../src/ui/connect/findOnPath';

describe('findOnPath (is the AWS CLI installed?)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-path-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds an executable file in a PATH folder, in PATH order', () => {
    const other = fs.mkdtempSync(path.join(dir, 'other-'));
    fs.writeFileSync(path.join(dir, 'aws'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(other, 'aws'), '#!/bin/sh\n', { mode: 0o755 });
    assert.equal(findOnPath('aws', { PATH: [path.join(dir, 'missing'), other, dir].join(path.delimiter) }), path.join(other, 'aws'));
  });

  it('ignores a folder of that name, and finds nothing on an empty PATH', () => {
    fs.mkdirSync(path.join(dir, 'sub', 'aws'), { recursive: true });
    assert.equal(findOnPath('aws', { PATH: path.join(dir, 'sub') }), undefined);
    assert.equal(findOnPath('aws', {}), undefined);
  });
});
