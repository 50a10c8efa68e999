import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { sessionSecrets } from '../core/redaction/sessionSecrets';

interface SignedRequest {
  headers?: Record<string, string | undefined>;
}

interface SigningContext {
  __smithy_context?: { selectedHttpAuthScheme?: { identity?: { secretAccessKey?: unknown; sessionToken?: unknown } } };
}

const SIGNATURE = /Signature=([0-9a-f]+)/i;

/**
 * Registers the secrets of every signed request of `client` with the redaction boundary: the credentials that
 * signed it (refreshed ones too: an SSO or credential_process session renews them) and its signature. From then
 * on those exact strings are removed from every log line and message, whatever text surrounds them.
 */
export function addSecretRegistration(client: PartnerCentralSellingClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const identity = (context as SigningContext).__smithy_context?.selectedHttpAuthScheme?.identity;
      const headers = (args.request as SignedRequest | undefined)?.headers ?? {};
      const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
      sessionSecrets.register(
        typeof identity?.secretAccessKey === 'string' ? identity.secretAccessKey : undefined,
        typeof identity?.sessionToken === 'string' ? identity.sessionToken : undefined,
        authorization ? SIGNATURE.exec(authorization)?.[1] : undefined,
      );
      return next(args);
    },
    // The deserialize step runs once per attempt, after signing: its request is the one sent.
    { step: 'deserialize', name: 'partnerCentralSecretRegistration', priority: 'low', override: true },
  );
}
