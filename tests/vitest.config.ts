import { defineConfig } from 'vitest/config';
import { themeTestPlugins } from './helpers/theme-vite.ts';

const root = new URL('..', import.meta.url).pathname;

// One project per command of the README: `npm test` runs `unit` and `build`; the others have their own
// npm scripts, since they need Chromium or a packed theme and take longer.
export default defineConfig({
	test: {
		root,
		environment: 'node',
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
		// Build tests run whole Astro builds in child processes.
		testTimeout: 120_000,
		hookTimeout: 300_000,
		projects: [
			// Unit tests include render-time code, which reads the theme's virtual modules (helpers/theme-vite.ts).
			{ extends: true, plugins: themeTestPlugins(), test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'] } },
			{ extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'], fileParallelism: false } },
			{ extends: true, test: { name: 'lighthouse', include: ['tests/lighthouse/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'] } },
			{ extends: true, test: { name: 'install', include: ['tests/install/**/*.test.ts'] } },
		],
	},
});
