/** The partner's AWS account ID in a Partner Central ARN (`arn:aws:partnercentral-selling:<region>:<account>:…`). */
export function accountIdFromArn(arn: string | undefined): string | undefined {
  const parts = arn?.split(':');
  if (!parts || parts.length < 6 || parts[0] !== 'arn') return undefined;
  return /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}
