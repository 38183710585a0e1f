import type { AstroConfig } from 'astro';

/** Facts about the Astro project that render-time code needs, as `virtual:carnet/project` exports them. */
export interface ProjectContext {
	site: string | undefined;
	base: string;
	trailingSlash: AstroConfig['trailingSlash'];
	buildFormat: AstroConfig['build']['format'];
	/** Absolute path of the project's root, where the files beside posts are read from (routes/post-file.ts). */
	root?: string | undefined;
	/** Drafts are shown by `astro dev` only. */
	showDrafts: boolean;
	/** A build with Astro's `experimental.incrementalBuild`, which reads the pages' `cacheKey`s (utils/page-keys.ts). */
	incrementalBuild?: boolean | undefined;
	/** In an incremental build, the generation every page key includes (integration/build-generation.ts). */
	buildGeneration?: string | undefined;
	/** The post route's Astro pattern, from the `permalinks` option: `/[year]/[month]/[slug]`. */
	postPattern?: string | undefined;
	/** Absolute path of the folder of files published as they are (Astro's `publicDir`), which no redirect page replaces. */
	publicDir?: string | undefined;
	/** The site's own pages at a fixed address (`/contact` → `src/pages/contact.astro`), which no redirect page replaces. */
	sitePages?: Readonly<Record<string, string>> | undefined;
}

/** What URL helpers need of the project. */
export type UrlContext = Pick<ProjectContext, 'base' | 'trailingSlash' | 'buildFormat' | 'postPattern'>;
