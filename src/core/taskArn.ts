const TASK_ARN = /^arn:aws[a-z-]*:partnercentral-selling:[a-z0-9-]*:(\d{12}):/;

/** The partner's AWS account ID in a task ARN (arn:aws:partnercentral-selling:<region>:<account>:…). */
export function accountIdFromTaskArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : TASK_ARN.exec(arn)?.[1];
}
