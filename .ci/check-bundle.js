// Fails unless dist/extension.js, the bundle VS Code loads on activation, is small and free of the AWS SDK.
// The SDK belongs in dist/aws.js, loaded with `await import('../aws')` when the first call is made: a value
// import of it from src/ui would make every activation parse half a megabyte. Builds nothing itself:
//   node esbuild.js --production (or npm run package), then
//   node .ci/check-bundle.js [dist/extension.js] [--metafile <file>] [--max-kb 160]
// Two independent proofs: esbuild's metafile (written by esbuild.js next to the bundle) lists every input
// file of the bundle, and the bundle's text must hold none of the SDK's telltale strings.
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

/**
 * The limit started at 100 KB when the bundle was 68 KB; the session, connection, editor and local-emulator
 * features brought it to about 140 KB of the extension's own code (no SDK: the checks below prove that). The
 * limit now guards against the SDK or another large dependency slipping in, with room for the features.
 * Issue 16's defences (the intent check, the redaction boundary, file encodings, the strict shared-file
 * reader's explanations) brought the extension's own code to about 170 KB: the limit follows, still far below
 * any SDK slip (about 500 KB). Activation time is measured on its own, not through this size.
 */
const DEFAULT_MAX_KB = 185;

/**
 * Strings a bundle of @aws-sdk/* or @smithy/* code contains, minified or not, and the extension's own code
 * does not. Not 'AWS4-HMAC-SHA256': src/core/redactSecrets.ts may name the signing scheme to hide signatures.
 */
const SDK_TELLTALES = ['@aws-sdk/', '@smithy/', 'smithy-client', 'SignatureV4', 'middlewareStack', 'PartnerCentralSellingClient'];

