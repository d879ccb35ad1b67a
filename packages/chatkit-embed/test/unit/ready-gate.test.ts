import { describe, expect, it } from 'vitest';
import { ReadyGate } from '../../src/connector/ready-gate.js';

describe('ReadyGate', () => {
  it('queues calls until open, then runs them one after another in order', async () => {
    const gate = new ReadyGate<string[]>();
    const log: string[] = [];
    const slow = (name: string, ms: number) => (target: string[]) =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          target.push(name);
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const a = gate.call(slow('a', 20));
    const b = gate.call(slow('b', 1));
    const target: string[] = [];
    await gate.open(target);
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('a failing queued call rejects alone; the rest still run', async () => {
    const gate = new ReadyGate<number>();
    const bad = gate.call(async () => {
      throw new Error('busy');
    });
    const good = gate.call(async (n) => n + 1);
    await gate.open(1);
    await expect(bad).rejects.toThrow('busy');
    expect(await good).toBe(2);
  });

  it('runs at once when open', async () => {
    const gate = new ReadyGate<number>();
    await gate.open(41);
    expect(await gate.call(async (n) => n + 1)).toBe(42);
  });

  it('close rejects what waits, with the reason given', async () => {
    const gate = new ReadyGate<number>();
    const waiting = gate.call(async (n) => n);
    gate.close(new Error('never ready'));
    await expect(waiting).rejects.toThrow('never ready');
  });
});

describe('ReadyGate under restarts', () => {
  it('a call that throws synchronously rejects alone and does not stall the gate', async () => {
    const gate = new ReadyGate<number>();
    const bad = gate.call(() => {
      throw new Error('sync');
    });
    const good = gate.call(async (n) => n * 2);
    await gate.open(2);
    await expect(bad).rejects.toThrow('sync');
    expect(await good).toBe(4);
    expect(await gate.call(async (n) => n)).toBe(2);
  });

  it('reset keeps waiting calls for the next target', async () => {
    const gate = new ReadyGate<string>();
    await gate.open('old');
    gate.reset();
    const call = gate.call(async (t) => t);
    await gate.open('new');
    expect(await call).toBe('new');
  });

  it('reopening while a queued call runs carries on with the new target', async () => {
    const gate = new ReadyGate<string>();
    let release!: () => void;
    const first = gate.call((t) => new Promise<string>((r) => (release = () => r(t))));
    void gate.open('a');
    await Promise.resolve();
    gate.reset();
    const second = gate.call(async (t) => t);
    void gate.open('b');
    release();
    expect(await first).toBe('a');
    expect(await second).toBe('b');
  });
});
