import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../../../scripts/paths';

const CHECK_BUNDLE = path.join(REPO_ROOT, '.ci', 'check-bundle.js');

/** Bundles `contents` (resolved from the repository root) as esbuild.js bundles the extension, with its metafile next to it. */
async function bundle(dir: string, contents: string, external: string[] = []): Promise<string> {
  const outfile = path.join(dir, 'extension.js');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: REPO_ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    absWorkingDir: REPO_ROOT,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    metafile: true,
    external: ['vscode', '@aws-sdk/signature-v4-crt', 'aws-crt', ...external],
    logLevel: 'silent',
  });
  fs.writeFileSync(path.join(dir, 'extension.meta.json'), JSON.stringify(result.metafile));
  return outfile;
}

function check(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [CHECK_BUNDLE, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('.ci/check-bundle.js', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-bundle-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a small bundle of the extension\'s own code that loads the AWS layer lazily', async () => {
    const outfile = await bundle(dir, "import { redactSecrets } from './src/core/redactSecrets';\nexport const f = (s: string) => redactSecrets(s);\nexport const aws = () => require('./aws.js');", ['./aws.js']);
    const { status, output } = check(outfile);
    assert.equal(status, 0, output);
    assert.match(output, /bundle: ok/);
  });

  it('fails when the UI imports the AWS layer by value, naming src/aws and the SDK among the inputs', async () => {
    const outfile = await bundle(dir, "import { launchBatches } from './src/aws';\nexport const launch = launchBatches;");
    const { status, output } = check(outfile);
    assert.equal(status, 1, output);
    assert.match(output, /bundles the AWS layer, which must stay in dist\/aws\.js: \d+ file\(s\), e\.g\. src\/aws\//);
    assert.match(output, /bundles the AWS SDK: \d+ file\(s\), e\.g\. node_modules\/@aws-sdk\//);
    assert.match(output, /contains AWS SDK code \(found [^)]*"SignatureV4"/);
    assert.match(output, /over the 185\.0 KB limit/);
  });

  it('finds SDK code by its text even without a metafile, and then asks for one', async () => {
    const outfile = await bundle(dir, "import { SignatureV4 } from '@smithy/signature-v4';\nexport const signer = SignatureV4;");
    fs.rmSync(path.join(dir, 'extension.meta.json'));
    const { status, output } = check(outfile, '--max-kb', '1000');
    assert.equal(status, 1, output);
    assert.match(output, /contains AWS SDK code \(found "@smithy\/"|contains AWS SDK code \(found [^)]*"SignatureV4"/);
    assert.match(output, /extension\.meta\.json does not exist: esbuild\.js writes it/);
  });

  it('fails when the SDK is left external, as the .vsix ships no node_modules', async () => {
    const outfile = await bundle(dir, "import { SignatureV4 } from '@smithy/signature-v4';\nimport * as path from 'node:path';\nexport const s = [SignatureV4, path.sep];", ['@smithy/*']);
    const { status, output } = check(outfile);
    assert.equal(status, 1, output);
    assert.match(output, /requires @smithy\/signature-v4 at runtime, but the \.vsix ships no node_modules/);
    assert.doesNotMatch(output, /node:path/);
  });

  it('refuses a metafile that describes another build of the bundle', async () => {
    const outfile = await bundle(dir, "export const greeting = 'hello';");
    fs.appendFileSync(outfile, '\n// changed after the build\n');
    const { status, output } = check(outfile);
    assert.equal(status, 1, output);
    assert.match(output, /is stale: it describes a \d+-byte .*extension\.js, the file has \d+ bytes/);
  });

  it('says how to build when there is no bundle, and rejects a bad limit', () => {
    const missing = check(path.join(dir, 'extension.js'));
    assert.equal(missing.status, 1);
    assert.match(missing.output, /does not exist: build it with `node esbuild\.js --production`/);
    const badLimit = check('--max-kb', 'lots');
    assert.equal(badLimit.status, 2);
    assert.match(badLimit.output, /--max-kb takes a positive number/);
  });
});
