import { describe, expect, test } from 'vitest';
import { prepareFeedHtml } from '../../theme/utils/feed-html.ts';

const page = 'https://example.com/blog/posts/hello/';

describe('prepareFeedHtml()', () => {
	test('makes links, images and srcset candidates absolute against the post URL', () => {
		const html = prepareFeedHtml(
			'<p><a href="../other/">a</a> <a href="/blog/tags/x/">b</a> <a href="#top">c</a> <a href="https://elsewhere.org/">d</a></p>' +
				'<img src="/blog/_astro/x.webp" srcset="/blog/_astro/x.webp 480w, ./y.webp 960w" alt="">',
			page,
		);
		expect(html).toBe(
			'<p><a href="https://example.com/blog/posts/other/">a</a> <a href="https://example.com/blog/tags/x/">b</a> ' +
				'<a href="https://example.com/blog/posts/hello/#top">c</a> <a href="https://elsewhere.org/">d</a></p>' +
				'<img src="https://example.com/blog/_astro/x.webp" srcset="https://example.com/blog/_astro/x.webp 480w, https://example.com/blog/posts/hello/y.webp 960w" alt="">',
		);
	});

	test('keeps query strings escaped', () => {
		expect(prepareFeedHtml('<a href="/s?a=1&amp;b=2">q</a>', page)).toBe('<a href="https://example.com/s?a=1&amp;b=2">q</a>');
	});

	test('removes scripts, styles, frames, forms, event handlers and javascript: URLs, keeping the text around them', () => {
		const html = prepareFeedHtml(
			'<p onclick="steal()">Hi <a href=" JavaScript:alert(1)">trap</a></p><script>alert(1)</script><style>p{}</style>' +
				'<iframe src="https://x"></iframe><form><input></form><pre><code>&lt;script&gt;</code></pre>',
			page,
		);
		expect(html).toBe('<p>Hi <a>trap</a></p><pre><code>&lt;script&gt;</code></pre>');
	});

	test("drops Astro's data attributes", () => {
		expect(prepareFeedHtml('<aside class="note" data-astro-cid-abc>Note</aside>', page)).toBe('<aside class="note">Note</aside>');
	});
});
