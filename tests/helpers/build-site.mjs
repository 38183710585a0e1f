// Builds one site with Astro's programmatic build() in a process of its own, so that each build gets a
// fresh Astro (content layer, module caches) and its own TZ, and its log can be read as a user sees it.
// Usage: node build-site.mjs <root> <outDir> [<root> <outDir>…]: more sites are built one after the other in
// the same process, as a script may, each log after a line "BUILD <root>".
import { build } from 'astro';

const sites = process.argv.slice(2);
for (let index = 0; index < sites.length; index += 2) {
	const [root, outDir] = [sites[index], sites[index + 1]];
	if (sites.length > 2) console.log(`BUILD ${root}`);
	try {
		await build({ root, outDir, logLevel: 'info' });
	} catch (error) {
		// The CLI prints an error's message and hint; this does the same so tests can read them.
		console.error(`BUILD FAILED: ${error?.name ?? 'Error'}: ${error?.message ?? error}`);
		if (error?.hint) console.error(`Hint: ${error.hint}`);
		process.exitCode = 1;
	}
}
