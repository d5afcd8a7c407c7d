import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrameShown } from '@/lib/after-frame-shown';

/** Animation frames the test runs by hand: each call to `frame()` runs the callbacks queued before it. */
function manualFrames() {
  let queued = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queued.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queued.delete(id));
  return {
    frame() {
      const running = queued;
      queued = new Map();
      for (const callback of running.values()) callback(performance.now());
    },
  };
}

describe('afterFrameShown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the frame after the next one, then a task', () => {
    const frames = manualFrames();
    const callback = vi.fn();
    afterFrameShown(callback);
    frames.frame();
    vi.runAllTimers();
    expect(callback).not.toHaveBeenCalled();
    frames.frame();
    expect(callback).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(callback).toHaveBeenCalledOnce();
  });

  it('never calls back once cancelled, at any step', () => {
    const frames = manualFrames();
    const callbacks = [vi.fn(), vi.fn(), vi.fn()];
    const [first, second, third] = callbacks.map((callback) => afterFrameShown(callback));
    first!();
    frames.frame();
    second!();
    frames.frame();
    third!();
    vi.runAllTimers();
    frames.frame();
    vi.runAllTimers();
    for (const callback of callbacks) expect(callback).not.toHaveBeenCalled();
  });

  it('is a plain timeout without animation frames', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const callback = vi.fn();
    afterFrameShown(callback);
    expect(callback).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(callback).toHaveBeenCalledOnce();
  });
});
