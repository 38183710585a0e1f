import { describe, expect, test } from 'vitest';
import { balanceHtml } from '../../theme/utils/balanced-html.ts';

describe('balanceHtml()', () => {
	test('returns a body whose tags pair up byte for byte, raw text, comments, void and SVG elements included', () => {
		const html = '<p>A <br> b<img src="x.png" alt=""></p>\n<script>if (a < b) document.write("<div>")</script><!-- <div> -->\n<svg><path d="M0 0"/></svg><pre><code>&lt;div&gt;</code></pre>';
		expect(balanceHtml(html)).toBe(html);
	});

	test('closes an element that raw HTML leaves open, inside the body', () => {
		expect(balanceHtml('<div class="x"><span>open\n<p>After.</p>')).toBe('<div class="x"><span>open\n<p>After.</p></span></div>');
	});

	test('drops end tags of elements the body never opened', () => {
		expect(balanceHtml('<p>Text</p></div></main><p>More</p>')).toBe('<p>Text</p><p>More</p>');
	});

	test('closes a comment or a raw-text element that never ends, and a <div /> written as if it closed itself', () => {
		expect(balanceHtml('<p>a</p><!-- never closed')).toBe('<p>a</p><!-- never closed-->');
		expect(balanceHtml('<style>p{}')).toBe('<style>p{}</style>');
		expect(balanceHtml('<div id="x" /><p>b</p>')).toBe('<div id="x"><p>b</p></div>');
	});

	test("keeps the upper-case name of Astro's placeholder for a local image", () => {
		expect(balanceHtml('<p><img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;./a.png&quot;}"></p><div>')).toBe('<p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}"></p><div></div>');
	});
});
