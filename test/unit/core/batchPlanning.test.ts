import * as assert from 'node:assert/strict';
import { planBatches } from '../../../src/core/batchPlanning';
import { DEFAULT_TASK_NAME_TEMPLATE, renderTaskName } from '../../../src/core/taskNameTemplate';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `eng-${String(i).padStart(14, '0')}`);

describe('planBatches', () => {
  it('keeps the name for one batch', () => {
    assert.deepEqual(planBatches(ids(3), 'Leads'), [{ index: 1, total: 1, name: 'Leads', identifiers: ids(3) }]);
    assert.deepEqual(planBatches([], 'Leads'), []);
  });

  it('makes 250 IDs into 100/100/50 named (i/n), none dropped, order kept', () => {
    const batches = planBatches(ids(250), 'Leads');
    assert.deepEqual(batches.map((b) => b.identifiers.length), [100, 100, 50]);
    assert.deepEqual(batches.map((b) => b.name), ['Leads (1/3)', 'Leads (2/3)', 'Leads (3/3)']);
    assert.deepEqual(batches.flatMap((b) => b.identifiers), ids(250));
    assert.deepEqual(batches.map((b) => [b.index, b.total]), [[1, 3], [2, 3], [3, 3]]);
  });

  it('shortens long base names with an ellipsis so every name fits 128', () => {
    const long = 'n'.repeat(200);
    const batches = planBatches(ids(1500), long);
    assert.equal(batches.length, 15);
    for (const batch of batches) assert.ok(batch.name.length <= 128, `${batch.name.length}`);
    assert.ok(batches[0].name.endsWith('… (1/15)'));
    assert.equal(batches[14].name.length, 128);
    assert.equal(planBatches(ids(1), long)[0].name.length, 128);
    // never splits a surrogate pair
    const emoji = '😀'.repeat(100);
    for (const batch of planBatches(ids(200), emoji)) assert.doesNotMatch(batch.name, /[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('honours maxPerTask and rejects impossible sizes', () => {
    assert.deepEqual(planBatches(ids(5), 'x', 2).map((b) => b.identifiers.length), [2, 2, 1]);
    assert.throws(() => planBatches(ids(5), 'x', 0), RangeError);
    assert.throws(() => planBatches(ids(5), 'x', 101), RangeError);
  });
});

describe('renderTaskName', () => {
  const date = new Date(2026, 10, 26, 9, 5);
  const values = { fileName: 'leads.csv', workspaceName: 'acme', date, count: 42, catalog: 'Sandbox', source: 'selection' };

  it('fills every placeholder', () => {
    assert.equal(renderTaskName(DEFAULT_TASK_NAME_TEMPLATE, values), 'leads.csv 2026-11-26');
    assert.equal(
      renderTaskName('${workspaceFolder}/${fileName} ${date} ${time} ${count} IDs ${catalog} ${source}', values),
      'acme/leads.csv 2026-11-26 09:05 42 IDs Sandbox selection',
    );
  });

  it('leaves unknown placeholders, empties missing values, trims and clamps', () => {
    assert.equal(renderTaskName('${nope} ${fileName}', { date, count: 1, catalog: 'AWS' }), '${nope}');
    assert.equal(renderTaskName('  ${fileName}   x  ', values), 'leads.csv x');
    assert.equal(renderTaskName('${fileName}', { date, count: 1, catalog: 'AWS' }), 'Prospecting 2026-11-26');
    const long = renderTaskName('${fileName}', { ...values, fileName: 'f'.repeat(300) });
    assert.equal(long.length, 128);
    assert.ok(long.endsWith('…'));
  });
});
