// Fails on any import cycle between the project's own files, type-only imports included.
//   node .ci/check-import-cycles.js [--project tsconfig.json] [folder ...]   (default folder: src)
// Every module reference counts: `import`, `import type`, `export ... from`, `import x = require(...)`,
// `import(...)` (awaited or in a type) and `require(...)`. A type-only cycle costs nothing at runtime, but it
// still ties two modules together: neither can be understood, moved or tested without the other.
// Specifiers are resolved as the TypeScript compiler resolves them, with the project's compiler options.
const path = require('node:path');
const ts = require('typescript');

/** @typedef {{ from: string, to: string, line: number, kind: 'value' | 'type' | 'dynamic' }} ImportEdge */

/** The module specifiers a source file refers to, with the line and the kind of each reference. */
function moduleReferences(sourceFile) {
  /** @type {{ specifier: string, line: number, kind: ImportEdge['kind'] }[]} */
  const references = [];
  const add = (literal, kind) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile)).line + 1;
    references.push({ specifier: literal.text, line, kind });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (
        !clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)
        && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly ? 'type' : 'value');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly ? 'type' : 'value');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'value');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type');
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(node.arguments[0], 'value');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return references;
}

/**
 * The import graph between the project's files under the given folders (absolute paths), read with the
 * compiler options of the tsconfig at `projectPath`.
 * @returns {{ files: string[], edges: ImportEdge[] }}
 */
function importGraph(projectPath, folders) {
  const config = ts.readConfigFile(projectPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(projectPath));
  const inFolders = (file) => folders.some((folder) => !path.relative(folder, file).startsWith('..'));
  const files = parsed.fileNames.map((file) => path.resolve(file)).filter((file) => inFolders(file) && !file.endsWith('.d.ts')).sort();
  const known = new Set(files);
  const host = ts.createCompilerHost(parsed.options);
  /** @type {ImportEdge[]} */
  const edges = [];
  for (const file of files) {
    const sourceFile = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true);
    for (const { specifier, line, kind } of moduleReferences(sourceFile)) {
      const resolved = ts.resolveModuleName(specifier, file, parsed.options, host).resolvedModule;
      const to = resolved && path.resolve(resolved.resolvedFileName);
      if (to && known.has(to)) edges.push({ from: file, to, line, kind });
    }
  }
  return { files, edges };
}

/** Groups of files that reach one another through imports (Tarjan's strongly connected components, size > 1 or a self-import). */
function cyclicGroups(files, edges) {
  const next = new Map(files.map((file) => [file, []]));
  for (const edge of edges) next.get(edge.from).push(edge.to);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let counter = 0;
  const connect = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file)) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file), index.get(to)));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || next.get(file).includes(file)) groups.push(group.sort());
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return groups;
}

/** One shortest cycle through the group's first file, as the edges that make it up. */
function sampleCycle(group, edges) {
  const members = new Set(group);
  const inside = edges.filter((edge) => members.has(edge.from) && members.has(edge.to));
  const start = group[0];
  const cameBy = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const edge of inside.filter((candidate) => candidate.from === file)) {
      if (edge.to === start) {
        const cycle = [edge];
        for (let at = file; at !== start; at = cameBy.get(at).from) cycle.unshift(cameBy.get(at));
        return cycle;
      }
      if (!cameBy.has(edge.to)) {
        cameBy.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}

/**
 * Every import cycle among the project's files under `folders`.
 * @returns {{ files: string[], cycle: ImportEdge[] }[]} one entry per group of files tied together by imports
 */
function findImportCycles(projectPath, folders) {
  const { files, edges } = importGraph(projectPath, folders);
  return cyclicGroups(files, edges).map((group) => ({ files: group, cycle: sampleCycle(group, edges) }));
}

function main(args) {
  let project = 'tsconfig.json';
  const folders = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--project') project = args[++i];
    else folders.push(args[i]);
  }
  if (folders.length === 0) folders.push('src');
  const projectPath = path.resolve(project);
  if (!ts.sys.fileExists(projectPath)) {
    console.error(`No tsconfig at ${projectPath}: pass --project <tsconfig.json>.`);
    return 2;
  }
  const found = findImportCycles(projectPath, folders.map((folder) => path.resolve(folder)));
  const show = (file) => path.relative(process.cwd(), file).split(path.sep).join('/');
  if (found.length === 0) {
    console.log(`import cycles in ${folders.join(', ')}: none`);
    return 0;
  }
  console.error(`${found.length} import cycle${found.length === 1 ? '' : 's'} in ${folders.join(', ')} (type-only imports count too):`);
  for (const { files, cycle } of found) {
    console.error(`\n  ${files.length} files tied together: ${files.map(show).join(', ')}`);
    console.error('  for example:');
    for (const edge of cycle) console.error(`    ${show(edge.from)}:${edge.line} imports ${show(edge.to)}${edge.kind === 'value' ? '' : ` (${edge.kind})`}`);
  }
  console.error('\nBreak each cycle: move what both sides need (ids, types) into a module that imports neither.');
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { findImportCycles, moduleReferences };
