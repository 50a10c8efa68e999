import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SampleEngagement, SampleEngagements } from './emulator';

/**
 * A sample workspace whose files hold engagement ids the emulator knows, plus malformed and unknown
 * ones, so the demo and the UI tests show both the happy path and the errors. Generated at every start
 * from the emulator's control API, so the ids always match the running emulator.
 */
export interface SampleWorkspace {
  folder: string;
  /** The file the UI tests select text in. */
  mainFile: string;
  /** Known engagements whose prospecting succeeds. */
  known: string[];
  /** Known engagements whose prospecting the emulator fails. */
  failing: string[];
  malformed: string[];
  unknown: string[];
}

const MALFORMED_IDS = ['eng-ABC123', 'eng-12345', 'engagement-0000000000000x', 'eng_0123456789abcd'];
const UNKNOWN_IDS = ['eng-zzzzzzzzzzzzzz', 'eng-0000000000000q'];

export function createSampleWorkspace(folder: string, engagements: SampleEngagements): SampleWorkspace {
  const { succeeding: ok, failing } = engagements;
  if (ok.length === 0) throw new Error('The emulator listed no succeeding Sandbox engagement for the sample workspace');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  const pick = (i: number) => ok[i % ok.length]!.id;
  const describe = (e: SampleEngagement) => `- ${e.id}  ${e.title}`.trimEnd();

  const mainFile = path.join(folder, 'engagements.md');
  fs.writeFileSync(
    mainFile,
    [
      '# Q3 prospecting list',
      '',
      'Generated from the running Partner Central emulator (Sandbox catalog): the ids below are real for it.',
      'Select some lines, right-click, and start a prospecting task.',
      '',
      '## Ready to prospect',
      '',
      ...ok.slice(0, 6).map(describe),
      '',
      ...(failing.length > 0
        ? ['## Known, but Partner Central will refuse to prospect them', '', ...failing.map((e) => `${describe(e)}  (${e.reasonCode ?? 'fails'})`), '']
        : []),
      '## Mixed: select these lines to see which ids are rejected and why',
      '',
      `- ${pick(0)}  (known)`,
      `- ${MALFORMED_IDS[0]}  (malformed: upper case)`,
      `- ${MALFORMED_IDS[1]}  (malformed: too short)`,
      `- ${UNKNOWN_IDS[0]}  (well-formed, but unknown to Partner Central)`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, 'pipeline.csv'),
    [
      'engagement_id,owner,stage',
      ...ok.map((e, i) => `${e.id},owner${i + 1}@example.com,qualified`),
      ...failing.map((e) => `${e.id},owner@example.com,blocked`),
      `${UNKNOWN_IDS[1]},nobody@example.com,lost`,
      `${MALFORMED_IDS[2]},typo@example.com,lost`,
    ].join('\n') + '\n',
  );
  fs.writeFileSync(
    path.join(folder, 'accounts.json'),
    JSON.stringify(
      {
        accounts: [
          { name: 'Example Retail', engagements: [pick(0), pick(1)] },
          { name: 'Example Health', engagements: [pick(2), MALFORMED_IDS[3]] },
          { name: 'Example Gone', engagements: [UNKNOWN_IDS[0], ...(failing[0] ? [failing[0].id] : [])] },
        ],
      },
      null,
      2,
    ) + '\n',
  );
  fs.writeFileSync(path.join(folder, 'all-known-ids.txt'), [...ok, ...failing].map((e) => e.id).join('\n') + '\n');
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'files.exclude': { '.vscode': true } }, null, 2) + '\n');
  return {
    folder,
    mainFile,
    known: ok.map((e) => e.id),
    failing: failing.map((e) => e.id),
    malformed: MALFORMED_IDS,
    unknown: UNKNOWN_IDS,
  };
}
