import { describe, expect, test } from 'vitest';
import { isFromHashnode, readHashnodeMarkdown } from '../../theme/markdown/hashnode.ts';
import { renderedPost } from '../helpers/post-html.ts';

describe("Hashnode's Markdown", () => {
	test('an image with align after its address becomes an image; an embed on its line a link to what it shows; code is left alone', () => {
		const body = [
			'![img.png](https://cdn.hashnode.com/res/img.png align="left")',
			'',
			'Text ![a](https://cdn.hashnode.com/b.png align="center") more.',
			'',
			'%[https://youtu.be/dQw4w9WgXcQ]',
			'',
			'```',
			'![x](y.png align="left")',
			'%[https://example.com]',
			'```',
		].join('\n');
		expect(readHashnodeMarkdown(body, false).split('\n')).toEqual([
			'![img.png](https://cdn.hashnode.com/res/img.png)',
			'',
			'Text ![a](https://cdn.hashnode.com/b.png) more.',
			'',
			'<https://youtu.be/dQw4w9WgXcQ>',
			'',
			'```',
			'![x](y.png align="left")',
			'%[https://example.com]',
			'```',
		]);
	});

	test('links to #heading-… go to the heading as Carnet names it, in a post from Hashnode only', () => {
		const body = '- [Conclusion](#heading-conclusion)';
		expect(readHashnodeMarkdown(body, true)).toBe('- [Conclusion](#conclusion)');
		expect(readHashnodeMarkdown(body, false)).toBe(body);
		const own = '## Heading levels\n\n[See](#heading-levels)';
		expect(readHashnodeMarkdown(own, true)).toBe(own);
	});

	test('links to #heading-… of a heading with accents go to its id, whether Hashnode folded the accents or dropped the letters', () => {
		const body = [
			'* [Prérequis](#heading-prerequis)',
			'* [Again](#heading-prrequis)',
			"* [Comment révoquer l'accès](#heading-comment-revoquer-lacces-de-github-cli)",
			'* [Stage 1](#heading-stage-1-ci-pipeline-github-actions)',
			'* [Second intro](#heading-intro)',
			'* [Nowhere](#heading-nowhere)',
			'',
			'## **Prérequis**',
			'',
			"## Comment révoquer l'accès de GitHub CLI ##",
			'',
			'## Stage 1 — CI Pipeline (`GitHub Actions`)',
			'',
			'## Intro',
			'',
			'## Intro',
			'',
			'```',
			'## Nowhere',
			'```',
		].join('\n');
		expect(readHashnodeMarkdown(body, true).split('\n').slice(0, 6)).toEqual([
			'* [Prérequis](#prérequis)',
			'* [Again](#prérequis)',
			"* [Comment révoquer l'accès](#comment-révoquer-laccès-de-github-cli)",
			'* [Stage 1](#stage-1--ci-pipeline-github-actions)',
			'* [Second intro](#intro)',
			'* [Nowhere](#nowhere)',
		]);
	});

	test("a link to a heading by its id in other letter cases or by its text (Typora's [jump](#HTML), [see](#My Heading)) goes to the heading, and one to another element's id or to nothing is left as written, without a word", async () => {
		const body = [
			'[jump](#HTML), [see](#My Heading), [bracketed](<#My Heading> "Title"), [escaped](#My%20Heading), [own](#Setup), [anchor](#Top), [lost](#Nowhere), `[code](#HTML)`',
			'',
			'### HTML',
			'',
			'## My Heading',
			'',
			'## Install {#setup}',
			'',
			'<a id="Top"></a>',
			'',
			'## Top',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('h2, h3').map((_, heading) => $(heading).attr('id')).get()).toEqual(['html', 'my-heading', 'setup', 'top']);
		expect($('p a[href]').map((_, link) => `${$(link).text()} ${$(link).attr('href')}`).get()).toEqual([
			'jump #html',
			'see #my-heading',
			'bracketed #my-heading',
			'escaped #my-heading',
			'own #setup',
			'anchor #Top',
			'lost #Nowhere',
		]);
		expect($('a[title]').attr('title')).toBe('Title');
		expect($('code').text()).toBe('[code](#HTML)');
		expect(warnings).toEqual([]);
	});

	test('a link to a repeated heading goes to the id the page gives it, numbered as github-slugger numbers them', async () => {
		const body = ['[third](#A-2), [own](#A-1-1), [last](#A-3)', '', '## a', '', '## a', '', '## a', '', '## a-1', '', '## a'].join('\n');
		const { $ } = await renderedPost(body);
		expect($('h2').map((_, heading) => $(heading).attr('id')).get()).toEqual(['a', 'a-1', 'a-2', 'a-1-1', 'a-3']);
		expect($('p a[href]').map((_, link) => $(link).attr('href')).get()).toEqual(['#a-2', '#a-1-1', '#a-3']);
	});

	test('20,000 repeated headings are read in well under a second', () => {
		const started = performance.now();
		readHashnodeMarkdown(`[x](#A)\n\n${'## a\n\n'.repeat(20_000)}`, false);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('a line of 30,000 or 40,000 inline tags is read in well under a second, its link to a heading going to the heading', () => {
		// 30,000 are under the length past which the body is read without the parser, which read their line in 3 s.
		for (const count of [30_000, 40_000]) {
			const tags = '<b>a</b>'.repeat(count);
			const started = performance.now();
			const read = readHashnodeMarkdown(`## A\n\n${tags} [x](#A)\n`, false);
			expect(performance.now() - started).toBeLessThan(2_000);
			expect(read).toBe(`## A\n\n${tags} [x](#a)\n`);
		}
	});

	test('a link to an id written without quotes is left as written, and a reference definition to a heading goes to its id as an inline link does', async () => {
		const body = ['[up](#Top), [name](#Named), [bare](#Unquoted), [ref][r], [other][s]', '', '<a id=Top></a><a name=Named></a>', '', '## Top', '', '## Named', '', '<h2 id=Unquoted>Unquoted</h2>', '', '### HTML', '', '[r]: #HTML', '[s]: <#My Heading> "Title"', '', '## My Heading'].join('\n');
		const { $ } = await renderedPost(body);
		expect($('p a[href]').map((_, link) => `${$(link).text()} ${$(link).attr('href')}`).get()).toEqual(['up #Top', 'name #Named', 'bare #Unquoted', 'ref #html', 'other #my-heading']);
		expect($('a[title]').attr('title')).toBe('Title');
	});

	test('a long heading line of brackets, hashes or spaces, or a long line of links to the page, is read in well under a second', () => {
		for (const heading of ['## ' + '['.repeat(100_000), '## ' + '[a]('.repeat(25_000), '## ' + '#'.repeat(100_000) + 'x', '## a' + ' '.repeat(100_000) + 'x', '[a](<#'.repeat(25_000), '](#a '.repeat(25_000), '{ id="'.repeat(25_000), '[a](#b "'.repeat(25_000)]) {
			const started = performance.now();
			readHashnodeMarkdown(`[x](#heading-x)\n\n${heading}\n`, true);
			expect(performance.now() - started).toBeLessThan(500);
		}
	});

	test('a post is from Hashnode by its front matter or its embeds, not by an image hot-linked from its CDN', () => {
		expect(isFromHashnode({ cuid: 'x' }, '')).toBe(true);
		expect(isFromHashnode({ datePublished: 'x' }, '')).toBe(true);
		expect(isFromHashnode({}, '![a](https://cdn.hashnode.com/res/a.png)')).toBe(false);
		expect(isFromHashnode({}, 'Intro.\n\n%[https://youtu.be/x]\n')).toBe(true);
		expect(isFromHashnode({ date: 'x' }, 'A [link](#heading-x).')).toBe(false);
	});
});
