// Bundles the extension (dist/extension.js), its lazily loaded AWS layer (dist/aws.js) and the
// emulator's command-line entry (dist/emulator.js).
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, no source maps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change, printing problem-matcher lines for VS Code tasks
//   node esbuild.js --emulator    only the emulator bundle
// A build with `metafile: true` also writes its inputs next to it (dist/extension.meta.json), which
// .ci/check-bundle.js reads to prove the SDK stayed out of dist/extension.js.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const emulatorOnly = process.argv.includes('--emulator');

const awsEntry = path.join(__dirname, 'src', 'aws', 'index.ts');

/**
 * The extension imports `src/aws` only through `await import(...)`. Resolving that import to the separate
 * dist/aws.js bundle keeps the AWS SDK out of dist/extension.js, so activation never parses it.
 * @type {import('esbuild').Plugin}
 */
const lazyAwsBundle = {
  name: 'lazy-aws-bundle',
  setup(build) {
    build.onResolve({ filter: /[\\/]aws(?:[\\/]index)?$/ }, (args) => {
      if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
      const resolved = path.resolve(args.resolveDir, args.path);
      if (resolved !== awsEntry.replace(/\.ts$/, '') && resolved !== path.dirname(awsEntry)) return undefined;
      return { path: './aws.js', external: true };
    });
  },
};

/** Prints esbuild's results in the shape of the `$esbuild-watch` problem matcher. @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [problemMatcher] : [],
  // The SDK's optional CRT signer is never used here.
  external: ['@aws-sdk/signature-v4-crt', 'aws-crt'],
};

const builds = [
  { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator.js' },
];
if (!emulatorOnly) {
  builds.push(
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      external: [...common.external, 'vscode'],
      plugins: [...common.plugins, lazyAwsBundle],
      // import('../aws') becomes a deferred require('./aws.js'), as the extension host loads CommonJS.
      supported: { 'dynamic-import': false },
      metafile: true,
    },
    { ...common, entryPoints: [awsEntry], outfile: 'dist/aws.js' },
  );
}

async function main() {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  try {
    const results = await Promise.all(contexts.map((context) => context.rebuild()));
    results.forEach((result, i) => {
      if (result.metafile) fs.writeFileSync(builds[i].outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile, null, 1));
    });
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
