/** The extension's settings, as package.json contributes them (test/unit/ui/settingNames.test.ts checks). */
export const CONFIG_SECTION = 'partnerCentral';

export const SETTING_KEYS = [
  'catalog',
  'confirmProductionCatalog',
  'taskNameTemplate',
  'profile',
  'region',
  'endpoint',
  'notifications',
  'statusBar',
  'diagnostics',
  'decorations',
  'codeLens',
  'maxIdsPerLaunch',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** A setting as users see it in settings.json and messages: `partnerCentral.profile`. */
export function settingId(key: SettingKey): string {
  return `${CONFIG_SECTION}.${key}`;
}
