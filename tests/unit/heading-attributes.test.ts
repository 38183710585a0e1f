import { describe, expect, test } from 'vitest';
import { keepBracesInHeadings, type DroppedAttribute } from '../../theme/markdown/heading-attributes.ts';

// What the build makes of these lines (Sätteri's heading attributes) is tested in tests/build/markdown-features.test.ts.
function read(body: string): { body: string; dropped: DroppedAttribute[] } {
	const dropped: DroppedAttribute[] = [];
	return { body: keepBracesInHeadings(body, (found) => dropped.push(found)), dropped };
}

describe("a heading's attribute list", () => {
	test('keeps ids, classes and other attributes, and escapes braces that are no list', () => {
		const body = '## Introduction {#intro .lead data-k=v}\n\n## Sets {a, b}\n';
		expect(read(body)).toEqual({ body: '## Introduction {#intro .lead data-k="v"}\n\n## Sets \\{a, b\\}\n', dropped: [] });
	});

	test('writes a key HTML does not know on a heading as data-key, as Pandoc does, and reads id= and class= as #id and .class', () => {
		const { body, dropped } = read('## A {key=val is=foo lang=fr title="A title" class="x y"}\n\n## B {id=b}\n\n## C {id=b}\n\n## D {id=Carnet-main}\n');
		expect(body).toBe('## A {data-key="val" data-is="foo" lang="fr" title="A title" .x .y}\n\n## B {#b}\n\n## C {#b-1}\n\n## D\n');
		expect(dropped.map(({ attribute }) => attribute)).toEqual(['id=Carnet-main']);
	});

	test("keeps classes in any script, aria- and role as written, a value with double quotes in single quotes, and loses the theme's own data-carnet- hooks", () => {
		const { body, dropped } = read('## A {.überschrift .md:text-lg aria-label="Start" role=doc-subtitle data-note=\'say "hi"\' data-carnet-comments=x}\n');
		expect(body).toBe('## A {.überschrift .md:text-lg aria-label="Start" role="doc-subtitle" data-note=\'say "hi"\'}\n');
		expect(dropped.map(({ attribute }) => attribute)).toEqual(['data-carnet-comments=x']);
	});

	test('numbers thousands of repeated ids in one pass', () => {
		const body = '## A {#dup}\n\n'.repeat(20_000);
		const started = performance.now();
		expect(read(body).body.split('\n\n').at(-2)).toBe('## A {#dup-19999}');
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('loses what is no attribute as a list writes one, a quote that would end a value and start an event handler among them', () => {
		const { body, dropped } = read(
			'## Hello {data-x=a"/onfocus=document.body.setAttribute(\'x\',1) tabindex=0 autofocus=1}\n\n## Two {.a"/onclick=x #b\'/onmouseover=y :onclick=z xmlns=evil}\n',
		);
		// Braces that are no list are text.
		expect(body).toBe('## Hello \\{data-x=a"/onfocus=document.body.setAttribute(\'x\',1) tabindex=0 autofocus=1\\}\n\n## Two {data-xmlns="evil"}\n');
		expect(dropped.map(({ attribute }) => attribute)).toEqual(['.a"/onclick=x', "#b'/onmouseover=y", ':onclick=z']);
	});

	test('loses a value with < or >, which the Markdown processor reads no list with, and keeps the rest of the list', () => {
		const { body, dropped } = read('## H2 {title=\'"><img src=x onerror=alert(1)>\'}\n\n## C {#c title="a>b" .k}\n');
		expect(body).toBe('## H2\n\n## C {#c .k}\n');
		expect(dropped.map(({ line, attribute }) => [line, attribute])).toEqual([
			[1, 'title=\'"><img src=x onerror=alert(1)>\''],
			[3, 'title="a>b"'],
		]);
	});

	test('loses event handlers and styles, in ATX and setext headings, each reported with its line', () => {
		const { body, dropped } = read('## Hover {#x onmouseover="alert(1)" style="position:fixed" .c}\n\nSetext {ONCLICK=alert(2)}\n======\n\n## Only {onclick=x}\n');
		expect(body).toBe('## Hover {#x .c}\n\nSetext\n======\n\n## Only\n');
		expect(dropped.map(({ line, attribute }) => [line, attribute])).toEqual([
			[1, 'onmouseover="alert(1)"'],
			[1, 'style="position:fixed"'],
			[3, 'ONCLICK=alert(2)'],
			[6, 'onclick=x'],
		]);
	});

	test("loses an id of the theme's own, in any case, and numbers a second heading's id as Markdown numbers repeated headings", () => {
		const { body, dropped } = read('## A {#dup}\n\n## B {#dup}\n\n## C {#dup}\n\n## D {#Carnet-toc-title}\n');
		expect(body).toBe('## A {#dup}\n\n## B {#dup-1}\n\n## C {#dup-2}\n\n## D\n');
		expect(dropped).toEqual([{ line: 7, attribute: '#Carnet-toc-title', reason: "ids starting with carnet- are the theme's own, which its links and styles find" }]);
	});

	test("reads react.dev's MDX comment as an id, with the same rules: the theme's own ids go, repeated ones are numbered", () => {
		const { body, dropped } = read('## A {/*a*/}\n\n## B {/*a*/}\n\n## C {/*Carnet-main*/}\n\n## D {/* a note */}\n');
		expect(body).toBe('## A {#a}\n\n## B {#a-1}\n\n## C\n\n## D\n');
		expect(dropped.map(({ attribute }) => attribute)).toEqual(['#Carnet-main']);
	});

	test('leaves a Liquid or Hugo tag that ends a heading to the passes that expand it', () => {
		const body = '## See {% post_url 2024-01-01-hello %}\n\nSee {% post_url 2024-01-01-hello %}\n---\n';
		expect(read(body)).toEqual({ body, dropped: [] });
	});

	test('leaves code in a quote or a list item alone, and a list item or a quote followed by a rule, which is no heading', () => {
		const body = '> ```md\n> ## Intro {#intro}\n> ## Again {#intro}\n> ```\n\n- Item {onclick=x .big}\n---\n\n> Quoted {style=x}\n---\n';
		expect(read(body)).toEqual({ body, dropped: [] });
	});

	test('is left alone in code, and a paragraph followed by a rule is read as the setext heading it is', () => {
		const body = '```\n## Code {onclick=x}\n```\n\n    ## Indented {onclick=x}\n';
		expect(read(body).body).toBe(body);
	});

	test('is not read in display math, where a line of = under \\end{pmatrix} is no setext underline', () => {
		const body = '$$\n\\begin{pmatrix} x \\\\ y\n\\end{pmatrix}\n=\n\\begin{pmatrix} 1 \\end{pmatrix}\n$$\n';
		expect(read(body).body).toBe(body);
		// After inline math that opens a line, headings are read again.
		expect(read('$$E=mc^2$$ is famous.\n\n## Main {#carnet-main}\n').dropped.map(({ attribute }) => attribute)).toEqual(['#carnet-main']);
	});
});
