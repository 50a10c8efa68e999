import type * as vscode from 'vscode';

/** vscode.ExtensionMode.Test, checked against VS Code's typings; a type-only import keeps this file loadable in plain Node. */
const TEST_MODE: vscode.ExtensionMode.Test = 3;

/**
 * What activate() hands out. Any installed extension can read an extension's exports, and the in-host
 * suites' seam could answer the production confirmation, so it exists only when VS Code runs the
 * extension for its tests (extensionTestsPath given): never in development or production.
 */
export function testSeam<T>(mode: vscode.ExtensionMode, api: () => T): T | undefined {
  return mode === TEST_MODE ? api() : undefined;
}
