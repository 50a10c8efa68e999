// Fails unless the .vsix holds only what an installed extension needs: the bundles, media, the manifest
// and the top-level docs. No node_modules, sources, tests or source maps.
const fs = require('node:fs');

const vsixPath = process.argv[2];
if (!vsixPath) {
  console.error('usage: node .ci/check-vsix.js <file.vsix>');
  process.exit(2);
}

/** Lists the entry names of a zip file from its central directory. */
function zipEntries(buffer) {
  const endOfCentralDirectory = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfCentralDirectory < 0) throw new Error(`${vsixPath} is not a zip file`);
  const count = buffer.readUInt16LE(endOfCentralDirectory + 10);
  let offset = buffer.readUInt32LE(endOfCentralDirectory + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const packagingFiles = ['[Content_Types].xml', 'extension.vsixmanifest'];
const allowed = [
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/media\/([^/]+\/)?[^/]+\.(png|svg)$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE(\.txt)?)$/i,
];
const required = [
  'extension/dist/extension.js',
  'extension/dist/aws.js',
  // Partner Central: Use Local Emulator runs it; the walkthrough shows the pictures.
  'extension/dist/emulator.js',
  ...JSON.parse(fs.readFileSync('package.json', 'utf8')).contributes.walkthroughs.flatMap((w) => w.steps.map((step) => `extension/${step.media.image}`)),
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
];

const entries = zipEntries(fs.readFileSync(vsixPath)).filter((name) => !name.endsWith('/'));
const unexpected = entries.filter((name) => !packagingFiles.includes(name) && !allowed.some((re) => re.test(name)));
const absent = required.filter((name) => !entries.includes(name));
const size = fs.statSync(vsixPath).size;

console.log(`${vsixPath}: ${entries.length} files, ${(size / 1024).toFixed(1)} KiB`);
for (const name of entries) console.log(`  ${name}`);
if (unexpected.length > 0 || absent.length > 0) {
  if (unexpected.length > 0) console.error(`unexpected in the .vsix: ${unexpected.join(', ')}`);
  if (absent.length > 0) console.error(`missing from the .vsix: ${absent.join(', ')}`);
  process.exit(1);
}
console.log('vsix contents: ok');
