import type { SdkErrorView } from './sdkErrorView';

/** Phrases every explanation uses. */

export function triedSummary(view: SdkErrorView): string {
  if (view.attempts === undefined || view.attempts <= 1) return '';
  return `Tried ${view.attempts} times (${count(view.attempts - 1, 'retry', 'retries')}); it still fails.`;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
