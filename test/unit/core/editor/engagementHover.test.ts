import * as assert from 'node:assert/strict';
import { commandUri, hoverMarkdown, outcomesFromTasks, type HoverLinks } from '../../../../src/core/editor';
import type { TaskRecord } from '../../../../src/core/tasks';

const A = 'eng-aaaaaaaaaaaaaa';
const B = 'eng-bbbbbbbbbbbbbb';
const links: HoverLinks = { startTask: commandUri('partnerCentral.startWithEngagement', [A, 'untitled:Untitled-1']), revealTask: commandUri('partnerCentral.revealTask', ['Sandbox', 'task-00000000000001']) };

const record: TaskRecord = {
  taskId: 'task-00000000000001', catalog: 'Sandbox', taskName: 'Leads [Q4]', startTime: '2026-11-29T10:00:00.000Z', endTime: '2026-11-29T10:05:30.000Z',
  totalCount: 2, completedCount: 1, failedCount: 1,
  engagements: [
    { engagementId: A, status: 'COMPLETED', engagementContextId: 'ctx-aaaaaaaaaaaaa1' },
    { engagementId: B, status: 'FAILED', reasonCode: 'INVALID_STATE', message: 'The engagement is closed.' },
  ],
};
const outcomes = outcomesFromTasks([record]);

describe('hover markdown', () => {
  it('completed: title and company, context id, task and when, and both links', () => {
    const text = hoverMarkdown({ id: A, catalog: 'Sandbox', title: { kind: 'found', title: 'Cloud *migration*', company: 'Example Corp.' }, outcome: outcomes.get(A) }, links);
    assert.equal(text.split('\n')[0], `**${A}** · Sandbox`);
    assert.match(text, /^Cloud \\\*migration\\\* — Example Corp\\\.$/m, 'service text is escaped');
    assert.match(text, /^\$\(pass\) \*\*Prospected\*\*: `ctx-aaaaaaaaaaaaa1`$/m);
    assert.match(text, /^Task "Leads \\\[Q4\\\]" \(`task-00000000000001`\), finished 2026-11-29 10:05 UTC\.$/m);
    assert.ok(text.includes(`[Start Prospecting Task with This ID](command:partnerCentral.startWithEngagement?${encodeURIComponent(JSON.stringify([A, 'untitled:Untitled-1']))})`));
    assert.ok(text.includes(`[Show in Prospecting Tasks](command:partnerCentral.revealTask?${encodeURIComponent('["Sandbox","task-00000000000001"]')})`));
  });

  it('failed: reason code and message', () => {
    const text = hoverMarkdown({ id: B, catalog: 'Sandbox', title: { kind: 'found', title: 'Old deal' }, outcome: outcomes.get(B) }, links);
    assert.match(text, /^\$\(error\) \*\*Failed\*\*: `INVALID_STATE` — The engagement is closed\\\.$/m);
    assert.match(text, /^Task "Leads \\\[Q4\\\]" \(`task-00000000000001`\), finished 2026-11-29 10:05 UTC\.$/m);
    assert.doesNotMatch(text, / — $/m, 'no company, no dash');
  });

  it('running: since when', () => {
    const running = outcomesFromTasks([{ ...record, endTime: undefined, engagements: undefined, identifiers: [A] }]).get(A);
    const text = hoverMarkdown({ id: A, catalog: 'Sandbox', title: { kind: 'found', title: 'T' }, outcome: running }, links);
    assert.match(text, /^\$\(sync\) \*\*Running\*\*$/m);
    assert.match(text, /^Task "Leads \\\[Q4\\\]" \(`task-00000000000001`\), started 2026-11-29 10:00 UTC\.$/m);
  });

  it('unknown: not prospected, not in the catalog, and only the start link', () => {
    const text = hoverMarkdown({ id: A, catalog: 'AWS', title: { kind: 'notFound' } }, { startTask: links.startTask });
    assert.match(text, /\*Not found in the AWS catalog\.\*/);
    assert.match(text, /Not prospected in any AWS task this account knows\./);
    assert.doesNotMatch(text, /Show in Prospecting Tasks/);
  });

  it('a title that could not be looked up says why', () => {
    const text = hoverMarkdown({ id: A, catalog: 'Sandbox', title: { kind: 'unavailable', why: 'no credentials' } }, links);
    assert.match(text, /\*Title not available: no credentials\*/);
  });

  it('a title cannot pass for markup or a theme icon', () => {
    const text = hoverMarkdown({ id: A, catalog: 'Sandbox', title: { kind: 'found', title: '$(alert) [click](command:evil)' } }, links);
    assert.ok(text.includes('\\$\\(alert\\) \\[click\\]\\(command:evil\\)'), text);
  });

  it('local times come from the formatter given', () => {
    const text = hoverMarkdown({ id: A, catalog: 'Sandbox', title: { kind: 'notFound' }, outcome: outcomes.get(A) }, links, () => 'yesterday');
    assert.match(text, /\(`task-00000000000001`\), finished yesterday\./);
  });
});
