import * as assert from 'node:assert/strict';
import { explainError, formatExplanation } from '../../../src/core/errorExplanations';
import { redactSecrets } from '../../../src/core/redactSecrets';
import { SessionSecrets, sessionSecrets } from '../../../src/core/redaction/sessionSecrets';
import { isThrottlingError } from '../../../src/core/throttling';

/** An object shaped like an SDK service exception. */
function sdkError(name: string, message: string, extra: Record<string, unknown> = {}, attempts = 1): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req-123', attempts, totalRetryDelay: 0 },
    ...extra,
  });
}

describe('explainError', () => {
  it('ValidationException lists each field of its ErrorList', () => {
    const e = explainError(
      sdkError('ValidationException', 'Invalid input', {
        Reason: 'REQUEST_VALIDATION_FAILED',
        ErrorList: [
          { FieldName: 'Identifiers[3]', Message: 'must match eng-[0-9a-z]{14}', Code: 'INVALID_STRING_FORMAT' },
          { FieldName: 'TaskName', Message: 'too long', Code: 'VALUE_OUT_OF_RANGE' },
        ],
      }),
    );
    assert.equal(e.kind, 'validation');
    assert.match(e.detail, /Identifiers\[3\]: INVALID_STRING_FORMAT — must match/);
    assert.match(e.detail, /TaskName: VALUE_OUT_OF_RANGE — too long/);
    assert.equal(e.fields?.length, 2);
    assert.equal(e.requestId, 'req-123');
    assert.equal(e.retryable, false);
    assert.match(explainError(sdkError('ValidationException', 'x', { Reason: 'BUSINESS_VALIDATION_FAILED' })).fixes[0], /business rules/);
  });

  it('ResourceNotFoundException names the missing IDs', () => {
    const e = explainError(
      sdkError('ResourceNotFoundException', 'Engagements not found: eng-0123456789abcd, eng-zzzzzzzzzzzzzz; eng-0123456789abcd'),
      { catalog: 'Sandbox' },
    );
    assert.equal(e.kind, 'notFound');
    assert.deepEqual(e.missingIds, ['eng-0123456789abcd', 'eng-zzzzzzzzzzzzzz']);
    assert.match(e.title, /2 engagements not found in the Sandbox catalog/);
    assert.ok(e.fixes.some((fix) => /without the missing IDs/.test(fix)));
  });

  it('AccessDeniedException explains INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE, and IAM otherwise', () => {
    const benefit = explainError(sdkError('AccessDeniedException', 'Access denied', { Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' }));
    assert.equal(benefit.kind, 'accessDenied');
    assert.match(benefit.title, /benefit state doesn't allow this action/);
    assert.ok(benefit.fixes.some((fix) => /Partner Central/.test(fix)));
    assert.match(explainError(sdkError('AccessDeniedException', 'no')).fixes[0], /IAM policies/);
  });

  it('ConflictException explains the token clash', () => {
    const e = explainError(sdkError('ConflictException', 'Token reused'));
    assert.equal(e.kind, 'conflict');
    assert.match(e.detail, /ClientToken was already used/);
    assert.ok(e.fixes.some((fix) => /new ClientToken/.test(fix)));
  });

  it('Throttling and InternalServer errors say how often they were tried', () => {
    const throttled = explainError(sdkError('ThrottlingException', 'Rate exceeded', {}, 5));
    assert.equal(throttled.kind, 'throttled');
    assert.match(throttled.detail, /Tried 5 times \(4 retries\); it still fails/);
    assert.match(throttled.fixes[0], /Try again later/);
    assert.equal(throttled.retryable, true);
    const internal = explainError(sdkError('InternalServerException', 'oops', {}, 3));
    assert.equal(internal.kind, 'serverError');
    assert.match(internal.detail, /Tried 3 times/);
  });

  it('throttling is recognised the same way the poller recognises it: HTTP 429 or another throttling name', () => {
    for (const error of [
      sdkError('SlowDown', 'Please slow down', { $metadata: { httpStatusCode: 429, requestId: 'req-429', attempts: 3, totalRetryDelay: 0 } }),
      sdkError('TooManyRequestsException', 'Too many requests'),
      sdkError('RequestLimitExceeded', 'Limit exceeded'),
    ]) {
      const explanation = explainError(error);
      assert.equal(explanation.kind, 'throttled', error.name);
      assert.equal(explanation.retryable, true);
      assert.equal(isThrottlingError(error), true, error.name);
    }
  });

  it('a used-up quota is not mistaken for throttling: it does not clear up by retrying', () => {
    const quota = explainError(sdkError('ServiceQuotaExceededException', 'Daily quota reached'));
    assert.equal(quota.kind, 'quotaExceeded');
    assert.equal(quota.retryable, false);
    assert.match(quota.fixes[0], /quota to reset/);
  });

  it('auth errors explain how to fix the credentials', () => {
    for (const name of ['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'MissingAuthenticationTokenException', 'CredentialsProviderError']) {
      const e = explainError(sdkError(name, 'denied'));
      assert.equal(e.kind, 'auth', name);
      assert.ok(e.fixes.length > 0);
    }
    const noCredentials = explainError(new Error('Could not load credentials from any providers'));
    assert.equal(noCredentials.kind, 'auth');
    assert.match(noCredentials.fixes.join(' '), /partnerCentral\.profile|AWS_PROFILE/);
  });

  it('network errors name the endpoint setting', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' }),
      Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), { name: 'TimeoutError' }),
    ]) {
      const e = explainError(error);
      assert.equal(e.kind, 'network');
      assert.match(e.title, /isn't reachable/);
      assert.match(e.detail, /Nothing was sent/);
      assert.match(e.fixes.join(' '), /partnerCentral\.endpoint/);
    }
  });

  it('handles anything thrown, and formats one line', () => {
    assert.equal(explainError('boom').kind, 'unknown');
    assert.equal(explainError(undefined).kind, 'unknown');
    const line = formatExplanation(explainError(sdkError('ValidationException', 'bad', { ErrorList: [{ FieldName: 'TaskName', Code: 'X', Message: 'y' }] })));
    assert.doesNotMatch(line, /\n/);
    assert.match(line, /request id req-123/);
  });

  it('never repeats a secret from the message', () => {
    sessionSecrets.register('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const e = explainError(sdkError('UnrecognizedClientException', 'The security token AKIAIOSFODNN7EXAMPLE with secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY is invalid'));
    assert.doesNotMatch(JSON.stringify(e), /IOSFODNN7EXAMPLE|wJalrXUtnFEMI/);
  });

  it('never repeats a secret from a ValidationException ErrorList', () => {
    const e = explainError(
      sdkError('ValidationException', 'Invalid input', {
        ErrorList: [{ FieldName: 'ClientToken', Code: 'INVALID_VALUE', Message: 'value ASIAIOSFODNN7EXAMPLE is invalid' }],
      }),
    );
    assert.equal(e.fields?.[0].field, 'ClientToken');
    assert.doesNotMatch(JSON.stringify(e), /IOSFODNN7EXAMPLE/);
  });
});

describe('redactSecrets', () => {
  it('removes access key IDs, secrets, signatures and tokens', () => {
    const text = [
      'Credential=AKIAIOSFODNN7EXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request',
      'Signature=' + 'a'.repeat(64),
      'key ASIAIOSFODNN7EXAMPLE',
      'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN',
      'X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&x=1',
      '"SecretAccessKey": "abc"',
      'token ' + 'Ab1'.repeat(60),
      'secret=Xk7pQ2mN9vB4cR8tY1wE5uI3oP6aS0dF7gH2jK4l',
    ].join('\n');
    // A bare secret after a word is recognised because it is the session's own (registered), not by its shape.
    const secrets = new SessionSecrets();
    secrets.register('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'Ab1'.repeat(60));
    const redacted = redactSecrets(text, secrets);
    for (const secret of ['IOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'aaaaaaaa', 'IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdz', '"abc"', 'Ab1Ab1Ab1', 'Xk7pQ2mN9vB4']) {
      assert.ok(!redacted.includes(secret), `${secret} left in ${redacted}`);
    }
    assert.match(redacted, /key ASIA…MPLE/, 'masked as the connection report masks it: the prefix tells a temporary key from a long-term one');
  });

  it('leaves ordinary text, IDs and hex hashes alone', () => {
    const text = 'Started task-0123456789abcd for eng-0123456789abcd; sha1 0123456789abcdef0123456789abcdef01234567; the signature we calculated';
    assert.equal(redactSecrets(text), text);
  });
});
