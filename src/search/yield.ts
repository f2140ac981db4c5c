/** Cooperative time-slicing: long jobs give the main thread back every few ms. */

import { yieldToMain } from '../shared/threads.js';

/** Default slice: well inside a 16 ms frame, so typing and scrolling stay smooth. */
export const SLICE_MS = 6;

/**
 * Call `tick()` often inside a long loop: it yields once the current slice
 * has run `budgetMs`, and throws the signal's reason once it is aborted.
 */
export class TimeSlicer {
  private start = performance.now();
  /** Slices run so far (for measurements). */
  slices = 1;

  constructor(
    private readonly signal?: AbortSignal,
    private readonly budgetMs = SLICE_MS,
  ) {}

  get due(): boolean {
    return performance.now() - this.start > this.budgetMs;
  }

  async tick(): Promise<void> {
    if (!this.due) return;
    await yieldToMain();
    this.signal?.throwIfAborted();
    this.slices++;
    this.start = performance.now();
  }
}
