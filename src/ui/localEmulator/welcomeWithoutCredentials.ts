import * as vscode from 'vscode';
import type { TaskTreeNode } from '../tasks/taskTreeItems';
import type { ConnectionState } from './connectionState';

/**
 * The Prospecting Tasks view's provider, less the "Could not list … tasks" line while no credentials are
 * found: an empty view shows its welcome content instead, which offers the ways forward (select a profile,
 * use the local emulator, open the walkthrough). Everything else is the wrapped provider's.
 */
export function welcomeWithoutCredentials(
  tree: vscode.TreeDataProvider<TaskTreeNode>,
  state: { readonly state: ConnectionState; readonly onDidChange: vscode.Event<ConnectionState>; ensureChecked(): void },
): vscode.TreeDataProvider<TaskTreeNode> & vscode.Disposable {
  const changed = new vscode.EventEmitter<TaskTreeNode | undefined>();
  const subscriptions = [changed, state.onDidChange(() => changed.fire(undefined))];
  if (tree.onDidChangeTreeData) subscriptions.push(tree.onDidChangeTreeData((node) => changed.fire(Array.isArray(node) ? undefined : (node ?? undefined))));
  return {
    onDidChangeTreeData: changed.event,
    getTreeItem: (node) => tree.getTreeItem(node),
    getParent: tree.getParent ? (node) => tree.getParent!(node) : undefined,
    async getChildren(node) {
      if (!node) state.ensureChecked();
      const children = (await tree.getChildren(node)) ?? [];
      if (node || state.state !== 'noCredentials') return children;
      return children.filter((child) => !(child.kind === 'message' && child.id.startsWith('error/')));
    },
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
