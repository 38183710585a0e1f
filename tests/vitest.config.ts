import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/helpers/global-setup.ts'],
		// Build tests run whole Astro builds in child processes.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
	},
});
