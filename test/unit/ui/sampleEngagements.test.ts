import * as assert from 'node:assert/strict';
import { SAMPLE_MALFORMED_IDS, SAMPLE_UNKNOWN_IDS, fetchSampleEngagements, sampleCsv } from '../../../src/ui/localEmulator/sampleEngagements';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

describe('local emulator: sample engagements (src/ui/localEmulator/sampleEngagements.ts)', () => {
  let emulator: TestEmulator;
  before(async () => {
    emulator = await startTestEmulator({ engagementsPerCatalog: 60, seed: 7 });
  });
  after(() => emulator.close());

  it("lists the running emulator's engagements that succeed and fail, then unknown and malformed IDs", async () => {
    const sample = await fetchSampleEngagements(emulator.endpoint, 5, 2);
    assert.equal(sample.succeeding.length, 5);
    assert.equal(sample.failing.length, 2);
    assert.ok(sample.failing.every((e) => e.reasonCode), 'A failing engagement has no reason code');
    const lines = sampleCsv(sample).trimEnd().split('\n');
    assert.equal(lines[0], 'engagement_id,title,expect');
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), [
      ...sample.succeeding.map((e) => e.id),
      ...sample.failing.map((e) => e.id),
      ...SAMPLE_UNKNOWN_IDS,
      ...SAMPLE_MALFORMED_IDS,
    ]);
    assert.ok(lines.slice(1, 6).every((line) => line.endsWith(',prospected')));
    assert.match(lines[6]!, new RegExp(`,fails \\(${sample.failing[0]!.reasonCode}\\)$`));
  });

  it('quotes titles that hold commas or quotes, so each row keeps three fields', () => {
    const csv = sampleCsv({ succeeding: [{ id: 'eng-aaaaaaaaaaaaaa', title: 'Acme, "big" deal' }], failing: [] });
    assert.equal(csv.split('\n')[1], 'eng-aaaaaaaaaaaaaa,"Acme, ""big"" deal",prospected');
  });

  it('says which request failed when the endpoint is not the emulator', async () => {
    await assert.rejects(fetchSampleEngagements(`${emulator.endpoint}/nowhere`), /The local emulator answered 4\d\d to GET \/__emulator\/engagements\?limit=8/);
  });
});
