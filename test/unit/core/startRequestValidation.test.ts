import * as assert from 'node:assert/strict';
import { validateStartRequest } from '../../../src/core/startRequestValidation';
import { validateTaskName } from '../../../src/core/taskNames';

const ID = 'eng-0123456789abcd';

describe('validateTaskName', () => {
  it('accepts 1 to 128 characters', () => {
    assert.equal(validateTaskName('a'), undefined);
    assert.equal(validateTaskName('x'.repeat(128)), undefined);
  });
  it('says the limit and the current length', () => {
    assert.equal(validateTaskName('x'.repeat(129)), 'Task name is 129 characters long; the limit is 128.');
    assert.match(validateTaskName('') ?? '', /empty; it needs 1 to 128/);
    assert.match(validateTaskName('   ') ?? '', /only spaces/);
  });
});

describe('validateStartRequest', () => {
  const valid = { catalog: 'Sandbox', clientToken: 'token-1', identifiers: [ID], taskName: 'Leads' };

  it('accepts a valid request, including zero identifiers', () => {
    assert.deepEqual(validateStartRequest(valid), []);
    assert.deepEqual(validateStartRequest({ ...valid, catalog: 'AWS', identifiers: [] }), []);
  });

  it('names each bad field as the API does', () => {
    const problems = validateStartRequest({
      catalog: 'aws',
      clientToken: '',
      identifiers: [ID, 'ENG-0123456789ABCD', ID],
      taskName: 'x'.repeat(200),
    });
    assert.deepEqual(problems.map((problem) => problem.field), ['Catalog', 'ClientToken', 'Identifiers[1]', 'Identifiers[2]', 'TaskName']);
    assert.match(problems[3].message, /duplicate of Identifiers\[0\]/);
  });

  it('limits identifiers to 100 and the token to 255 characters', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `eng-${String(i).padStart(14, '0')}`);
    assert.deepEqual(validateStartRequest({ ...valid, identifiers: ids }).map((p) => p.field), ['Identifiers']);
    assert.deepEqual(validateStartRequest({ ...valid, clientToken: 't'.repeat(256) }).map((p) => p.field), ['ClientToken']);
    assert.deepEqual(validateStartRequest({ ...valid, clientToken: 't'.repeat(255) }), []);
  });
});
