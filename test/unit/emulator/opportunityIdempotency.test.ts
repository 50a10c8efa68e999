import * as assert from 'node:assert/strict';
import { ListOpportunityFromEngagementTasksCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import * as fc from 'fast-check';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';
import { opportunityCandidates, prospect, startOpportunity } from './opportunitySupport';

const TOKENS = 6;
const FAULTS = ['none', 'drop', 'internal'] as const;

interface Call {
  token: number;
  /** Which of two inputs (they differ in Tags) the call sends with its token. */
  variant: number;
  fault: (typeof FAULTS)[number];
}

/** What the emulator must have done: the accepted input and task of each token, the tasks of each context. */
interface Model {
  bound: Map<number, { variant: number; taskId: string }>;
  tasksPerContext: Map<number, { taskId: string; failed: boolean }[]>;
}

describe('emulator: StartOpportunityFromEngagementTask idempotency (property)', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let engagements: string[];
  /** Engagements 0-2 become opportunities; 3 always fails. */
  const FAILING_CONTEXT = 3;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 120, taskDurationSeconds: 0 });
    // Retries ride through the injected drops and 500s, as the extension's client does.
    client = emulator.client({ maxAttempts: 3 });
    const { succeeding, failing } = await opportunityCandidates(emulator.endpoint, 'Sandbox');
    engagements = [...succeeding.slice(0, 3), failing[0]];
    assert.ok(engagements.length === 4 && engagements.every(Boolean), 'three engagements that become opportunities, one that cannot');
  });
  after(() => emulator.close());

  it('any sequence of Starts with repeated and reordered tokens, under drops and 500s, makes one task per accepted token and never two opportunities for one context', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: engagements.length - 1 }), { minLength: TOKENS, maxLength: TOKENS }),
        fc.array(fc.record({ token: fc.nat(TOKENS - 1), variant: fc.nat(1), fault: fc.constantFrom(...FAULTS) }), { minLength: 1, maxLength: 14 }),
        async (contextOfToken: number[], calls: Call[]) => {
          await emulator.reset();
          const contexts = await prospect(client, 'Sandbox', engagements);
          const model: Model = { bound: new Map(), tasksPerContext: new Map() };

          for (const call of calls) {
            const index = contextOfToken[call.token];
            const engagement = engagements[index];
            if (call.fault !== 'none') await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: call.fault });
            const outcome = await startOpportunity(client, {
              Catalog: 'Sandbox',
              Identifier: engagement,
              ContextIdentifier: contexts.get(engagement),
              ClientToken: `token-${call.token}`,
              Tags: [{ Key: 'variant', Value: String(call.variant) }],
            }).then(
              (out) => ({ taskId: out.TaskId ?? '', error: undefined }),
              (error: Error) => ({ taskId: undefined, error: error.name }),
            );

            const bound = model.bound.get(call.token);
            const tasks = model.tasksPerContext.get(index) ?? [];
            if (bound) {
              if (bound.variant === call.variant) assert.deepEqual(outcome, { taskId: bound.taskId, error: undefined }, 'a replay answers the same task');
              else assert.deepEqual(outcome, { taskId: undefined, error: 'ConflictException' }, 'a token reused for another input');
            } else if (tasks.some((task) => !task.failed)) {
              assert.deepEqual(outcome, { taskId: undefined, error: 'ConflictException' }, 'the context already became an opportunity');
            } else {
              assert.equal(outcome.error, undefined, `a new task: ${outcome.error}`);
              model.bound.set(call.token, { variant: call.variant, taskId: outcome.taskId ?? '' });
              model.tasksPerContext.set(index, [...tasks, { taskId: outcome.taskId ?? '', failed: index === FAILING_CONTEXT }]);
            }
          }

          const counts = await emulator.counts();
          assert.deepEqual(
            counts.opportunityTasksPerClientToken,
            Object.fromEntries([...model.bound.keys()].map((token) => [`token-${token}`, 1])),
            'exactly one task per accepted token',
          );
          assert.deepEqual(
            counts.opportunityTasksPerContext,
            Object.fromEntries([...model.tasksPerContext].map(([index, tasks]) => [`Sandbox/${engagements[index]}/${contexts.get(engagements[index])}`, tasks.length])),
          );
          const listed = (await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 1000 }))).TaskSummaries ?? [];
          assert.equal(listed.length, model.bound.size);
          for (const engagement of engagements) {
            const opportunities = listed.filter((task) => task.EngagementId === engagement && task.OpportunityId !== undefined);
            assert.ok(opportunities.length <= 1, `${engagement}: ${opportunities.length} opportunities from one context`);
          }
        },
      ),
      propertyRuns(25),
    );
  });
});
