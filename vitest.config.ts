import { defineConfig } from 'vitest/config';

// Two projects: API/unit tests beside the server code, and browser journeys in e2e/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          globalSetup: ['server/src/test/global-setup.ts'],
          include: ['server/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['server/src/test/global-setup.ts'],
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
