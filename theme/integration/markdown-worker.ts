// A worker thread that renders post bodies to HTML as the site's Sätteri processor does, so that the
// posts loader renders several at once (integration/markdown-workers.ts). It builds the same processor:
// Astro's Sätteri package, the site's Markdown settings and the theme's plugins, rebuilt here from the
// recipe the main thread sends, since plugins (functions) cannot cross threads. The main thread only
// sends work here when the site's processor holds no plugins but the theme's.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { withImageSizes, type ImageSize } from '../markdown/image-sizes.ts';
import { withThemePlugins } from '../markdown/satteri-theme.ts';
import { bodyTransforms } from '../markdown/transforms.ts';
import { countWords } from '../utils/reading-time.ts';
import type { BodyPluginRecipe } from './markdown-workers.ts';

/** What the worker needs to build the site's processor; see workerRecipe() in markdown-workers.ts. */
export interface WorkerRecipe extends BodyPluginRecipe {
	/** astro's package.json, from which its Sätteri processor and front matter parser are resolved. */
	astroPackage: string;
	/** The processor's own `features` option (gfm, footnote labels, math…). */
	processorFeatures: Record<string, unknown>;
	/** What Astro passes to `createRenderer` (content/content-layer.js). */
	shared: Record<string, unknown>;
}
export interface RenderJob {
	id: number;
	file: string;
	/** The post's front matter, as the content layer's renderMarkdown would read it from the file. */
	frontmatter: Record<string, unknown>;
	/** The post's body, without its front matter. */
	body: string;
	imageSizes: [string, ImageSize][];
}
interface Renderer {
	render(content: string, options: { frontmatter: Record<string, unknown>; fileURL: URL }): Promise<{ code: string; metadata: Record<string, unknown> }>;
}

const { recipe } = workerData as { recipe: WorkerRecipe };
const port = parentPort;
const require = createRequire(recipe.astroPackage);
const { satteri } = (await import(pathToFileURL(require.resolve('@astrojs/markdown-satteri')).href)) as {
	satteri(options: Record<string, unknown>): { createRenderer(shared: Record<string, unknown>): Promise<Renderer> };
};
const plugins = withThemePlugins(recipe.features, bodyTransforms(recipe.transforms), { mdastPlugins: [], hastPlugins: [] });
const renderer = await satteri({ ...plugins, features: recipe.processorFeatures }).createRenderer(recipe.shared);

port?.on('message', async (job: RenderJob) => {
	try {
		// As the content layer's renderMarkdown does it (astro/dist/content/content-layer.js), the front matter
		// given as it would have read it, with no YAML to write and read again. What it renders is the body behind
		// the line its front matter block leaves: a body that opens with a `---` rule is no front matter.
		const { code, metadata } = await withImageSizes(job.file, new Map(job.imageSizes), () =>
			renderer.render(`\n${job.body}`, { frontmatter: job.frontmatter, fileURL: pathToFileURL(job.file) }),
		);
		// Counted in the body as the main thread would (integration/markdown-workers.ts).
		port.postMessage({ id: job.id, html: code, metadata, wordCount: countWords(job.body) });
	} catch (error) {
		const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
		port.postMessage({ id: job.id, error: { name, message, stack } });
	}
});
// Until this arrives, the main thread renders most bodies itself (markdown-workers.ts).
port?.postMessage({ ready: true });
