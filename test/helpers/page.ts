/** Loads test/fixtures/page.html in an iframe: a real, fresh page load on the same origin (and IndexedDB). */
export async function loadPage(html: string): Promise<{ frame: HTMLIFrameElement; win: Window & { __shifts: number[]; __loadingState: { belowTop: number; html: string } }; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/test/fixtures/page.html?html=${encodeURIComponent(html)}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { __shifts: number[]; __ready?: boolean; __loadingState: { belowTop: number; html: string } };
  const start = performance.now();
  while (!win.__ready) {
    if (performance.now() - start > 10_000) throw new Error('test page did not load');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { frame, win, doc: frame.contentDocument! };
}
