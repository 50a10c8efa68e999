import * as vscode from 'vscode';
import { CONFIG_SECTION, settingId } from '../../core/settingNames';

export type EditorFeature = 'diagnostics' | 'decorations' | 'codeLens';

/** Whether an editor feature is on (`partnerCentral.diagnostics`, `.decorations`, `.codeLens`; all default true). */
export function isEditorFeatureOn(feature: EditorFeature): boolean {
  return vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>(feature) ?? true;
}

export function affectsEditorFeature(event: vscode.ConfigurationChangeEvent, feature: EditorFeature): boolean {
  return event.affectsConfiguration(settingId(feature));
}
