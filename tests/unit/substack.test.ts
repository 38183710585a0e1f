import { describe, expect, test } from 'vitest';
import { readSubstackComponents } from '../../theme/markdown/substack.ts';
import { renderedPost } from '../helpers/post-html.ts';

const youtubeLabel = () => 'Watch on YouTube';

/** A Substack component as its export writes it: an empty `<div>` with its data as JSON in `data-attrs`. */
function component(name: string, data: Record<string, unknown>, className = 'embed'): string {
	const attrs = JSON.stringify(data).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	return `<div class="${className}" data-attrs="${attrs}" data-component-name="${name}"></div>`;
}

const TWEET = {
	url: 'https://x.com/mattarderne/status/1897279053784383925',
	full_text: 'in 2025, what option does an LLM have but to do the data modelling in dbt?\n\nsomewhat serious question & <b>$5</b>',
	username: 'mattarderne',
	name: 'Matt Arderne 🌊',
	photos: [],
};

describe("Substack's components", () => {
	test("shows a post on X as its text in a quote, by its author, with a link to it, where Substack's export left an empty div", async () => {
		const { $, warnings } = await renderedPost(`<p>I've wondered about this a bit:</p>\n\n${component('Twitter2ToDOM', TWEET, 'twitter-embed')}\n\n<p>After the tweet.</p>\n`);
		const quote = $('blockquote');
		expect(quote.find('p').map((_index, paragraph) => $(paragraph).text()).get()).toEqual([
			'in 2025, what option does an LLM have but to do the data modelling in dbt?',
			'somewhat serious question & <b>$5</b>',
			`— Matt Arderne 🌊 (@mattarderne) ${TWEET.url}`,
		]);
		expect(quote.find('a').attr('href')).toBe(TWEET.url);
		expect($('.katex').length).toBe(0);
		expect($('p').last().text()).toBe('After the tweet.');
		expect(warnings).toEqual([]);
	});

	test('shows a post on X without its text as a link to it', async () => {
		const { $ } = await renderedPost(`${component('Twitter2ToDOM', { url: TWEET.url })}\n`);
		expect($('a').attr('href')).toBe(TWEET.url);
		expect($('blockquote').length).toBe(0);
	});

	test('shows a YouTube video as a link to its page, and an embedded Substack post as a link titled with its title', () => {
		const body = [component('Youtube2ToDOM', { videoId: 'kX_3Wdft0Ms', startTime: null }, 'youtube-wrap'), component('EmbeddedPostToDOM', { url: 'https://a.substack.com/p/b', title: 'A <post>' }, 'embedded-post-wrap')].join('\n');
		expect(readSubstackComponents(body, youtubeLabel)).toEqual({
			body: '<p><a href="https://www.youtube.com/watch?v=kX_3Wdft0Ms">Watch on YouTube</a></p>\n<p><a href="https://a.substack.com/p/b">A &lt;post&gt;</a></p>',
			notes: [],
		});
	});

	test('shows an empty component it does not know as a link to the address it names, else as written, with a warning naming the line and the component', async () => {
		const { $, warnings } = await renderedPost(`Text.\n\n${component('CodeEmbedToDOM', { uuid: 'c0de' })}\n\n${component('AudioEmbedPlayer', { url: 'https://a.substack.com/audio' })}\n`);
		expect($('a').attr('href')).toBe('https://a.substack.com/audio');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:7: Substack's <div data-component-name="CodeEmbedToDOM"> is empty, so it shows nothing: Substack's script fills it in on Substack only, and it names no address to link to. Write what it showed instead, or remove it.",
			  "src/content/posts/_posts/2024-01-01-post.md:9: Substack's <div data-component-name="AudioEmbedPlayer"> is empty, so it is shown as a link to https://a.substack.com/audio: Substack's script fills it in on Substack only. Write what it shows instead.",
			]
		`);
	});

	test("leaves out Substack's subscribe widget, whose form has no action, with a warning naming the line and where readers subscribe", async () => {
		const widget =
			'<div class="subscription-widget-wrap-editor" data-attrs="{&quot;url&quot;:&quot;https://blog.example.com/subscribe?&quot;,&quot;text&quot;:&quot;Subscribe&quot;}" data-component-name="SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">Subscribe for more!</p></div><form class="subscription-widget-subscribe"><input type="email" class="email-input" name="email"><input type="submit" class="button primary" value="Subscribe"><div class="fake-input-wrapper"><div class="fake-input"></div></div></form></div></div>';
		const { $, warnings } = await renderedPost(`<p>Before.</p>${widget}<p>After.</p>\n\nText.\n\n<div data-component-name="SubscribeWidgetToDOM">\n<form><input type="email" name="email"></form>\n</div><p>Last.</p>\n`);
		expect($('form, input').length).toBe(0);
		expect($('p').map((_index, paragraph) => $(paragraph).text()).get()).toEqual(['Before.', 'After.', 'Text.', 'Last.']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: Substack's subscribe widget, <div data-component-name="SubscribeWidgetToDOM">, is left out: its form sends to no address, so that on your blog it would put a reader's email in the address of the page. Link to where readers subscribe instead ([Subscribe](https://blog.example.com/subscribe?)).",
			  "src/content/posts/_posts/2024-01-01-post.md:9: Substack's subscribe widget, <div data-component-name="SubscribeWidgetToDOM">, is left out: its form sends to no address, so that on your blog it would put a reader's email in the address of the page. Link to where readers subscribe instead.",
			]
		`);
	});

	test("shows a LaTeX block as display math, rendered by KaTeX from the expression Substack's export keeps in data-attrs", async () => {
		const latex = component('LatexBlockToDOM', { persistentExpression: 'J_{\\alpha}(x) = \\sum_{m=0}^{\\infty}\\frac{(-1)^m}{m!}\n+ x<y', id: 'GIXLWNWBRB' }, 'latex-rendered');
		const { $, warnings } = await renderedPost(`<p>Before.</p>\n\n${latex}\n\n<p>After.</p>\n`);
		const math = $('math[display="block"]');
		expect(math.length).toBe(1);
		expect(math.find('annotation').text()).toBe('J_{\\alpha}(x) = \\sum_{m=0}^{\\infty}\\frac{(-1)^m}{m!} + x<y');
		expect($('p').map((_index, paragraph) => $(paragraph).text()).get()).toEqual(['Before.', 'After.']);
		expect(warnings).toEqual([]);
	});

	test('shows a LaTeX block among other HTML on its line as its TeX source, with a warning naming the line and how to have it rendered', async () => {
		const latex = component('LatexBlockToDOM', { persistentExpression: 'E = mc^2', id: 'A' }, 'latex-rendered');
		const { $, warnings } = await renderedPost(`<p>Lorem ipsum.</p>${latex}<p>Dolore magna.</p>\n`);
		expect($.root().text()).toContain('$$E = mc^2$$');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: Substack's LaTeX block, <div data-component-name="LatexBlockToDOM">, is shown as its TeX source between $$, as it shares its line with other HTML, in which Markdown reads no math. Put each $$ formula on a line of its own, between blank lines, to show it as math.",
			]
		`);
	});

	test("shows a poll as its question and options, with a warning that it takes no votes, and one whose export holds only its id with a warning saying so", async () => {
		const poll = component('PollToDOM', { id: 12, question: 'Tea or <coffee>?', options: ['Tea', { text: 'Coffee' }] }, 'poll-embed');
		const { $, warnings } = await renderedPost(`${poll}\n\n${component('PollToDOM', { id: 13 }, 'poll-embed')}\n`);
		expect($('p').first().text()).toBe('Tea or <coffee>?');
		expect($('ul li').map((_index, item) => $(item).text()).get()).toEqual(['Tea', 'Coffee']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: Substack's poll, <div data-component-name="PollToDOM">, is shown as its question and options, which take no votes: Substack counts them on Substack only. Link to a poll elsewhere, or leave it as a list.",
			  "src/content/posts/_posts/2024-01-01-post.md:7: Substack's poll, <div data-component-name="PollToDOM">, is empty, so it shows nothing: Substack's export keeps only its id, and its question and votes are on Substack only. Write its question and options instead, or remove it.",
			]
		`);
	});

	test('leaves a component in code as written', () => {
		const body = `\`\`\`html\n${component('Twitter2ToDOM', TWEET)}\n\`\`\`\n\n    ${component('SubscribeWidgetToDOM', {})}\n`;
		expect(readSubstackComponents(body, youtubeLabel)).toEqual({ body, notes: [] });
	});

	test('is read in linear time on lines of thousands of components, tags and unclosed ones', () => {
		const started = performance.now();
		readSubstackComponents(`${'<div data-component-name="PollToDOM" '.repeat(20_000)}\n`, youtubeLabel);
		readSubstackComponents(`<p title="${'<div data-component-name="PollToDOM" '.repeat(20_000)}">\n`, youtubeLabel);
		readSubstackComponents(`${'<div data-component-name="SubscribeWidgetToDOM"><div>'.repeat(20_000)}\n`, youtubeLabel);
		readSubstackComponents(`${component('Twitter2ToDOM', TWEET)}\n`.repeat(5_000), youtubeLabel);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
