import type { AstroConfig } from 'astro';

/**
 * Stylesheets as files rather than `<style>` elements. Astro inlines stylesheets under 4 kB by default
 * (`build.inlineStylesheets: 'auto'`), such as a site's own component styles, and a Content-Security-Policy
 * without 'unsafe-inline' blocks them (README, Security headers). A file costs one request, cached across
 * pages. A site that chose 'always' keeps its choice.
 */
export function stylesheetDefaults(build: AstroConfig['build']): Partial<AstroConfig['build']> | undefined {
	return build.inlineStylesheets === 'auto' ? { inlineStylesheets: 'never' } : undefined;
}
