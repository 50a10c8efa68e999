/**
 * Polls `probe` (which may be async) every 100 ms until it returns a truthy value, and returns that value; fails
 * naming `what` once `timeoutMs` passed. The one way the in-host suites wait for a condition: never a fixed sleep.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
