import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { opportunityEligibility } from '../../../../src/core/opportunities/eligibility';
import { checkOpportunityIntent } from '../../../../src/core/opportunities/intentCheck';
import { type PendingOpportunity, planOpportunityResume } from '../../../../src/core/opportunities/pendingOpportunities';
import { writeQuotaFloorMs } from '../../../../src/core/opportunities/opportunityPacing';
import { type OpportunityTaskRow, deriveOpportunityTaskState } from '../../../../src/core/opportunities/opportunityTaskRow';
import { explainOpportunityCallError } from '../../../../src/core/opportunities/startErrorExplanations';
import { type EngagementStatus, type TaskRecord } from '../../../../src/core/tasks/taskRecord';
import { propertyRuns } from '../../../support/propertyRuns';

const id = (n: number): string => `eng-${String(n).padStart(14, '0')}`;

function task(taskId: string, startTime: string, engagements: Array<[number, EngagementStatus, string?]>): TaskRecord {
  return {
    taskId,
    catalog: 'Sandbox',
    taskName: `Task ${taskId}`,
    startTime,
    totalCount: engagements.length,
    completedCount: 0,
    failedCount: 0,
    identifiers: engagements.map(([n]) => id(n)),
    engagements: engagements.map(([n, status, contextId]) => ({
      engagementId: id(n),
      status,
      ...(contextId ? { engagementContextId: contextId } : {}),
      ...(status === 'FAILED' ? { reasonCode: 'InsufficientData', message: 'No customer website' } : {}),
    })),
  };
}

describe('Create Opportunities: eligibility and the intent check', () => {
  it('takes the engagements whose prospecting completed with a context, and names every other one with why', () => {
    const { eligible, leftOut } = opportunityEligibility([
      task('t1', '2026-12-01T00:00:00Z', [[1, 'COMPLETED', 'ctx-1'], [2, 'FAILED'], [3, 'IN_PROGRESS'], [4, 'COMPLETED']]),
    ], [id(1), id(2), id(3), id(4), id(5)]);
    assert.deepEqual(eligible.map((candidate) => [candidate.engagementId, candidate.contextId, candidate.taskId]), [[id(1), 'ctx-1', 't1']]);
    assert.deepEqual(leftOut.map((entry) => [entry.engagementId, entry.reason]), [
      [id(2), 'prospectingFailed'],
      [id(3), 'prospectingRunning'],
      [id(4), 'noContext'],
      [id(5), 'notProspected'],
    ]);
    assert.match(leftOut[0].why, /InsufficientData: No customer website/);
  });

  it('uses the newest completed context of an engagement prospected twice, and a completed one over a newer failure', () => {
    const { eligible } = opportunityEligibility([
      task('old', '2026-12-01T00:00:00Z', [[1, 'COMPLETED', 'ctx-old'], [2, 'COMPLETED', 'ctx-2']]),
      task('new', '2026-12-02T00:00:00Z', [[1, 'COMPLETED', 'ctx-new'], [2, 'FAILED']]),
    ]);
    assert.deepEqual(eligible.map((candidate) => [candidate.engagementId, candidate.contextId]), [[id(1), 'ctx-new'], [id(2), 'ctx-2']]);
  });

  it('property: every selected engagement is either eligible or named, once, never both', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.constantFrom<EngagementStatus>('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'), fc.boolean()), { maxLength: 30 }),
        fc.array(fc.nat(25), { maxLength: 30 }),
        (rows, selected) => {
          const records = [task('t', '2026-12-01T00:00:00Z', rows.map(([n, status, hasContext]) => [n, status, hasContext ? `ctx-${n}` : undefined]))];
          const selection = selected.map(id);
          const { eligible, leftOut } = opportunityEligibility(records, selection);
          const named = [...eligible.map((entry) => entry.engagementId), ...leftOut.map((entry) => entry.engagementId)].sort();
          assert.deepEqual(named, [...new Set(selection)].sort());
          for (const candidate of eligible) assert.ok(candidate.contextId);
        },
      ),
      propertyRuns(),
    );
  });

  it('leaves out a context with a pending start, a running task or an opportunity, naming the task; a failed task does not block', () => {
    const candidates = [1, 2, 3, 4, 5].map((n) => ({ catalog: 'Sandbox', engagementId: id(n), contextId: `ctx-${n}`, taskId: 't', taskName: 'T' }));
    const row = (n: number, status: OpportunityTaskRow['status'], extra: Partial<OpportunityTaskRow> = {}): OpportunityTaskRow => ({
      taskId: `oit-${n}`, catalog: 'Sandbox', engagementId: id(n), contextId: `ctx-${n}`, status, ...extra,
    });
    const check = checkOpportunityIntent(
      candidates,
      [row(2, 'IN_PROGRESS'), row(3, 'COMPLETE', { opportunityId: 'O123' }), row(4, 'FAILED')],
      [{ clientToken: 'tok', catalog: 'Sandbox', engagementId: id(1), contextId: 'ctx-1', createdAt: '2026-12-01T00:00:00Z' }],
    );
    assert.deepEqual(check.start.map((candidate) => candidate.engagementId), [id(4), id(5)]);
    assert.deepEqual(check.leftOut.map((entry) => [entry.engagementId, entry.reason, entry.taskId]), [
      [id(1), 'hasPendingStart', undefined],
      [id(2), 'hasOpportunityTask', 'oit-2'],
      [id(3), 'hasOpportunityTask', 'oit-3'],
    ]);
    assert.match(check.leftOut[2].why, /already became opportunity O123/);
  });
});