/** Input files that must never be part of the bundle: the SDK, and the AWS layer that wraps it. */
const FORBIDDEN_INPUTS = [
  { pattern: /(^|\/)node_modules\/@aws-sdk\//, reason: 'the AWS SDK' },
  { pattern: /(^|\/)node_modules\/@smithy\//, reason: 'the AWS SDK (@smithy)' },
  { pattern: /(^|\/)src\/aws\//, reason: 'the AWS layer, which must stay in dist/aws.js' },
];

/** Whether an external import can be satisfied at runtime: the packaged extension has no node_modules. */
function resolvableAtRuntime(specifier) {
  if (specifier === 'vscode' || specifier.startsWith('./') || specifier.startsWith('../')) return true;
  const name = specifier.replace(/^node:/, '');
  return specifier.startsWith('node:') || builtinModules.includes(name) || builtinModules.includes(name.split('/')[0]);
}

/**
 * Checks a bundle against its esbuild metafile.
 * @param {{ bundlePath: string, metafilePath?: string, maxBytes?: number }} options
 * @returns {{ problems: string[], notes: string[] }} what is wrong (empty when the bundle is fine), and what was measured
 */
function checkBundle({ bundlePath, metafilePath = bundlePath.replace(/\.js$/, '.meta.json'), maxBytes = DEFAULT_MAX_KB * 1024 }) {
  const problems = [];
  const notes = [];
  const rebuild = 'build it with `node esbuild.js --production` (or `npm run package`) first';
  if (!fs.existsSync(bundlePath)) return { problems: [`${bundlePath} does not exist: ${rebuild}.`], notes };

  const bundle = fs.readFileSync(bundlePath);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  notes.push(`${bundlePath}: ${kb(bundle.length)} (limit ${kb(maxBytes)})`);
  const text = bundle.toString('utf8');
  if (bundle.length > maxBytes) {
    const development = /\/\/# sourceMappingURL=/.test(text) ? ' It is a development build (source maps, not minified): the limit is for `node esbuild.js --production`.' : '';
    problems.push(`${bundlePath} is ${kb(bundle.length)}, over the ${kb(maxBytes)} limit.${development}`);
  }
  const found = SDK_TELLTALES.filter((telltale) => text.includes(telltale));
  if (found.length > 0) problems.push(`${bundlePath} contains AWS SDK code (found ${found.map((s) => JSON.stringify(s)).join(', ')}).`);

  if (!fs.existsSync(metafilePath)) {
    problems.push(`${metafilePath} does not exist: esbuild.js writes it with the bundle; ${rebuild}.`);
    return { problems, notes };
  }
  /** @type {{ outputs: Record<string, { bytes: number, inputs: Record<string, { bytesInOutput: number }>, imports: { path: string, external?: boolean }[] }> }} */
  const metafile = JSON.parse(fs.readFileSync(metafilePath, 'utf8'));
  const bundleFile = path.resolve(bundlePath);
  const metafileDir = path.dirname(path.resolve(metafilePath));
  // Output keys are relative to esbuild's working directory: the repository root, one level above dist/.
  const outputKey = Object.keys(metafile.outputs).find((key) => [process.cwd(), path.dirname(metafileDir)].some((base) => path.resolve(base, key) === bundleFile));
  if (!outputKey) {
    problems.push(`${metafilePath} does not describe ${bundlePath} (it lists ${Object.keys(metafile.outputs).join(', ') || 'no outputs'}): ${rebuild}.`);
    return { problems, notes };
  }
  const output = metafile.outputs[outputKey];
  if (output.bytes !== bundle.length) {
    problems.push(`${metafilePath} is stale: it describes a ${output.bytes}-byte ${outputKey}, the file has ${bundle.length} bytes; ${rebuild}.`);
    return { problems, notes };
  }

  const inputs = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => ({ file: file.split(path.sep).join('/'), bytes: bytesInOutput }));
  notes.push(`${inputs.length} input files, ${inputs.filter((input) => input.file.includes('node_modules/')).length} of them from node_modules`);
  for (const { pattern, reason } of FORBIDDEN_INPUTS) {
    const offending = inputs.filter((input) => pattern.test(input.file));
    if (offending.length === 0) continue;
    const shown = offending.slice(0, 5).map((input) => input.file).join(', ');
    problems.push(`${outputKey} bundles ${reason}: ${offending.length} file(s), e.g. ${shown}. Import it only with \`await import('../aws')\` or \`import type\`.`);
  }
  const unresolvable = [...new Set(output.imports.filter((entry) => entry.external && !resolvableAtRuntime(entry.path)).map((entry) => entry.path))];
  if (unresolvable.length > 0) {
    problems.push(`${outputKey} requires ${unresolvable.join(', ')} at runtime, but the .vsix ships no node_modules: bundle it, or load it from dist/aws.js.`);
  }
  if (problems.length > 0) {
    const largest = inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 8);
    notes.push('largest inputs:', ...largest.map((input) => `  ${kb(input.bytes).padStart(9)}  ${input.file}`));
  }
  return { problems, notes };
}

function main(args) {
  let bundlePath = 'dist/extension.js';
  let metafilePath;
  let maxKb = DEFAULT_MAX_KB;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--metafile') metafilePath = args[++i];
    else if (args[i] === '--max-kb') maxKb = Number(args[++i]);
    else if (args[i].startsWith('--')) {
      console.error(`unknown option ${args[i]}\nusage: node .ci/check-bundle.js [dist/extension.js] [--metafile <file>] [--max-kb ${DEFAULT_MAX_KB}]`);
      return 2;
    } else bundlePath = args[i];
  }
  if (!(maxKb > 0)) {
    console.error('--max-kb takes a positive number of kilobytes, e.g. --max-kb 100');
    return 2;
  }
  const { problems, notes } = checkBundle({ bundlePath, metafilePath, maxBytes: maxKb * 1024 });
  for (const note of notes) console.log(note);
  for (const problem of problems) console.error(`✘ ${problem}`);
  if (problems.length > 0) return 1;
  console.log('bundle: ok (no AWS SDK, under the size limit)');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { checkBundle, SDK_TELLTALES };
