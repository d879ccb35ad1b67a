/** A `fetch` that answers from a script, one step per call, and records the calls. */
export type Step =
  { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | { networkError: true } | { hang: true };

export interface ScriptedFetch {
  fetch: typeof fetch;
  calls: Array<{ url: string; init: RequestInit }>;
}

export function scriptedFetch(...steps: Step[]): ScriptedFetch {
  const calls: ScriptedFetch['calls'] = [];
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const step = steps.shift();
    if (!step) throw new Error(`unexpected request #${calls.length}`);
    if ('networkError' in step) throw new TypeError('Failed to fetch');
    await new Promise<void>((resolve, reject) => {
      const signal = init.signal;
      const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      if ('hang' in step) return;
      setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, step.delayMs ?? 0);
    });
    if (!('status' in step)) throw new Error('unreachable');
    const text = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
    return new Response(step.status === 204 ? null : text, { status: step.status, headers: step.headers });
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** `{ client_secret, expires_at }` for a secret valid `seconds` from the fake clock's now. */
export function secret(value: string, seconds?: number) {
  return {
    status: 200,
    body: {
      client_secret: value,
      ...(seconds !== undefined && { expires_at: Math.floor(Date.now() / 1000) + seconds }),
    },
  };
}
