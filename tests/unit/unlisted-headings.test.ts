import type { MarkdownHeading } from 'astro';
import { expect, test } from 'vitest';
import { withoutUnlistedHeadings } from '../../theme/utils/unlisted-headings.ts';

const headings = (...slugs: string[]): MarkdownHeading[] => slugs.map((slug) => ({ depth: 2, slug, text: slug }));

test('leaves the headings of the class no_toc out of the outline, and only them', () => {
	const list = headings('intro', 'table-of-contents', 'usage', 'example');
	const html = [
		'<h2 id="intro">Intro</h2>',
		'<h2 class="no_toc" id="table-of-contents">Table of contents</h2>',
		'<h2 class="no_toc_x" id="usage">Usage</h2><p class="no_toc">Not a heading.</p>',
		'<h4 class="text-delta no_toc" id="example">Example</h4>',
	].join('\n');
	withoutUnlistedHeadings(html, list);
	expect(list.map((heading) => heading.slug)).toEqual(['intro', 'usage']);
});

test("leaves Chirpy's headings with the attribute data-toc-skip out of the outline, whatever its value", () => {
	const list = headings('intro', 'skipped', 'thanks', 'kept');
	const html = ['<h2 id="intro">Intro</h2>', '<h2 data-toc-skip id="skipped">H2 - heading</h2>', '<h2 data-toc-skip="" style="text-align:center;" id="thanks">Thanks for reading!</h2>', '<h2 id="kept" data-toc="x">Kept</h2><p data-toc-skip>Not a heading.</p>'].join('\n');
	withoutUnlistedHeadings(html, list);
	expect(list.map((heading) => heading.slug)).toEqual(['intro', 'kept']);
});
