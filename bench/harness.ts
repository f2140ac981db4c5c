/** Shared by bench pages: long-task recording, medians, and the hand-off to bench/run.mjs. */

declare global {
  interface Window {
    benchDone?: boolean;
    benchResults?: { table: Record<string, unknown>[]; notes: string[]; error?: string };
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Records long tasks (> 50 ms) while `fn` runs; resolves with fn's time and the longest task. */
export async function withLongTasks<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; longest: number; longTasks: number }> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  // Long-task entries are delivered after the task ends: give them a frame.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { result, ms, longest: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length };
}

export async function runBench(fn: () => Promise<{ table: Record<string, unknown>[]; notes?: string[] }>) {
  try {
    const { table, notes = [] } = await fn();
    window.benchResults = { table, notes };
  } catch (e) {
    window.benchResults = { table: [], notes: [], error: String((e as Error)?.stack ?? e) };
  }
  window.benchDone = true;
}
