import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listProspectingTasks } from '../../../../src/aws/prospectingTasks';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from '../../aws/awsTestEnvironment';
import { CapturingLog, LIST, RecordingState, makeSessions } from './sessionKit';

describe("A profile chosen in the settings sends calls to that profile's endpoint_url", function () {
  this.timeout(30_000);
  let profileEmulator: TestEmulator;
  let folder: string;
  let restoreEnvironment: () => void;
  const saved = { AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE };

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    profileEmulator = await startTestEmulator({ throttle: false });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-profile-endpoint-'));
    fs.writeFileSync(path.join(folder, 'config'), `[profile emulated]\nregion = us-east-1\nendpoint_url = ${profileEmulator.endpoint}\n`);
    fs.writeFileSync(path.join(folder, 'credentials'), `[emulated]\naws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}\n`);
    process.env.AWS_CONFIG_FILE = path.join(folder, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(folder, 'credentials');
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING;
    delete process.env.AWS_ENDPOINT_URL;
  });
  after(async () => {
    await profileEmulator.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    restoreEnvironment();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('resolves the identity at that endpoint and reaches it, not production', async () => {
    const sessions = makeSessions(new RecordingState(), new CapturingLog());
    try {
      const session = await sessions.switchTo({ region: 'us-east-1', profile: 'emulated' });
      assert.equal(session.identity.endpoint.replace(/\/$/, ''), profileEmulator.endpoint.replace(/\/$/, ''));
      await listProspectingTasks(session.client, { catalog: 'Sandbox', maxResults: 1 });
      const counts = await profileEmulator.counts();
      assert.equal(counts.requestsPerOperation[LIST], 1, 'the List reached the profile\'s endpoint');
    } finally {
      sessions.dispose();
    }
  });
});
