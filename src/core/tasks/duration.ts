/** '45 s', '2 min 5 s', '1 h 3 min', '2 d 4 h': from start to end, or to `now` while running. */
export function describeDuration(startIso: string, endIso: string | undefined, now: number): string {
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  const seconds = Math.max(0, Math.floor((end - start) / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return pair(days, 'd', hours % 24, 'h');
  if (hours > 0) return pair(hours, 'h', minutes % 60, 'min');
  if (minutes > 0) return pair(minutes, 'min', seconds % 60, 's');
  return `${seconds} s`;
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor > 0 ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`;
}
