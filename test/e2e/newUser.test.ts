import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SCREENSHOTS_DIR, TEST_RESULTS_DIR } from '../../scripts/paths';
import { START_FROM_SELECTION_TITLE } from './scenes';
import { WALKTHROUGH_TITLE, newUserToFinishedTask, startNewUserWorkbench, type Camera, type NewUserWorkbench } from './newUser';

/**
 * A user with no AWS account and no credentials goes from nothing to a finished task, through the view's
 * welcome and the walkthrough, against the extension's built-in local emulator. With
 * PARTNER_CENTRAL_E2E_VSIX=<file> the extension is the packaged .vsix installed into code-server.
 * PARTNER_CENTRAL_UPDATE_SCREENSHOTS=1 writes the pictures into media/screenshots and media/walkthrough.
 */
const RESULTS = path.join(TEST_RESULTS_DIR, 'e2e-new-user');

suite('A new user with no AWS account, through the walkthrough', function () {
  let session: NewUserWorkbench | undefined;

  suiteSetup(async function () {
    this.timeout(240_000);
    session = await startNewUserWorkbench();
    console.log(`  [e2e] new user's workbench on ${session.server.baseUrl} (${session.vsix ? `installed ${path.relative(REPO_ROOT, session.vsix)}` : 'development path'})`);
  });

  suiteTeardown(async function () {
    this.timeout(30_000);
    await session?.stop();
  });

  teardown(async function () {
    if (this.currentTest?.state !== 'failed' || !session) return;
    const dir = path.join(RESULTS, 'failure');
    await session.workbench.screenshot(path.join(dir, 'screenshot.png')).catch(() => undefined);
    session.server.collectLogs(dir);
    console.log(`      [e2e] screenshot and logs kept in ${path.relative(REPO_ROOT, dir)}/`);
  });

  test('no credentials: the view offers the ways forward; the walkthrough leads to a finished task against the local emulator', async function () {
    this.timeout(240_000);
    const { workbench } = session!;
    const update = process.env.PARTNER_CENTRAL_UPDATE_SCREENSHOTS === '1';
    const shoot: Camera = async (name, clip) => {
      await workbench.screenshot(path.join(update ? SCREENSHOTS_DIR : RESULTS, `new-user-${name}.png`));
      if (clip && update) await workbench.screenshot(path.join(REPO_ROOT, 'media', 'walkthrough', `${name}.png`), clip);
    };
    const scene = await newUserToFinishedTask(workbench, 'My first prospecting task', shoot);
    const title = await workbench.page.title();
    if (session!.vsix) assert.doesNotMatch(title, /Extension Development Host/, `The window "${title}" runs the development path, not the installed .vsix`);

    assert.match(scene.welcome, /No AWS credentials found/);
    assert.doesNotMatch(scene.welcome, /Could not list/);
    for (const action of ['Select AWS Profile', 'Use Local Emulator', 'Open Walkthrough']) {
      assert.ok(scene.welcomeActions.includes(action), `The welcome offers ${scene.welcomeActions.join(', ')}, not ${action}`);
    }
    assert.equal(scene.walkthroughTitle, WALKTHROUGH_TITLE);
    assert.deepEqual(scene.walkthroughSteps, ['Choose a connection', 'Open sample engagements', 'Start a task from a selection', 'Follow it', 'Export the results']);
    assert.match(scene.emulatorStarted.message, /^Partner Central now uses the local emulator \(http:\/\/127\.0\.0\.1:\d+\)/);

    assert.equal(scene.sample[0], 'engagement_id,title,expect');
    assert.ok(scene.sample.some((line) => line.startsWith('eng-zzzzzzzzzzzzzz,')), 'No unknown ID in the sample');
    assert.ok(scene.sample.some((line) => line.startsWith('eng-ABC123,')), 'No malformed ID in the sample');

    assert.equal(scene.pick.title, 'Engagements to prospect in Sandbox (3 found)');
    assert.equal(scene.pick.items.length, 3);
    assert.ok(scene.pick.items.every((item) => item.checked), 'Not every engagement is checked');
    assert.equal(scene.follow.done.text, 'Prospecting 3/3 done · 1 failed');
    assert.equal(scene.follow.task.description, '3/3 done · 1 failed');
    assert.equal(scene.follow.engagements.length, 3);
    assert.ok(scene.taskMenu.includes('Export Results…'), `The task's menu: ${scene.taskMenu.join(', ')}`);
    assert.ok(!scene.taskMenu.includes(START_FROM_SELECTION_TITLE));
    if (update) console.log(`      [e2e] pictures written to ${path.relative(REPO_ROOT, SCREENSHOTS_DIR)} and media/walkthrough`);
    else assert.ok(fs.existsSync(path.join(RESULTS, 'new-user-follow-task.png')));
  });
});
