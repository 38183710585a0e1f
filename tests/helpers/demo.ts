import { inject } from 'vitest';
import { openSite, type BuiltSite } from './sites.ts';

/** The demo blog as built by the global setup, once per test run. */
export function demoSite(): BuiltSite {
	const { dist, ok, log } = inject('demoBuild');
	return openSite(dist, ok, log);
}
