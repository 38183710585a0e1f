// The throw-away site a benchmark builds. It lives inside the repository so that `astro` and
// `astro-theme-carnet` resolve from the workspace's node_modules, as they do for the demo.
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DEMO_CONTENT_CONFIG = new URL('../../src/content.config.ts', import.meta.url);

const astroConfig = ({ cards, search, incremental, chunked, parallel }) => `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://bench.example.com',${experimentalFlags({ incremental, chunked, parallel })}
	integrations: [carnet({ title: 'Bench', locale: 'fr', timeZone: 'Europe/Paris'${cards ? '' : ", socialCards: { posts: 'none' }"}${search ? '' : ', search: false'} })],
});
`;

// Astro's experimental flags the bench can turn on, as the site's config writes them.
function experimentalFlags({ incremental, chunked, parallel }) {
	const flags = [
		incremental && 'incrementalBuild: true',
		chunked && "collectionStorage: 'chunked'",
		parallel === true && 'parallelPrerender: true',
		typeof parallel === 'number' && `parallelPrerender: { workers: ${parallel} }`,
	].filter(Boolean);
	return flags.length ? `\n\texperimental: { ${flags.join(', ')} },` : '';
}

/** Folders where Astro keeps what a warm build reuses: the output, the content store, the image cache. */
const BUILD_STATE = ['dist', '.astro', 'node_modules/.astro'];

/**
 * Writes the site at `root` from the corpus in `corpusDir`, replacing whatever was there; `cards: false`
 * turns social cards off, `search: false` the search page and its index, `imagesBesidePosts: true` puts
 * the featured images in `src/content/posts/images/` instead of `public/images/`, `incremental: true` turns on
 * Astro's incremental builds, `body: false` leaves entry.body out of the content store (retainBody),
 * `chunked: true` has Astro write its content store in chunks (experimental.collectionStorage), `parallel`
 * has Astro render pages on worker threads (experimental.parallelPrerender: `true` for its default number
 * of workers, or a number of workers).
 */
export function writeSite(root, corpusDir, { cards = true, search = true, imagesBesidePosts = false, incremental = false, body = true, chunked = false, parallel = false } = {}) {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(path.join(root, 'src'), { recursive: true });
	writeFileSync(path.join(root, 'astro.config.mjs'), astroConfig({ cards, search, incremental, chunked, parallel }));
	const contentConfig = readFileSync(DEMO_CONTENT_CONFIG, 'utf8');
	writeFileSync(path.join(root, 'src', 'content.config.ts'), body ? contentConfig : contentConfig.replace('postsLoader()', 'postsLoader({ retainBody: false })'));
	const postsDir = path.join(root, 'src', 'content', 'posts');
	if (imagesBesidePosts) {
		// The corpus's posts name their image in public/ (`featured_image: '/images/photo-0001.jpg'`).
		mkdirSync(postsDir, { recursive: true });
		for (const name of readdirSync(path.join(corpusDir, 'posts'))) {
			const post = readFileSync(path.join(corpusDir, 'posts', name), 'utf8');
			writeFileSync(path.join(postsDir, name), post.replace(/^featured_image: '\/images\//m, "featured_image: './images/"));
		}
		linkAll(path.join(corpusDir, 'images'), path.join(postsDir, 'images'));
	} else {
		linkAll(path.join(corpusDir, 'posts'), postsDir);
		linkAll(path.join(corpusDir, 'images'), path.join(root, 'public', 'images'));
	}
}

/** Removes every cache a build would reuse, so that the next build is a cold one. */
export function clearBuildState(root) {
	for (const dir of BUILD_STATE) rmSync(path.join(root, dir), { recursive: true, force: true });
}

/** Removes the site's bulk (sources, output, caches) and keeps its logs and results. */
export function trimSite(root) {
	clearBuildState(root);
	for (const dir of ['src', 'public', 'node_modules']) rmSync(path.join(root, dir), { recursive: true, force: true });
}

// Hard links: the corpus can weigh hundreds of megabytes, and nothing writes to these files.
export function linkAll(from, to) {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		try {
			linkSync(path.join(from, name), path.join(to, name));
		} catch {
			copyFileSync(path.join(from, name), path.join(to, name));
		}
	}
}
