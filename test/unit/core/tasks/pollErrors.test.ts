import * as assert from 'node:assert/strict';
import { isThrottlingError } from '../../../../src/core/throttling';
import { shouldReportPollError } from '../../../../src/core/tasks/polling/pollErrors';

function serviceError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode } });
}

describe('shouldReportPollError', () => {
  it('reports only the first error of a run', () => {
    const error = serviceError('InternalServerException', 500);
    assert.deepEqual([1, 2, 3, 10].map((n) => shouldReportPollError(error, n)), [true, false, false, false]);
    const network = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(shouldReportPollError(network, 1), true);
  });

  it('never reports throttling, whatever the run', () => {
    assert.equal(shouldReportPollError(serviceError('ThrottlingException', 429), 1), false);
    assert.equal(shouldReportPollError(serviceError('SomethingNew', 429), 1), false);
    assert.equal(isThrottlingError(serviceError('ThrottlingException', 400)), true);
    assert.equal(isThrottlingError(serviceError('ValidationException', 400)), false);
    assert.equal(isThrottlingError('not an error'), false);
  });
});
