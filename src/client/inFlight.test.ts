import { InFlightRequests } from './inFlight';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('InFlightRequests', () => {
  it('shares one call between identical concurrent requests, and starts a new one after', async () => {
    const inFlight = new InFlightRequests();
    const answer = deferred<string>();
    const start = jest.fn(() => answer.promise);
    const a = inFlight.run('k', start);
    const b = inFlight.run('k', start);
    answer.resolve('x');
    await expect(Promise.all([a, b])).resolves.toEqual(['x', 'x']);
    expect(start).toHaveBeenCalledTimes(1);
    await inFlight.run('k', async () => 'y');
    expect(inFlight.size).toBe(0);
  });

  it('a caller that gives up is answered "cancelled"; the call goes on while another waits', async () => {
    const inFlight = new InFlightRequests();
    const answer = deferred<string>();
    let callSignal: AbortSignal | undefined;
    const start = (s: AbortSignal) => {
      callSignal = s;
      return answer.promise;
    };
    const leaving = new AbortController();
    const a = inFlight.run('k', start, leaving.signal);
    const b = inFlight.run('k', start);
    leaving.abort();
    await expect(a).rejects.toMatchObject({ kind: 'cancelled' });
    await tick();
    expect(callSignal?.aborted).toBe(false);
    answer.resolve('x');
    await expect(b).resolves.toBe('x');
  });

  it('aborts the call once the last caller gives up and nobody joins within a task', async () => {
    const inFlight = new InFlightRequests();
    let callSignal: AbortSignal | undefined;
    const leaving = new AbortController();
    const a = inFlight.run(
      'k',
      (s) => {
        callSignal = s;
        return new Promise<string>(() => undefined);
      },
      leaving.signal
    );
    leaving.abort();
    await expect(a).rejects.toMatchObject({ kind: 'cancelled' });
    await tick();
    expect(callSignal?.aborted).toBe(true);
    expect(inFlight.size).toBe(0);
  });
});
