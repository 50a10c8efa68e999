import * as assert from 'node:assert/strict';
import type { PendingLaunch } from '../../../../src/core/pendingLaunches';
import { AccountPendingLaunches, WrittenThroughState, type KeyValueState } from '../../../../src/ui/session/accountState';

/**
 * globalState as the extension host sees it: a write changes the value at once, and storage echoes each write
 * back later with every value as storage held it then, replacing what the extension host has.
 */
class EchoingMemento implements KeyValueState {
  private values = new Map<string, unknown>();
  private readonly echoes: Array<Map<string, unknown>> = [];

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    this.echoes.push(new Map(this.values));
  }

  deliverOneEcho(): void {
    const echo = this.echoes.shift();
    if (echo) this.values = echo;
  }

  deliverEchoes(): void {
    while (this.echoes.length > 0) this.deliverOneEcho();
  }
}

const launch = (clientToken: string): PendingLaunch => ({ clientToken, catalog: 'Sandbox', taskName: `Q3 (${clientToken})`, identifiers: ['eng-0123456789abcd'], createdAt: '2026-12-04T12:00:00Z' });

/** One batch settled, the echo of its save arrives, the next batch is saved: what a launch of several tasks does. */
async function launchTwoBatches(state: KeyValueState, memento: EchoingMemento): Promise<string[]> {
  const pending = new AccountPendingLaunches(state, 'local-emulator');
  await pending.save(launch('t1'));
  await pending.remove('t1'); // task 1 started
  memento.deliverOneEcho(); // the echo of the save of t1
  await pending.save(launch('t2'));
  memento.deliverEchoes();
  return pending.list().map(({ clientToken }) => clientToken);
}

describe('WrittenThroughState', () => {
  it('keeps a removed pending launch removed when an older echo of globalState arrives between two writes', async () => {
    const memento = new EchoingMemento();
    assert.deepEqual(await launchTwoBatches(new WrittenThroughState(memento), memento), ['t2']);
  });

  it('is needed: the Memento alone brings the removed launch back (it then shows "starting…" for good)', async () => {
    const memento = new EchoingMemento();
    assert.deepEqual(await launchTwoBatches(memento, memento), ['t1', 't2']);
  });

  it('lists the keys written here and the stored ones, without those removed here', async () => {
    const memento = new EchoingMemento();
    await memento.update('stored', 1);
    await memento.update('removed', 2);
    const state = new WrittenThroughState(memento);
    await state.update('written', { a: 1 });
    await state.update('removed', undefined);
    memento.deliverOneEcho(); // an old echo still holds 'removed' and lacks 'written'
    assert.deepEqual([...state.keys()].sort(), ['stored', 'written']);
    assert.deepEqual(state.get('written'), { a: 1 });
    assert.equal(state.get('removed'), undefined);
    assert.equal(state.get('stored'), 1);
  });
});
