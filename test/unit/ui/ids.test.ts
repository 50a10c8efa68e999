import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ids from '../../../src/ui/ids';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('src/ui/ids: the ids package.json contributes', () => {
  it('names only commands package.json contributes', () => {
    const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
    const named = Object.entries(ids).filter(([name]) => name.endsWith('_COMMAND') && name !== 'FOCUS_TASKS_VIEW_COMMAND');
    assert.ok(named.length > 0);
    const unknown = named.filter(([, id]) => !contributed.has(id)).map(([name, id]) => `${name} = '${id}'`);
    assert.deepEqual(unknown, [], 'ids that package.json does not contribute (a typo, or a command removed from the manifest)');
  });

  it('names the contributed view, and its focus command after it', () => {
    const views = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    assert.ok(views.includes(ids.TASKS_VIEW), `${ids.TASKS_VIEW} is not among the contributed views ${views.join(', ')}`);
    assert.equal(ids.FOCUS_TASKS_VIEW_COMMAND, `${ids.TASKS_VIEW}.focus`);
  });
});
