import { type AuthCase, type ErrorExplanation } from './errorExplanation';
import { type SdkErrorView } from './sdkErrorView';
import { settingId } from './settingNames';

const SETTING = `\`${settingId('profile')}\``;

/**
 * Explains a credential problem, one case each, naming the profile in use and the command that fixes it; or
 * undefined when the error is not one of these. Never repeats the output or arguments of a credential_process
 * (they may hold secrets) or any credential.
 */
export function explainCredentials(view: SdkErrorView, profile: string | undefined): ErrorExplanation | undefined {
  const the = profile ? `profile "${profile}"` : 'the profile';
  const loginCommand = `aws sso login${profile ? ` --profile ${profile}` : ''}`;
  const message = view.message;
  const clientSide = view.name === 'CredentialsProviderError' || view.name === 'TokenProviderError';

  if (isCredentialProcessFailure(view)) {
    // The SDK keeps neither the exit code nor anything but the message (command line + stderr): say only which case.
    const what = /invalid JSON/i.test(message)
      ? 'printed something that is not credentials in JSON'
      : /expired/i.test(message)
        ? 'returned credentials that have already expired'
        : /^Command failed/i.test(message)
          ? 'exited with an error'
          : 'returned unusable credentials';
    return auth('credentialProcessFailed', `The credential_process of ${the} failed`, `The command configured as credential_process in ${the} ${what}. Its command line and output are not shown: they may contain secrets.`, [
      `Run the credential_process command of ${the} in a terminal to see why it fails (e.g. a locked vault, an expired login), and fix that.`,
      `Or choose another profile in ${SETTING}.`,
    ]);
  }
  // UnauthorizedException: the SSO portal refusing an expired token ("Session token not found or invalid").
  if ((clientSide && /SSO session|SSO token|sso_|aws sso login|token from sso|SSO credentials/i.test(message)) || view.name === 'UnauthorizedException') {
    return auth('ssoExpired', `The SSO session of ${the} has expired or was never started`, `No valid SSO token was found for ${the}: the IAM Identity Center sign-in has expired or was never done on this computer.`, [
      `Run \`${loginCommand}\` in a terminal, then try again.`,
    ]);
  }
  if (clientSide && /requires multi-factor authentication|mfa/i.test(message)) {
    return auth('mfaRequired', `${capitalize(the)} requires an MFA code`, `${capitalize(the)} assumes a role with mfa_serial, and the extension cannot ask for an MFA code.`, [
      'Use a profile that needs no code here: an SSO profile (`aws configure sso`) or a credential_process that caches MFA sessions.',
      'Or start VS Code from a shell holding temporary credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN from `aws sts get-session-token --serial-number … --token-code …`) and leave the profile empty.',
    ]);
  }
  const missingProfile = /Could not resolve credentials using profile: \[([^\]]*)\]|Profile (\S+) could not be found|Profile (\S+) not found/i.exec(message);
  if (clientSide && missingProfile) {
    const name = missingProfile[1] ?? missingProfile[2] ?? missingProfile[3] ?? profile;
    return auth('profileNotFound', `Profile "${name}" was not found`, `No profile "${name}" with usable credentials is in ~/.aws/config or ~/.aws/credentials (or the files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name).`, [
      `Correct ${SETTING} (or AWS_PROFILE) to a profile that exists (\`aws configure list-profiles\` lists them), or create it with \`aws configure --profile ${name}\` or \`aws configure sso\`.`,
    ]);
  }
  if (clientSide && /Could not load credentials from any providers/i.test(message)) {
    return auth('noCredentials', 'No AWS credentials found', 'No credentials were found in the environment, the default profile, SSO or instance metadata.', [
      `Set ${SETTING} to a profile of ~/.aws/config or ~/.aws/credentials (\`aws configure sso\` or \`aws configure\` creates one).`,
      'Or start VS Code with AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set.',
    ]);
  }
  if (view.name === 'AccessDenied' && /sts:AssumeRole/i.test(message)) {
    const role = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+/.exec(message)?.[0];
    return auth('assumeRoleDenied', `Assuming role ${role ?? '(unknown)'} was denied`, `${capitalize(the)} assumes ${role ? `role ${role}` : 'a role'}, and AWS STS refused: ${message}`, [
      `Check the role_arn and source_profile (or credential_source) of ${the}.`,
      "Ask the role's administrator to allow your source identity in the role's trust policy, and check that the source identity may call sts:AssumeRole on it.",
    ]);
  }
  if (view.name === 'ExpiredTokenException' || view.name === 'ExpiredToken' || /security token included in the request is expired/i.test(message)) {
    return auth('expiredToken', 'The session credentials have expired', 'The temporary credentials (session token) have expired.', [
      profile && profile !== 'default'
        ? `Refresh the credentials of ${the} (\`${loginCommand}\` for an SSO profile), then try again.`
        : `Get new temporary credentials (\`${loginCommand}\` for SSO, or a new AWS_SESSION_TOKEN with its keys), then try again.`,
    ]);
  }
  if (view.name === 'UnrecognizedClientException' || view.name === 'InvalidClientTokenId') {
    const tokenInvalid = /security token included in the request is invalid/i.test(message);
    return auth(
      'unknownToken',
      tokenInvalid ? 'AWS does not recognise these credentials' : 'The access key is not recognised',
      tokenInvalid
        ? 'The session token or access key ID is unknown to AWS: a session token that does not belong to its keys, was revoked, or is for another partition; or an access key that was deleted or deactivated.'
        : 'The access key ID is unknown to AWS, or was deleted or deactivated.',
      [
        `For temporary credentials: get a new set, all three values from the same source (\`${loginCommand}\` for SSO, or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN together).`,
        `For long-term keys: check in IAM that the access key of ${the} is active, or create a new one.`,
      ],
    );
  }
  if (view.name === 'MissingAuthenticationTokenException') {
    return auth('unsigned', 'The request was not signed', 'No credentials were sent with the request.', [
      `Set ${SETTING}, AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    ]);
  }
  return undefined;
}

/** A failed credential_process: its message holds the command line and its output, which may hold secrets. */
export function isCredentialProcessFailure(view: SdkErrorView): boolean {
  return (view.name === 'CredentialsProviderError' || view.name === 'TokenProviderError') && /^Command failed|credential_process/i.test(view.message);
}

function auth(authCase: AuthCase, title: string, detail: string, fixes: string[]): ErrorExplanation {
  return { kind: 'auth', authCase, title, detail, fixes, retryable: false };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
