import { describe, expect, it } from 'vitest';
import { APIPromise } from './api-promise.ts';

const result = (data: string) => ({ data, response: new Response(null), requestId: 'req_1', warnings: [] });

describe('APIPromise', () => {
  it('awaits to the data, withResponse to the whole result, once', async () => {
    let made = 0;
    const promise = new APIPromise(
      Promise.resolve().then(() => {
        made += 1;
        return result('K5500648801');
      }),
    );
    expect(await promise).toBe('K5500648801');
    expect(await promise.then((d) => d.length)).toBe(11);
    expect((await promise.withResponse()).requestId).toBe('req_1');
    expect(made).toBe(1);
    expect(String(promise)).toBe('[object APIPromise]');
  });

  it('catch and finally behave like a Promise', async () => {
    const steps: string[] = [];
    const failing = APIPromise.reject<string>(new Error('refused'));
    await expect(failing.catch((e: unknown) => (e as Error).message)).resolves.toBe('refused');
    await expect(failing.finally(() => steps.push('finally after a failure'))).rejects.toThrow('refused');
    await expect(
      new APIPromise(Promise.resolve(result('ok'))).finally(() => steps.push('finally after a success')),
    ).resolves.toBe('ok');
    expect(steps).toEqual(['finally after a failure', 'finally after a success']);
    await expect(failing.withResponse()).rejects.toThrow('refused');
  });
});
