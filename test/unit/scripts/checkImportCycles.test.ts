import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../scripts/paths';

const CHECK_CYCLES = path.join(REPO_ROOT, '.ci', 'check-import-cycles.js');

describe('.ci/check-import-cycles.js', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-cycles-'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true }, include: ['src/**/*.ts'] }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function project(files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  }

  function check(): { status: number | null; output: string } {
    const run = spawnSync(process.execPath, [CHECK_CYCLES], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  it('passes imports that only point one way', () => {
    project({
      'src/ids.ts': "export const ID = 'a';",
      'src/view.ts': "import { ID } from './ids';\nexport const view = ID;",
      'src/command.ts': "import { ID } from './ids';\nimport type { view } from './view';\nexport const run = (v: typeof view) => ID + v;",
    });
    const { status, output } = check();
    assert.equal(status, 0, output);
    assert.match(output, /import cycles in src: none/);
  });

  it('fails on a cycle closed by a type-only import, and shows where each import is', () => {
    project({
      'src/ui/tasks/tree.ts': "import { LOAD_MORE } from '../commands/refresh';\nexport type Node = { command: string };\nexport const node: Node = { command: LOAD_MORE };",
      'src/ui/commands/refresh.ts': "import type { Node } from '../tasks/tree';\nexport const LOAD_MORE = 'x';\nexport const show = (n: Node) => n.command;",
    });
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /1 import cycle in src/);
    assert.match(output, /2 files tied together: src\/ui\/commands\/refresh\.ts, src\/ui\/tasks\/tree\.ts/);
    assert.match(output, /src\/ui\/commands\/refresh\.ts:1 imports src\/ui\/tasks\/tree\.ts \(type\)/);
    assert.match(output, /src\/ui\/tasks\/tree\.ts:1 imports src\/ui\/commands\/refresh\.ts\n/);
  });

  it('counts inline type specifiers, re-exports, import() types and lazy imports', () => {
    project({
      'src/a.ts': "import { type B } from './b';\nexport type A = B | 1;",
      'src/b.ts': "export type { C } from './c';\nexport type B = 2;",
      'src/c.ts': "export type C = import('./d').D;",
      'src/d.ts': "export type D = 4;\nexport const load = () => import('./a');",
      'src/alone.ts': "export const alone = 1;",
    });
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /4 files tied together: src\/a\.ts, src\/b\.ts, src\/c\.ts, src\/d\.ts/);
    assert.match(output, /src\/d\.ts:2 imports src\/a\.ts \(dynamic\)/);
    assert.doesNotMatch(output, /alone/);
  });

  it('reports separate cycles separately, a file importing itself included', () => {
    project({
      'src/x.ts': "import { y } from './y';\nexport const x = () => y;",
      'src/y.ts': "import { x } from './x';\nexport const y = () => x;",
      'src/self.ts': "import * as me from './self';\nexport const self = () => me;",
    });
    const { status, output } = check();
    assert.equal(status, 1, output);
    assert.match(output, /2 import cycles in src/);
    assert.match(output, /1 files tied together: src\/self\.ts/);
    assert.match(output, /src\/self\.ts:1 imports src\/self\.ts/);
  });
});
