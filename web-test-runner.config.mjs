import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { mockFeeds } from './test/server/mock-feeds.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { browserCommands } from './test/server/commands.mjs';
import { counterService, counterProxy } from './test/server/counter-service.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');

export default {
  files: ['test/**/*.test.ts', '!test/smoke/**'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  middleware: [mockFeeds, counterProxy],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    browserCommands(),
    counterService(),
    // Accessible names as Chromium computes them (a11ySnapshot/findAccessibilityNode).
    a11ySnapshotPlugin(),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
