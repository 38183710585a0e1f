import { describe, expect, test } from 'vitest';
import { withoutHeadBlocks } from '../../theme/markdown/head-blocks.ts';

describe("a Docusaurus post's <head> block", () => {
	test('is taken out of the body, each line left blank, and its canonical link, title and description read at their lines', () => {
		const body = [
			'',
			'<head>',
			'  <link rel="canonical" href="https://example.org/first/" />',
			'  <title>First  published</title>',
			'  <meta name="description" content="Where it began." />',
			'  <meta name="keywords" content="a, b" />',
			'  <script>track()</script>',
			'</head>',
			'',
			'Text.',
		].join('\n');
		const { body: rest, head } = withoutHeadBlocks(body);
		expect(rest.split('\n')).toEqual(['', '', '', '', '', '', '', '', '', 'Text.']);
		expect(head).toEqual({
			canonical: { href: 'https://example.org/first/', line: 3 },
			title: { text: 'First published', line: 4 },
			description: { text: 'Where it began.', line: 5 },
			others: [
				{ written: '<meta name="keywords" content="a, b" />', line: 6 },
				{ written: '<script>', line: 7 },
			],
		});
	});

	test('is read on one line, and the second canonical link of two blocks is among the others', () => {
		const { body, head } = withoutHeadBlocks('<head><link rel="canonical" href="https://a.example/" /></head>\n\nText.\n\n<head>\n<link rel="canonical" href="https://b.example/">\n</head>');
		expect(body).toBe('\n\nText.\n\n\n\n');
		expect(head?.canonical).toEqual({ href: 'https://a.example/', line: 1 });
		expect(head?.others).toEqual([{ written: '<link rel="canonical" href="https://b.example/">', line: 6 }]);
	});

	test('is left as written in code, unclosed, followed by text on its closing line, or as a <header>', () => {
		for (const body of [
			'```html\n<head>\n<title>T</title>\n</head>\n```',
			'    <head>\n    <title>T</title>\n    </head>',
			'<head>\n<title>T</title>\n\nText.',
			'<head><title>T</title></head> and more',
			'<header>\n<h2>T</h2>\n</header>',
		]) {
			expect(withoutHeadBlocks(body), body).toEqual({ body, head: undefined });
		}
		// In MDX, an indented block is JSX, not code.
		expect(withoutHeadBlocks('<div>\n    <head>\n    <title>T</title>\n    </head>\n</div>', { mdx: true }).head?.title?.text).toBe('T');
	});

	test('is left as written inside an HTML comment, or an MDX comment in an MDX post, and read after one that closes', () => {
		const head = '<head>\n  <link rel="canonical" href="https://old.example.org/x/" />\n  <meta name="description" content="Old." />\n</head>';
		for (const [body, mdx] of [
			[`<!--\n${head}\n-->\n\nThe post itself.`, false],
			[`Text. <!-- an old head:\n\n${head}\n-->`, false],
			[`{/*\n${head}\n*/}\n\nBody.`, true],
			[`<!--\n${head}\n-->\n\nBody.`, true],
		] as const) {
			expect(withoutHeadBlocks(body, { mdx }), body).toEqual({ body, head: undefined });
		}
		// A comment in a code span, or one that closes above the block, hides nothing.
		expect(withoutHeadBlocks(`Write \`<!--\` to open a comment.\n\n${head}`).head?.canonical).toEqual({ href: 'https://old.example.org/x/', line: 4 });
		expect(withoutHeadBlocks(`<!-- a note -->\n${head}`).head?.canonical).toEqual({ href: 'https://old.example.org/x/', line: 3 });
		// In a Markdown post, braces are text.
		expect(withoutHeadBlocks(`{/*\n\n${head}\n\n*/}`).head?.canonical?.href).toBe('https://old.example.org/x/');
	});

	test("is a pasted HTML document's head, left as written, after a doctype or an <html> tag above it outside code", () => {
		const head = '<head>\n<meta charset="utf-8">\n<title>Saved page</title>\n<link rel="canonical" href="https://news.example.com/story" />\n<style>\n.big { font-size: 2em }\n</style>\n</head>';
		for (const body of [`<!DOCTYPE html>\n<html>\n${head}\n<body>\n<p class="big">Pasted text.</p>\n</body>\n</html>`, `<html lang="en">\n${head}\n<body>Text.</body>\n</html>`, `<!doctype html>\n\n${head}\n\nText.`]) {
			expect(withoutHeadBlocks(body), body).toEqual({ body, head: undefined });
		}
		// One named in a code span, a code block or a comment opens no document.
		for (const above of ['Write `<html>` first.', '```html\n<!DOCTYPE html>\n```', '<!-- <html> -->']) {
			expect(withoutHeadBlocks(`${above}\n\n${head}`).head?.title?.text, above).toBe('Saved page');
		}
	});

	test('of 100 KB of unclosed openers, or of one long line, is read in well under a second', () => {
		for (const body of ['<head>\n'.repeat(14_000), `<head ${'a'.repeat(100_000)}`, `<head>${' <meta name="x">'.repeat(6_000)}`, `<head>\n${'<meta name="x">\n'.repeat(6_000)}</head>`, `${'<!-- -->'.repeat(12_000)}\n<head>\n</head>`, `<!--${' -->x<!--'.repeat(12_000)}\n<head>\n</head>`]) {
			const started = performance.now();
			withoutHeadBlocks(body);
			expect(performance.now() - started, body.slice(0, 30)).toBeLessThan(1_000);
		}
	});

	test('of thousands, which the Markdown parser reads to tell code, are read in linear time', () => {
		const started = performance.now();
		expect(withoutHeadBlocks('<head>\n<meta name="x">\n</head>\n'.repeat(3_000)).head?.others).toHaveLength(3_000);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
