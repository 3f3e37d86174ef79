import { describe, expect, it } from 'vitest';
import { TokenBucket, backoffMs } from '../../src-main/sending/pacing';

describe('TokenBucket', () => {
  it('spaces sends evenly at the rate and never exceeds it in any 1 s window', () => {
    let t = 0;
    const bucket = new TokenBucket(80, () => t);
    const sends: number[] = [];
    while (t < 10_000) {
      const wait = bucket.tryTake();
      if (wait === 0) sends.push(t);
      else t += wait;
    }
    for (let i = 0; i < sends.length; i++) {
      const inWindow = sends.filter((s) => s >= sends[i]! && s < sends[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(80);
    }
    expect(sends.length).toBeGreaterThanOrEqual(796);
    expect(sends.length).toBeLessThanOrEqual(801);
  });

  it('keeps the rate when timers fire late', () => {
    let t = 0;
    const bucket = new TokenBucket(80, () => t);
    let sent = 0;
    while (t < 10_000) {
      const wait = bucket.tryTake();
      if (wait === 0) sent++;
      else t += wait + 3; // every timer 3 ms late
    }
    expect(sent).toBeGreaterThanOrEqual(790);
  });

  it('honours block() and setRate()', () => {
    let t = 0;
    const bucket = new TokenBucket(10, () => t);
    expect(bucket.tryTake()).toBe(0);
    bucket.block(1000);
    expect(bucket.tryTake()).toBe(1000);
    t = 1000;
    bucket.setRate(2);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0); // one slot of catch-up after idle; still 2 in the last 1 s
    expect(bucket.tryTake()).toBeGreaterThan(0);
  });

  it('is unpaced at Infinity', () => {
    const bucket = new TokenBucket(Infinity);
    for (let i = 0; i < 1000; i++) expect(bucket.tryTake()).toBe(0);
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter inside [ceiling/2, ceiling] and is capped', () => {
    expect(backoffMs(1, 2000, 300_000, () => 0)).toBe(1000);
    expect(backoffMs(1, 2000, 300_000, () => 1)).toBe(2000);
    expect(backoffMs(3, 2000, 300_000, () => 1)).toBe(8000);
    expect(backoffMs(30, 2000, 300_000, () => 1)).toBe(300_000);
  });
});
