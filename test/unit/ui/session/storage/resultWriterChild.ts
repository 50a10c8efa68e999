// A writer process for the results-file tests: writes one task's results again and again until killed or done.
// Each write's engagements all carry `<label>-<n>` and there are as many as the label says, so a reader can tell
// a whole write from one mixed with another.
import { TaskResultFiles } from '../../../../../src/ui/session/storage/taskResultFiles';
import { payload } from './resultPayload';

async function main(): Promise<void> {
  const [folder, taskId, label, countText, writesText] = process.argv.slice(2);
  const files = new TaskResultFiles(folder);
  const writes = Number(writesText);
  for (let n = 0; n < writes; n++) {
    await files.write(payload(taskId, label, Number(countText), n));
    process.stdout.write(`${n}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
