import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from './sites.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The demo blog, built once for every test file that reads it (see helpers/demo.ts). */
		demoBuild: { dist: string; ok: boolean; log: string };
	}
}

export default async function buildDemoOnce(project: TestProject): Promise<void> {
	const site = await buildSite(repoRoot, { outDir: path.join(repoRoot, 'tests/.sites/demo-dist') });
	project.provide('demoBuild', { dist: site.dist, ok: site.ok, log: site.log });
}