describe('Create Opportunities: task rows, pacing and explanations', () => {
  it('a row shows its opportunity, that it runs, or its failure with the fix', () => {
    const base = { taskId: 'oit-a', catalog: 'Sandbox', engagementId: id(1), contextId: 'c' };
    assert.deepEqual(deriveOpportunityTaskState({ ...base, status: 'COMPLETE', opportunityId: 'O42' }), { kind: 'created', label: 'Opportunity O42', opportunityId: 'O42' });
    assert.equal(deriveOpportunityTaskState({ ...base, status: 'IN_PROGRESS' }).kind, 'running');
    const failed = deriveOpportunityTaskState({ ...base, status: 'FAILED', reasonCode: 'OpportunityConflict', message: 'An opportunity for this customer already exists.' });
    assert.ok(failed.kind === 'failed');
    assert.match(failed.explanation.detail, /OpportunityConflict\. An opportunity for this customer/);
    assert.match(failed.explanation.fixes[0], /Update the existing opportunity/);
    const unknown = deriveOpportunityTaskState({ ...base, status: 'FAILED', reasonCode: 'SomethingNew' });
    assert.ok(unknown.kind === 'failed' && unknown.explanation.fixes.length === 1);
    assert.equal(deriveOpportunityTaskState({ ...base, status: 'COMPLETE' }).kind, 'failed', 'COMPLETE without an ID is not shown as an empty opportunity');
  });

  it('the write quota floor of N starts is (N-1) seconds', () => {
    assert.equal(writeQuotaFloorMs(200), 199_000);
    assert.equal(writeQuotaFloorMs(1), 0);
  });

  it('a ConflictException names the existing task and opportunity, and the fix is to follow it', () => {
    const error = Object.assign(new Error('Context ctx-1 of engagement eng-00000000000001 already became opportunity O1234567890 (task oit-abcdefghij123).'), {
      name: 'ConflictException',
      $metadata: { httpStatusCode: 409 },
    });
    const explanation = explainOpportunityCallError(error, { catalog: 'Sandbox', engagementId: 'eng-00000000000001' });
    assert.equal(explanation.kind, 'conflict');
    assert.equal(explanation.existingTaskId, 'oit-abcdefghij123');
    assert.equal(explanation.existingOpportunityId, 'O1234567890');
    assert.match(explanation.fixes[0], /Follow task oit-abcdefghij123/);
  });

  it('throttling, access denied and not found get this call\'s fix', () => {
    const err = (name: string, status: number): Error => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
    assert.match(explainOpportunityCallError(err('ThrottlingException', 429)).fixes[0], /1 StartOpportunityFromEngagementTask per second/);
    assert.match(explainOpportunityCallError(err('AccessDeniedException', 403)).fixes[0], /partnercentral:StartOpportunityFromEngagementTask/);
    assert.match(explainOpportunityCallError(err('ResourceNotFoundException', 404)).fixes.join(' '), /EngagementContextId a completed prospecting task/);
    assert.match(explainOpportunityCallError(err('ValidationException', 400)).fixes[0], /ClientToken of 1 to 255/);
  });
});

describe('Create Opportunities: pending starts after a reload', () => {
  it('re-sends recent Sandbox starts, asks before production ones, and never re-sends one over a day old by itself', () => {
    const now = Date.parse('2026-12-08T12:00:00Z');
    const entry = (clientToken: string, catalog: string, createdAt: string): PendingOpportunity => ({ clientToken, catalog, engagementId: id(1), contextId: 'c', createdAt });
    const plan = planOpportunityResume(
      [entry('a', 'Sandbox', '2026-12-08T11:00:00Z'), entry('b', 'AWS', '2026-12-08T11:00:00Z'), entry('c', 'Sandbox', '2026-12-06T11:00:00Z'), entry('d', 'AWS', 'garbled')],
      now,
    );
    assert.deepEqual(
      { resend: plan.resend.map((p) => p.clientToken), confirm: plan.confirm.map((p) => p.clientToken), stale: plan.stale.map((p) => p.clientToken) },
      { resend: ['a'], confirm: ['b'], stale: ['c', 'd'] },
    );
  });
});
