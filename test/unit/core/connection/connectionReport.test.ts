import * as assert from 'node:assert/strict';
import { maskAccessKeyId } from '../../../../src/core/connection/accessKeyMask';
import { buildConnectionReport } from '../../../../src/core/connection/connectionReport';
import { describeConnection, isLocalEndpoint } from '../../../../src/core/connection/connectionLabel';
import { accountIdFromArn } from '../../../../src/core/connection/partnerAccount';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const ARN = 'arn:aws:partnercentral-selling:us-east-1:123456789012:catalog/Sandbox/prospecting-from-engagement-task/task-0123456789abcd';

function accessDenied(): Error {
  return Object.assign(new Error('User is not authorized to perform partnercentral:ListProspectingFromEngagementTasks'), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403, requestId: 'req-1' },
  });
}

describe('Test Connection report', () => {
  it('masks an access key ID to its first and last four characters', () => {
    assert.equal(maskAccessKeyId(KEY), 'AKIA…MPLE');
    assert.equal(maskAccessKeyId('ASIAXXXXXXXXXXXXWXYZ'), 'ASIA…WXYZ');
    assert.equal(maskAccessKeyId('short'), '(set, too short to show)');
  });

  it('reads the partner account from a task ARN, and nothing from anything else', () => {
    assert.equal(accountIdFromArn(ARN), '123456789012');
    assert.equal(accountIdFromArn('arn:aws:partnercentral-selling:us-east-1:12345:catalog/x'), undefined);
    assert.equal(accountIdFromArn('task-0123456789abcd'), undefined);
    assert.equal(accountIdFromArn(undefined), undefined);
  });

  it('reports every catalog, the endpoint, the profile and the masked key, never the key itself', () => {
    const report = buildConnectionReport({
      profile: 'partner-prod',
      profileKind: 'sso',
      region: 'us-east-1',
      endpoint: { url: 'http://127.0.0.1:8899', source: 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING' },
      requestedUrl: 'http://127.0.0.1:8899',
      accessKeyId: KEY,
      catalogs: [
        { catalog: 'Sandbox', tasks: 1, taskArn: ARN },
        { catalog: 'AWS', error: accessDenied() },
      ],
    });
    assert.equal(report.ok, false);
    assert.equal(report.accountId, '123456789012');
    assert.equal(report.summary, 'Connection test failed (partner-prod, account 123456789012): Sandbox ✓; AWS ✗ Access denied');
    const text = report.lines.join('\n');
    assert.ok(!text.includes(KEY), 'the full access key ID must never be shown');
    assert.deepEqual(report.lines.slice(0, 7), [
      'Partner Central connection test',
      '  Credentials: profile partner-prod (SSO)',
      '  Access key ID: AKIA…MPLE',
      '  Region: us-east-1',
      '  Endpoint: http://127.0.0.1:8899 (from the AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING environment variable)',
      '  Partner account: 123456789012',
      '  Sandbox: OK (ListProspectingFromEngagementTasks answered, tasks listed)',
    ]);
    assert.match(report.lines[7], /^ {2}AWS: FAILED — Access denied: User is not authorized .* \(request id req-1\)$/);
    assert.match(report.lines[8], /^ {4}- Review the IAM policies/);
  });

  it('says when credentials failed and where requests went when that differs from the configured endpoint', () => {
    const noCredentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const report = buildConnectionReport({
      region: 'us-east-1',
      endpoint: { source: 'default' },
      requestedUrl: 'https://partnercentral-selling.us-east-1.api.aws',
      credentialsError: noCredentials,
      catalogs: [{ catalog: 'Sandbox', error: noCredentials }, { catalog: 'AWS', error: noCredentials }],
    });
    assert.equal(report.ok, false);
    assert.match(report.lines[1], /default credential chain/);
    assert.equal(report.lines[2], '  Access key ID: none (credentials failed)');
    assert.equal(report.lines[4], '  Endpoint: https://partnercentral-selling.us-east-1.api.aws (the service default)');
    assert.equal(report.lines[5], '  Requests went to: https://partnercentral-selling.us-east-1.api.aws');
    assert.equal(report.lines[6], '  Partner account: not known (no task in the answers names it)');
    assert.match(report.lines[7], /^ {2}Credentials failed: No AWS credentials found: /);
    assert.equal(report.summary, 'Connection test failed (default chain): Sandbox ✗ No AWS credentials found; AWS ✗ No AWS credentials found');
  });

  it('is ok only when every catalog answered', () => {
    const report = buildConnectionReport({
      region: 'us-east-1',
      endpoint: { url: 'http://localhost:1', source: 'setting' },
      accessKeyId: KEY,
      catalogs: [{ catalog: 'Sandbox', tasks: 0 }, { catalog: 'AWS', tasks: 0 }],
    });
    assert.equal(report.ok, true);
    assert.equal(report.summary, 'Connection works (default chain): Sandbox ✓; AWS ✓');
    assert.ok(report.lines.includes('  AWS: OK (ListProspectingFromEngagementTasks answered, no tasks yet)'));
  });
});

describe('Connection item text', () => {
  const base = { region: 'us-east-1', catalog: 'Sandbox', health: { status: 'unknown' as const } };

  it('names the profile, or the default chain, and the catalog', () => {
    assert.equal(describeConnection({ ...base, profile: 'partner-prod', endpoint: { source: 'default' } }).text, 'partner-prod · Sandbox');
    assert.equal(describeConnection({ ...base, catalog: 'AWS', endpoint: { source: 'default' } }).text, 'default chain · AWS');
  });

  it('names the local emulator when calls go to this machine', () => {
    const local = describeConnection({ ...base, endpoint: { url: 'http://127.0.0.1:8899', source: 'setting' } });
    assert.equal(local.text, 'Local emulator · Sandbox');
    assert.ok(local.tooltip.includes('Endpoint: http://127.0.0.1:8899 (from the partnerCentral.endpoint setting)'));
    assert.equal(isLocalEndpoint('http://localhost:1'), true);
    assert.equal(isLocalEndpoint('http://[::1]:1'), true);
    assert.equal(isLocalEndpoint('https://partnercentral-selling.us-east-1.api.aws'), false);
    assert.equal(isLocalEndpoint('not a url'), false);
  });

  it('gives the reason in the tooltip when credentials failed', () => {
    const failed = describeConnection({ ...base, profile: 'p', endpoint: { source: 'default' }, health: { status: 'failed', reason: 'Not signed in.' } });
    assert.ok(failed.tooltip.includes('Credentials failed: Not signed in.'), failed.tooltip.join('\n'));
  });

  it('says where nothing is sent when the AWS configuration cannot be used', () => {
    const reason = '/home/me/.aws/config, line 3: "endpoint_url" is followed by ":" instead of "=". Write it as "endpoint_url = …". No Partner Central call is made until then.';
    const unusable = describeConnection({ ...base, profile: 'p', endpoint: { source: 'unusable' }, health: { status: 'failed', reason } });
    assert.ok(unusable.tooltip.includes('Endpoint: none: the AWS configuration cannot be used, so nothing is sent'), unusable.tooltip.join('\n'));
    assert.ok(unusable.tooltip.includes(`The AWS configuration cannot be used: ${reason}`), unusable.tooltip.join('\n'));
    assert.ok(!unusable.tooltip.some((line) => line.includes('service default')));
  });
});
