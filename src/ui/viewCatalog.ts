import type * as vscode from 'vscode';
import { readLaunchSettings, type Catalog } from './config';

const LAST_CATALOG_KEY = 'partnerCentral.lastCatalog';

/**
 * The catalog the views show: the setting, or with `ask`, the catalog of the latest launch.
 */
export class ViewCatalog {
  constructor(private readonly state: vscode.Memento) {}

  get = (): Catalog => {
    const { catalog } = readLaunchSettings();
    return catalog === 'ask' ? this.state.get<Catalog>(LAST_CATALOG_KEY) ?? 'Sandbox' : catalog;
  };

  remember(catalog: Catalog): Thenable<void> {
    return this.state.update(LAST_CATALOG_KEY, catalog);
  }
}
