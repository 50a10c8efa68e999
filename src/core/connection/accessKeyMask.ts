/**
 * An access key ID shown so a user can tell keys apart without revealing it: `AKIA…WXYZ` (the prefix says
 * long-term `AKIA` or temporary `ASIA`). Too short to mask safely: only that it is set.
 */
export function maskAccessKeyId(accessKeyId: string): string {
  const id = accessKeyId.trim();
  if (id.length < 12) return '(set, too short to show)';
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}
