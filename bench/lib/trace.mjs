// Main-thread CPU time per marked window, from a Chrome trace: each task's
// `tdur` (thread CPU time) is what the page's own work cost, whatever else
// the machine was running; `dur` is its wall time.
export function cpuByWindow(trace) {
  const events = trace.traceEvents ?? trace;
  const marks = new Map();
  let main = null;
  for (const e of events) {
    if (!String(e.cat).includes('blink.user_timing')) continue;
    const m = /^(.*):(start|end)$/.exec(e.name);
    if (!m) continue;
    main ??= `${e.pid}:${e.tid}`;
    const w = marks.get(m[1]) ?? {};
    w[m[2]] = e.ts;
    marks.set(m[1], w);
  }
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && `${e.pid}:${e.tid}` === main);
  const out = {};
  for (const [label, { start, end }] of marks) {
    if (start === undefined || end === undefined) continue;
    let cpu = 0;
    let wall = 0;
    let longestWall = 0;
    let longestCpu = 0;
    let longTasks = 0;
    let longCpuTasks = 0;
    for (const t of tasks) {
      const a = Math.max(t.ts, start);
      const b = Math.min(t.ts + t.dur, end);
      if (b <= a) continue;
      const share = t.dur ? (b - a) / t.dur : 1;
      wall += b - a;
      cpu += (t.tdur ?? t.dur) * share;
      longestWall = Math.max(longestWall, t.dur);
      longestCpu = Math.max(longestCpu, t.tdur ?? t.dur);
      if (t.dur > 50_000) longTasks++;
      if ((t.tdur ?? t.dur) > 50_000) longCpuTasks++;
    }
    out[label] = { cpu: cpu / 1000, wall: wall / 1000, longestWall: longestWall / 1000, longestCpu: longestCpu / 1000, longTasks, longCpuTasks };
  }
  return out;
}
