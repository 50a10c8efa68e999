import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog';
import { readLaunchSettings } from './config';
import { Disposable } from './disposable';
import { settingId } from '../core/settingNames';

const LAST_CATALOG_KEY = 'partnerCentral.lastCatalog';

/**
 * The catalog the views show: the `partnerCentral.catalog` setting, or with `ask`, the catalog last launched
 * in or switched to (kept in global state, so `ask` itself stays the setting).
 */
export class ViewCatalog extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Catalog>());
  /** The catalog shown changed: the setting, or with `ask`, a launch or a switch to the other catalog. */
  readonly onDidChange = this.changed.event;
  private shown: Catalog;

  constructor(private readonly state: vscode.Memento) {
    super();
    this.shown = this.get();
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingId('catalog'))) this.fireIfChanged();
    }));
  }

  get = (): Catalog => {
    const { catalog } = readLaunchSettings();
    return catalog === 'ask' ? this.state.get<Catalog>(LAST_CATALOG_KEY) ?? 'Sandbox' : catalog;
  };

  /** Shown from now on while the setting is `ask`; a fixed setting wins. */
  async remember(catalog: Catalog): Promise<void> {
    await this.state.update(LAST_CATALOG_KEY, catalog);
    this.fireIfChanged();
  }

  private fireIfChanged(): void {
    const now = this.get();
    if (now === this.shown) return;
    this.shown = now;
    this.changed.fire(now);
  }
}
