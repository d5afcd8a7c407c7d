/** Long work split into short slices on the main thread, so input and rendering never wait for it. */
import { yieldToMain } from '@/lib/yield-to-main';

/**
 * Work per slice, in milliseconds of real time. Lighthouse's mobile run multiplies task times by four and counts
 * every task over 50 ms as blocking, so a slice (plus the one step that overruns it) must stay well under 12 ms.
 */
export const SLICE_MS = 5;

const now = () => performance.now();

/** Runs steps in slices of about `sliceMs`, yielding between them, and measures the slices. */
export class TimeSlicer {
  private sliceStart = now();
  private longest = 0;
  private count = 1;

  constructor(
    private readonly sliceMs: number = SLICE_MS,
    private readonly giveWay: () => Promise<void> = yieldToMain,
  ) {}

  /** The longest stretch so far without yielding, the current one included. */
  get longestSliceMs(): number {
    return Math.max(this.longest, now() - this.sliceStart);
  }

  /** How many slices the work has taken so far. */
  get slices(): number {
    return this.count;
  }

  /** Ends the current slice now, whatever is left of its budget. */
  async yield(): Promise<void> {
    this.longest = Math.max(this.longest, now() - this.sliceStart);
    await this.giveWay();
    this.count++;
    this.sliceStart = now();
  }

  /** Calls `step` on each item, yielding whenever the slice's budget is spent; the budget is checked after every step. */
  async forEach<T>(items: readonly T[], step: (item: T, index: number) => void): Promise<void> {
    for (let i = 0; i < items.length; i++) {
      step(items[i]!, i);
      if (now() - this.sliceStart >= this.sliceMs) await this.yield();
    }
  }
}
