import * as assert from 'node:assert/strict';
import { explainError, formatExplanation } from '../../../src/core/errorExplanations';
import { classifyAttemptFailure, isOutcomeUnknown } from '../../../src/core/requestReach';
import { ATTEMPT_REACHES_PROPERTY, viewSdkError } from '../../../src/core/sdkErrorView';

const connectTimeout = (): Error =>
  Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), { name: 'TimeoutError' });
const requestTimeout = (): Error =>
  Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 15000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
const nodeError = (code: string, message = code): Error => Object.assign(new Error(message), { code });
const service = (name: string, status: number): Error => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status, attempts: 1 } });

describe('whether a failed request may have reached the service', () => {
  it('classifies each attempt: never sent, answered definitively, or unanswered after sending', () => {
    const cases: Array<[string, unknown, string]> = [
      ['ECONNREFUSED', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'notSent'],
      ['ENOTFOUND', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND x.invalid'), 'notSent'],
      ['EAI_AGAIN', nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN x'), 'notSent'],
      ['connect timeout', connectTimeout(), 'notSent'],
      ['invalid URL', Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }), 'notSent'],
      ['invalid region', new Error('Region not accepted: region="x y" is not a valid hostname component.'), 'notSent'],
      ['credentials', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'notSent'],
      ['request timeout', requestTimeout(), 'unanswered'],
      ['reset', Object.assign(nodeError('ECONNRESET', 'socket hang up'), { name: 'TimeoutError' }), 'unanswered'],
      ['5xx', service('InternalServerException', 500), 'unanswered'],
      ['503', service('ServiceUnavailable', 503), 'unanswered'],
      ['unreadable 200', Object.assign(new SyntaxError('Unexpected end of JSON input'), { $metadata: { httpStatusCode: 200 } }), 'unanswered'],
      ['4xx', service('ValidationException', 400), 'answered'],
      ['throttled', service('ThrottlingException', 429), 'answered'],
    ];
    for (const [label, error, expected] of cases) assert.equal(classifyAttemptFailure(viewSdkError(error)), expected, label);
  });

  it('is unknown when any attempt was unanswered, even if the last one failed before sending', () => {
    const refused = Object.assign(nodeError('ECONNREFUSED'), { [ATTEMPT_REACHES_PROPERTY]: ['unanswered', 'notSent'] });
    assert.equal(isOutcomeUnknown(refused), true);
    const refusedTwice = Object.assign(nodeError('ECONNREFUSED'), { [ATTEMPT_REACHES_PROPERTY]: ['notSent', 'notSent'] });
    assert.equal(isOutcomeUnknown(refusedTwice), false);
    const throttledAfterTimeout = Object.assign(service('ThrottlingException', 429), { [ATTEMPT_REACHES_PROPERTY]: ['unanswered', 'answered'] });
    assert.equal(isOutcomeUnknown(throttledAfterTimeout), true);
    const cancelledBeforeSending = Object.assign(new Error('The call was cancelled'), { name: 'AbortError', [ATTEMPT_REACHES_PROPERTY]: [] });
    assert.equal(isOutcomeUnknown(cancelledBeforeSending), false);
  });

  it('judges an error without attempt records by itself', () => {
    assert.equal(isOutcomeUnknown(nodeError('ECONNREFUSED')), false);
    assert.equal(isOutcomeUnknown(requestTimeout()), true);
    assert.equal(isOutcomeUnknown(service('AccessDeniedException', 403)), false);
    assert.equal(isOutcomeUnknown(service('InternalServerException', 500)), true);
  });
});

describe('explaining timeouts, cancellations and settings', () => {
  it('a per-attempt timeout says how long was waited and what to check', () => {
    const e = explainError(Object.assign(requestTimeout(), { $metadata: { attempts: 3 } }));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.title, 'Partner Central did not answer within 15 s');
    assert.match(e.detail, /Tried 3 times/);
    assert.match(e.fixes.join(' '), /proxy, VPN or firewall/);
    assert.match(e.fixes.join(' '), /partnerCentral\.endpoint/);
    assert.match(e.fixes.join(' '), /Re-send uses its ClientToken again, so no second task is created/);
  });

  it("a call's deadline, reached mid-attempt (an abort whose reason is the deadline), is a timeout", () => {
    const deadline = Object.assign(new Error('no answer'), { name: 'CallTimeoutError', $callTimeoutMs: 45_000 });
    const aborted = Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: deadline });
    for (const error of [deadline, aborted]) {
      const e = explainError(error);
      assert.equal(e.kind, 'timeout');
      assert.equal(e.title, 'Partner Central did not answer within 45 s');
    }
  });

  it('a cancellation is no failure of the service', () => {
    const e = explainError(Object.assign(new Error('The call was cancelled'), { name: 'AbortError' }));
    assert.equal(e.kind, 'cancelled');
    assert.doesNotMatch(formatExplanation(e), /unknown|Unexpected/i);
  });

  it('an invalid region or endpoint URL names the setting to correct', () => {
    const region = explainError(new Error('Region not accepted: region="eu west" is not a valid hostname component.'));
    assert.equal(region.kind, 'config');
    assert.match(region.fixes.join(' '), /partnerCentral\.region/);
    const endpoint = explainError(Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }));
    assert.equal(endpoint.kind, 'config');
    assert.match(endpoint.fixes.join(' '), /partnerCentral\.endpoint/);
  });

  it('a connection lost after sending is told apart from an unreachable endpoint', () => {
    const lost = explainError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' }));
    assert.equal(lost.kind, 'network');
    assert.match(lost.title, /lost before its answer/);
    assert.match(lost.fixes.join(' '), /Re-send uses its ClientToken again, so no second task is created/);
    const refused = explainError(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'));
    assert.match(refused.title, /isn't reachable/);
    assert.match(refused.detail, /Nothing was sent/);
  });

  it('an unreadable answer is not "unexpected"', () => {
    const e = explainError(Object.assign(new SyntaxError('Unterminated string in JSON at position 238\n  Deserialization error: …'), { $metadata: { httpStatusCode: 200 } }));
    assert.equal(e.kind, 'serverError');
    assert.equal(e.title, "Partner Central's answer could not be read");
  });
});

describe('explaining credential errors without a profile file', () => {
  it("the SSO portal's refusal of an expired token names the login command of the profile the client used", () => {
    const error = Object.assign(new Error('Session token not found or invalid'), { name: 'UnauthorizedException', $profile: 'partner-sso' });
    const e = explainError(error);
    assert.equal(e.authCase, 'ssoExpired');
    assert.match(e.fixes[0], /aws sso login --profile partner-sso/);
  });
});
