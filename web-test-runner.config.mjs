import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';
import { mockFeeds } from './test/support/plugins/mock-feeds.mjs';
import { archiveIndex, archiveIndexBuilds } from './test/support/plugins/archive-index.mjs';
import { summaryReporter } from './test/support/plugins/summary-reporter.mjs';
import { browserCommands } from './test/support/plugins/commands.mjs';
import { counterService, counterProxy } from './test/support/plugins/counter-service.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');

export default {
  files: ['test/**/*.test.ts', '!test/smoke/**'],
  nodeResolve: true,
  rootDir: '.',
  // Each test file has its own page; two at a time on a 2-core machine.
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Test files run side by side in tabs of one browser: none may be throttled as a background tab
        // (timers slowed to 1 per second, no animation frames).
        args: [...CHROMIUM_ARGS, '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
      },
      // Each page (two at a time) in a browser context of its own: test files running side by side
      // share no IndexedDB, localStorage or HTTP cache, and each is a visible window of its own
      // (a background tab gets no animation frames).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  middleware: [mockFeeds, archiveIndex, counterProxy],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    browserCommands(),
    counterService(),
    archiveIndexBuilds(),
    // Accessible names as Chromium computes them (a11ySnapshot/findAccessibilityNode).
    a11ySnapshotPlugin(),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
