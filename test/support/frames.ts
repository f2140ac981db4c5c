/** Pages in iframes: a real, fresh page load on the test's origin (same IndexedDB, same localStorage). */
import { until } from './until.js';

/** Opens `src` in an iframe of the given CSS size and waits until the page says it is ready. */
export async function openFrame<W extends Window>(
  src: string,
  {
    style = 'width: 800px; height: 900px; border: 0',
    ready = (win: W): unknown => (win as W & { __ready?: boolean }).__ready,
    what = src,
  }: { style?: string; ready?: (win: W) => unknown; what?: string } = {},
): Promise<{ frame: HTMLIFrameElement; win: W; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = style;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as W;
  await until(() => ready(win), 10_000, `${what} ready`);
  return { frame, win, doc: frame.contentDocument! };
}

type TestPageWindow = Window & { __shifts: number[]; __loadingState: { belowTop: number; html: string } };

/** test/fixtures/page.html with `html` in its root: records layout shifts and the loading state. */
export function loadPage(html: string) {
  return openFrame<TestPageWindow>(`/test/fixtures/page.html?html=${encodeURIComponent(html)}`, { what: 'test page' });
}
