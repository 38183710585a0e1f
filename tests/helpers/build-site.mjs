// Builds one site with Astro's programmatic build() in a process of its own, so that each build gets a
// fresh Astro (content layer, module caches) and its own TZ, and its log can be read as a user sees it.
// Usage: node build-site.mjs <root> <outDir>
import { build } from 'astro';

const [root, outDir] = process.argv.slice(2);
try {
	await build({ root, outDir, logLevel: 'info' });
} catch (error) {
	// The CLI prints an error's message and hint; this does the same so tests can read them.
	console.error(`BUILD FAILED: ${error?.name ?? 'Error'}: ${error?.message ?? error}`);
	if (error?.hint) console.error(`Hint: ${error.hint}`);
	process.exitCode = 1;
}
