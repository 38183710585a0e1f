import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { postSchema, type ImageFunction } from '../../theme/schema.ts';
import { refusal } from '../helpers/refusal.ts';

// Astro's image() turns a path into an image import; a string stands in for it here.
const image = (() => z.string()) as unknown as ImageFunction;
const schema = postSchema()({ image });
const date = new Date('2024-02-02T23:00:00Z');

describe('postSchema() given posts that postsLoader() did not prepare', () => {
	test("stops on a featured image in public/ written from the root, which Astro's image() cannot find, saying to load the collection with postsLoader()", () => {
		expect(() => schema.parse({ title: 'T', date, featured_image: '/images/pic.png' })).toThrow(
			'postSchema() reads the posts that postsLoader() prepares, but this collection\'s loader gives it the featured image "/images/pic.png" as written, which Astro\'s image() cannot find in public/.',
		);
		// What postsLoader() gives: a path from the post, a remote address.
		expect(schema.parse({ title: 'T', date, featured_image: '../../../public/images/pic.png' }).image?.src).toBe('../../../public/images/pic.png');
		expect(schema.parse({ title: 'T', date, featured_image: 'https://example.com/pic.png' }).image?.src).toBe('https://example.com/pic.png');
	});
});

describe('postSchema()', () => {
	test("takes AstroPaper's pubDatetime and modDatetime for the dates, and Clarity's featureImage Ghost's feature_image or a WordPress export's coverImage for the featured image", () => {
		const updated = new Date('2024-03-01T10:00:00Z');
		const paper = schema.parse({ title: 'T', pubDatetime: date, modDatetime: updated, featureImage: './a.jpg' });
		expect({ date: paper.date, updated: paper.updated, image: paper.image?.src }).toEqual({ date, updated, image: './a.jpg' });
		expect(schema.parse({ title: 'T', date, feature_image: './b.jpg' }).image?.src).toBe('./b.jpg');
		expect(schema.parse({ title: 'T', date, coverImage: './c.jpg' }).image?.src).toBe('./c.jpg');
	});

	test('normalises the reference post (Hugo names) into the post shape', () => {
		const data = schema.parse({
			title: 'Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁',
			subtitle: 'Lire la suite',
			date,
			description: 'Les PME…',
			featured_image: '../../../public/images/blog-01-atypique.jpg',
		});
		expect(data).toEqual({
			title: 'Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁',
			subtitle: 'Lire la suite',
			description: 'Les PME…',
			date,
			image: { src: '../../../public/images/blog-01-atypique.jpg' },
			tags: [],
			draft: false,
			extra: {},
		});
	});

	test("normalises the Astro blog starter's names into the same shape", () => {
		const updated = new Date('2024-03-01T00:00:00Z');
		const data = schema.parse({ title: 'Starter', pubDate: date, updatedDate: updated, heroImage: './hero.jpg', heroImageAlt: 'A hill' });
		expect(data).toMatchObject({ title: 'Starter', date, updated, image: { src: './hero.jpg', alt: 'A hill' } });
	});

	test('reads lastmod as the updated date and featured_image_alt as the alt text', () => {
		const data = schema.parse({ title: 'Hugo', date, lastmod: date, featured_image: './a.jpg', featured_image_alt: 'Alt' });
		expect(data).toMatchObject({ updated: date, image: { src: './a.jpg', alt: 'Alt' } });
	});

	test('keeps an https featured image as a URL', () => {
		const data = schema.parse({ title: 'Remote', date, featured_image: 'https://images.example.com/a.jpg' });
		expect(data.image).toEqual({ src: 'https://images.example.com/a.jpg' });
	});

	test('accepts tags as a list or a single name, numbers included, and drops duplicates', () => {
		expect(schema.parse({ title: 'T', date, tags: ['PME', 2024, 'PME'] }).tags).toEqual(['PME', '2024']);
		expect(schema.parse({ title: 'T', date, tags: 'Révolution française' }).tags).toEqual(['Révolution française']);
	});

	test('accepts an author as a name or an object, and a draft flag', () => {
		expect(schema.parse({ title: 'T', date, author: 'Ada', draft: true })).toMatchObject({ author: 'Ada', draft: true });
		expect(schema.parse({ title: 'T', date, author: { name: 'Ada', url: 'https://ada.example' } }).author).toEqual({
			name: 'Ada',
			url: 'https://ada.example',
		});
	});

	test("reads jekyll-import's WordPress author object by its display_name (else its login), with its email, and an empty url as none", () => {
		const author = { display_name: 'Toby', login: 'admin', email: 'toby@example.com', url: '' };
		expect(schema.parse({ title: 'T', date, author }).author).toEqual({ name: 'Toby', email: 'toby@example.com' });
		expect(schema.parse({ title: 'T', date, author: { login: 'admin', url: 'https://toby.example' } }).author).toEqual({ name: 'admin', url: 'https://toby.example' });
	});

	test("reads Hugging Face's authors by their user, whose page is their account on huggingface.co", () => {
		const authors = [{ user: 'philschmid' }, { user: 'osanseviero', guest: true, org: 'google' }];
		expect(schema.parse({ title: 'T', date, authors }).authors).toEqual([
			{ name: 'philschmid', url: 'https://huggingface.co/philschmid' },
			{ name: 'osanseviero', url: 'https://huggingface.co/osanseviero' },
		]);
		// Another engine's object that names a user among other things: the name, and no address guessed.
		expect(schema.parse({ title: 'T', date, author: { user: 'ada', email: 'ada@example.com' } }).author).toEqual({ name: 'ada', email: 'ada@example.com' });
	});

	test("reads a Docusaurus author written as { key, title } with no authors.yml to name them as the key, with the title", () => {
		expect(schema.parse({ title: 'T', date, authors: [{ key: 'slorber', title: 'Docusaurus maintainer' }, 'JMarcey'] }).authors).toEqual([{ name: 'slorber', title: 'Docusaurus maintainer' }, 'JMarcey']);
	});

	test('names each author once when author and authors both name them, keeping what the fuller of the two says', () => {
		const once = schema.parse({ title: 'T', date, author: 'Jane Doe', authors: ['Jane Doe'] });
		expect([once.author, once.authors]).toEqual(['Jane Doe', undefined]);
		const jane = { name: 'Jane Doe', url: 'https://jane.example/' };
		expect(schema.parse({ title: 'T', date, author: jane, authors: ['jane doe', 'John Roe'] }).authors).toEqual([jane, 'John Roe']);
		expect(schema.parse({ title: 'T', date, author: 'Jane Doe', authors: ['John Roe', jane] }).authors).toEqual([jane, 'John Roe']);
		// Two people who only share a first name are two authors.
		expect(schema.parse({ title: 'T', date, authors: ['Jane', 'Jane Doe'] }).authors).toEqual(['Jane', 'Jane Doe']);
	});

	test('reads an author written as a number as that name, as Jekyll and Hugo show it, and one written as a Markdown link as its name and address', () => {
		expect(schema.parse({ title: 'T', date, author: 100092 }).author).toBe('100092');
		expect(schema.parse({ title: 'T', date, authors: [7, 'Ada'] }).authors).toEqual(['7', 'Ada']);
		// Vocs' author as a Markdown link: the name and the address.
		expect(schema.parse({ title: 'T', date, authors: ['[Justin Hunter](https://twitter.com/justinhunter)'] }).author).toEqual({ name: 'Justin Hunter', url: 'https://twitter.com/justinhunter' });
	});

	test('reads authors written as one Markdown string of links, as the Kubernetes blog writes them, each with its affiliation as title', () => {
		const written = '[René Dudfield](https://github.com/illume) (Microsoft), [Anirban Singha](https://github.com/anirban) (independent) and [Ada](https://ada.example)';
		expect(schema.parse({ title: 'T', date, author: written })).toMatchObject({
			author: { name: 'René Dudfield', url: 'https://github.com/illume', title: 'Microsoft' },
			authors: [
				{ name: 'René Dudfield', url: 'https://github.com/illume', title: 'Microsoft' },
				{ name: 'Anirban Singha', url: 'https://github.com/anirban', title: 'independent' },
				{ name: 'Ada', url: 'https://ada.example' },
			],
		});
		expect(schema.parse({ title: 'T', date, authors: '[Ada](https://ada.example) (Acme)' }).author).toEqual({ name: 'Ada', url: 'https://ada.example', title: 'Acme' });
		// A name without a link among them, as the OpenTelemetry blog writes one.
		expect(schema.parse({ title: 'T', date, author: '[Haochao Zhuang](https://github.com/dmsolr), Fei Han' }).authors).toEqual([{ name: 'Haochao Zhuang', url: 'https://github.com/dmsolr' }, 'Fei Han']);
		expect(schema.parse({ title: 'T', date, author: 'Ada (Acme) and [Grace](https://grace.example)' }).authors).toEqual([{ name: 'Ada', title: 'Acme' }, { name: 'Grace', url: 'https://grace.example' }]);
		// Text after a link that is no name describes the author, as the V8 and etcd blogs write it: one author, as shown there.
		expect(schema.parse({ title: 'T', date, author: '[Victor Gomes](https://twitter.com/VictorBFG), the Glühwein expert' }).author).toBe('Victor Gomes, the Glühwein expert');
		expect(schema.parse({ title: 'T', date, author: '[Gyuho Lee](https://github.com/gyuho), Amazon Web Services' }).author).toBe('Gyuho Lee, Amazon Web Services');
		// An Oxford comma before the last; a degree after a name is no author of its own.
		expect(schema.parse({ title: 'T', date, author: '[Ada](https://ada.example), [Grace](https://grace.example), and [Alan](https://alan.example)' }).authors).toEqual([
			{ name: 'Ada', url: 'https://ada.example' },
			{ name: 'Grace', url: 'https://grace.example' },
			{ name: 'Alan', url: 'https://alan.example' },
		]);
		expect(schema.parse({ title: 'T', date, author: '[Ada](https://ada.example), PhD' }).author).toBe('Ada, PhD');
		for (const name of ['Vincent van Gogh', 'Maria de la Cruz', 'Ahmed al-Sayed', '李明']) {
			expect(schema.parse({ title: 'T', date, author: `[Ada](https://ada.example), ${name}` }).authors, name).toEqual([{ name: 'Ada', url: 'https://ada.example' }, name]);
		}
		expect(schema.parse({ title: 'T', date, author: '[Ada](https://ada.example), et al.' }).author).toBe('Ada, et al.');
		// A mailto: link, a name broken over lines, and a list of thousands, read in one pass.
		expect(schema.parse({ title: 'T', date, author: '[Ada](https://ada.example) (Acme), [Eve](mailto:eve@x.example)' }).authors).toEqual([
			{ name: 'Ada', url: 'https://ada.example', title: 'Acme' },
			{ name: 'Eve', url: 'mailto:eve@x.example' },
		]);
		expect(schema.parse({ title: 'T', date, author: '[Gr\nace](https://g.example), [Ada](https://ada.example)' }).author).toEqual({ name: 'Gr ace', url: 'https://g.example' });
		const thousands = Array.from({ length: 2000 }, (_, index) => `[A${index}](https://a${index}.example) (Org${index})`).join(', ');
		const started = performance.now();
		expect(schema.parse({ title: 'T', date, author: thousands }).authors).toHaveLength(2000);
		expect(performance.now() - started).toBeLessThan(5_000);
		// Text around the links: one name, as a reader would read it.
		expect(schema.parse({ title: 'T', date, author: 'Grace and [Ada](https://ada.example) of Acme' }).author).toBe('Grace and Ada of Acme');
		expect(schema.parse({ title: 'T', date, author: 'Ada [at] example' }).author).toBe('Ada [at] example');
		// A link that is no page is refused as an author's url is, rather than published as its Markdown.
		expect(schema.safeParse({ title: 'T', date, author: '[Ada](javascript:alert(1))' }).error?.issues.map(({ path }) => path.join('.'))).toEqual(['author.url']);
	});

	test("reads Nuxt's author objects: the photo of avatar: { src }, and the page of to", () => {
		expect(schema.parse({ title: 'T', date, authors: [{ name: 'Daniel Roe', avatar: { src: 'https://github.com/danielroe.png' }, to: 'https://x.com/danielcroe' }] }).author).toEqual({
			name: 'Daniel Roe',
			image: 'https://github.com/danielroe.png',
			url: 'https://x.com/danielcroe',
		});
		// A page of the old site, or an address without its scheme, is no url a feed can publish: left out, and the post builds.
		expect(schema.parse({ title: 'T', date, author: { name: 'Ada', to: '/authors/ada' } }).author).toEqual({ name: 'Ada' });
		expect(schema.parse({ title: 'T', date, author: { name: 'Ada', website: 'ada.dev' } }).author).toEqual({ name: 'Ada' });
	});

	test("takes the publication and update dates of git-based editors: Outstatic's publishedAt, Keystatic's publishedOn, Ghost's updated_at", () => {
		const updated = new Date('2024-03-01T10:00:00Z');
		expect(schema.parse({ title: 'T', publishedAt: date, updated_at: updated })).toMatchObject({ date, updated });
		expect(schema.parse({ title: 'T', publishedOn: date, updatedAt: updated })).toMatchObject({ date, updated });
	});

	test('keeps unknown front-matter keys in extra instead of dropping them', () => {
		const data = schema.parse({ title: 'T', date, mood: ['calm'], weight: 3 });
		expect(data.extra).toEqual({ mood: ['calm'], weight: 3 });
	});

	test("reads Hugo's series taxonomy, a list of one name, as that series, and refuses a list of several", () => {
		expect(schema.parse({ title: 'T', date, series: ['Migrations'] }).series).toEqual({ name: 'Migrations' });
		expect(schema.parse({ title: 'T', date, series: 'Migrations' }).series).toEqual({ name: 'Migrations' });
		expect(schema.safeParse({ title: 'T', date, series: ['One', 'Two'] }).error?.issues.map((issue) => issue.message)).toEqual([
			'expected the name of a series, such as "Moving to Astro" (one per post)',
		]);
	});

	test('validates and keeps fields declared with extend', () => {
		const extended = postSchema({ extend: { series: z.string() } })({ image });
		expect(extended.parse({ title: 'T', date, series: 'Guides' })).toMatchObject({ series: 'Guides', extra: {} });
		expect(extended.safeParse({ title: 'T', date, series: 3 }).success).toBe(false);
	});

	test("errors on postSchema().extend(), as a Zod object would take it, with the extend option to write", () => {
		expect(refusal(() => postSchema().extend({ mood: z.string() }))).toMatchInlineSnapshot(`
			"postSchema().extend() cannot add fields: postSchema() gives Astro a function (of its image() helper), not a Zod object.
			Hint: In src/content.config.ts, pass your fields to postSchema() with its extend option: postSchema({ extend: { mood: z.enum(['calm', 'stormy']).optional() } })."
		`);
	});

	test('requires a title and a date, naming the form expected', () => {
		const result = schema.safeParse({ description: 'No title' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['title', 'expected a non-empty title'],
			[
				'date',
				"expected the post's publication date, a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024', under one of the names date, pubDate, publishDate, publishdate, published, pubDatetime, published_at, datePublished, publishedAt, publishedOn, publishedDate, date_published, published_date, publish_date, created_at",
			],
		]);
	});

	test('rejects a title with nothing visible in it', () => {
		for (const title of ['\u200B\u200B', '\u00A0\u3000', '\u2060']) expect(schema.safeParse({ title, date }).success, title).toBe(false);
		expect(schema.safeParse({ title: 'a\u200Bb', date }).success).toBe(true);
	});

	test('rejects a date the loader could not read', () => {
		const result = schema.safeParse({ title: 'T', date: 'someday' });
		expect(result.error?.issues[0]?.message).toBe("expected a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024'");
	});

	test("reads a Medium export's canonical_link as the post's canonical address", () => {
		expect(schema.parse({ title: 'T', date, canonical_link: 'https://medium.com/@ada/spark-d01171506676' })).toMatchObject({ canonicalURL: 'https://medium.com/@ada/spark-d01171506676', extra: {} });
	});

	test('writes canonical, author and profile URLs as browsers send them: spaces and accents percent-encoded', () => {
		const data = schema.parse({
			title: 'T',
			date,
			canonical: 'https://exemple.fr/blog/café à la crème/?q=a b',
			author: { name: 'Ada', url: 'https://ada.example/a b"<x>', image_url: 'https://ada.example/ma photo.png', socials: { blog: 'https://ada.example/é' } },
		});
		expect(data.canonicalURL).toBe('https://exemple.fr/blog/caf%C3%A9%20%C3%A0%20la%20cr%C3%A8me/?q=a%20b');
		expect(data.author).toEqual({ name: 'Ada', url: 'https://ada.example/a%20b%22%3Cx%3E', image: 'https://ada.example/ma%20photo.png', socials: { blog: 'https://ada.example/%C3%A9' } });
	});

	test("refuses an author URL that is not http(s): or mailto:, naming author.url and the value", () => {
		for (const url of ['javascript:alert(document.domain)', 'JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'example.com']) {
			const result = schema.safeParse({ title: 'T', date, author: { name: 'Ada', url } });
			expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]), url).toEqual([
				['author.url', 'expected an http(s): or mailto: URL such as https://example.com'],
			]);
		}
		expect(schema.parse({ title: 'T', date, author: { name: 'Ada', url: 'https://ada.example/' } }).author).toEqual({ name: 'Ada', url: 'https://ada.example/' });
	});

	test("keeps a Docusaurus author's role, photo (image_url) and socials, and names the field of one it cannot publish", () => {
		const author = { name: 'Ada', title: 'Engineer', image_url: '/images/ada.png', socials: { github: 'ada', stackoverflow: 82609, newsletter: 'https://ada.example/news' } };
		expect(schema.parse({ title: 'T', date, authors: [author] }).author).toEqual({ name: 'Ada', title: 'Engineer', image: '/images/ada.png', socials: { github: 'ada', stackoverflow: '82609', newsletter: 'https://ada.example/news' } });
		const issues = (value: Record<string, unknown>) => schema.safeParse({ title: 'T', date, author: { name: 'Ada', ...value } }).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
		expect(issues({ image_url: 'javascript:alert(1)' })).toEqual([['author.image_url', 'expected an http(s) URL or a path in public/ such as /images/ada.png']]);
		expect(issues({ imageURL: 'ada.png' })).toEqual([['author.imageURL', 'expected an http(s) URL or a path in public/ such as /images/ada.png']]);
		expect(issues({ socials: { github: 'javascript:alert(1)' } })).toEqual([['author.socials.github', 'expected a handle or an http(s) URL such as https://example.com/ada']]);
		expect(issues({ socials: { github: 'ada/repo' } })).toEqual([['author.socials.github', 'expected a handle without "/" or spaces, or a full http(s) URL']]);
		expect(issues({ socials: { myspace: 'ada' } })).toEqual([['author.socials.myspace', 'Carnet knows no address for a handle on "myspace": write the profile\'s full URL (https://…)']]);
	});

	test('reads a series order written in quotes as its number, and refuses one that is no number', () => {
		expect(schema.parse({ title: 'T', date, series: 'S', series_order: '2' }).series).toEqual({ name: 'S', order: 2 });
		expect(schema.safeParse({ title: 'T', date, series: 'S', series_order: 'two' }).success).toBe(false);
	});

	test('reads last_modified_at as the updated date', () => {
		const data = schema.parse({ title: 'T', date, last_modified_at: new Date('2024-03-01') });
		expect(data.updated).toEqual(new Date('2024-03-01'));
	});

	test('reads empty optional fields as absent, whatever loader gave them', () => {
		const data = schema.parse({ title: 'T', date, featured_image: '', featured_image_alt: '', description: '', subtitle: '  ', updated: '', tags: [], author: null });
		expect(data).toEqual({ title: 'T', date, tags: [], draft: false, extra: {} });
		expect(schema.safeParse({ title: '', date }).success).toBe(false);
	});

	describe("Hugo's and Jekyll's fields", () => {
		test('merges categories into tags, each name once whatever its case', () => {
			expect(schema.parse({ title: 'T', date, tags: ['Astro', 'web', 'Astro'], categories: ['Web', 'Migration'] }).tags).toEqual(['Astro', 'web', 'Migration']);
		});

		test("splits Jekyll's space-separated categories string, and keeps its one category whole", () => {
			expect(schema.parse({ title: 'T', date, categories: 'jekyll update' }).tags).toEqual(['jekyll', 'update']);
			expect(schema.parse({ title: 'T', date, category: 'news' }).tags).toEqual(['news']);
			expect(schema.parse({ title: 'T', date, category: 'Project Archive' }).tags).toEqual(['Project Archive']);
			expect(schema.parse({ title: 'T', date, category: 'Web, Astro' }).tags).toEqual(['Web', 'Astro']);
		});

		test('keeps categories apart when the site declares them with extend', () => {
			const extended = postSchema({ extend: { categories: z.array(z.string()) } })({ image });
			expect(extended.parse({ title: 'T', date, tags: ['a'], categories: ['b'] })).toMatchObject({ tags: ['a'], categories: ['b'] });
		});

		test("reads deno_blog's publish_date and abstract as the date and the description", () => {
			expect(schema.parse({ title: 'Third post', publish_date: date, abstract: 'This is the third post.' })).toMatchObject({ date, description: 'This is the third post.' });
		});

		test('keeps aliases, permalink, keywords and the expiry date under their own names, and ignores layout', () => {
			const expires = new Date('2030-01-01T00:00:00Z');
			const data = schema.parse({ title: 'T', date, aliases: '/old/', permalink: '/2024/01/05/t.html', keywords: ['a', 'b'], expiryDate: expires, layout: 'post' });
			expect(data).toMatchObject({ aliases: ['/old/'], permalink: '/2024/01/05/t.html', keywords: ['a', 'b'], expires, extra: {} });
			expect(data).not.toHaveProperty('layout');
		});

		test('refuses an old address with a backslash, which browsers read as a slash (/\\name is another site), naming it', () => {
			for (const value of ['/\\old-blog/post', '/\\evil.example', 'p\\12.html']) {
				const result = schema.safeParse({ title: 'T', date, aliases: [value] });
				expect(result.success, value).toBe(false);
				expect(result.error?.issues[0]?.message, value).toMatch(/written with \/ \(browsers read a \\ as a \/, and \/\\name as the address of another site\)/);
			}
			expect(schema.safeParse({ title: 'T', date, permalink: '/\\/evil.example' }).success).toBe(false);
		});

		test("reads one author of Docusaurus's authors written without brackets, a key or an object", () => {
			expect(schema.parse({ title: 'T', date, authors: 'yangshun' })).toMatchObject({ author: 'yangshun' });
			expect(schema.parse({ title: 'T', date, authors: { name: 'Pascal', title: 'Full Stack Web Dev', url: 'https://github.com/0815pascal', image_url: 'https://github.com/0815pascal.png' } })).toMatchObject({
				author: { name: 'Pascal', url: 'https://github.com/0815pascal' },
			});
		});

		test("reads Hexo Icarus's and Gatsby starters' thumbnail, and Hexo Fluid's index_img, as the featured image", () => {
			expect(schema.parse({ title: 'T', date, thumbnail: './a.jpg' })).toMatchObject({ image: { src: './a.jpg' }, extra: {} });
			expect(schema.parse({ title: 'T', date, index_img: './b.jpg' })).toMatchObject({ image: { src: './b.jpg' }, extra: {} });
		});

		test("reads Tina's heroImg (tina-cloud-starter's) as the featured image", () => {
			// As postsLoader() gives an image of public/: a path from the post.
			expect(schema.parse({ title: 'T', date, heroImg: '../../../public/uploads/posts/hero.jpg' })).toMatchObject({ image: { src: '../../../public/uploads/posts/hero.jpg' }, extra: {} });
		});

		test("reads Hugo Toha's and gatsby-theme-novela's hero as the featured image", () => {
			expect(schema.parse({ title: 'T', date, hero: './boat.jpg' })).toMatchObject({ image: { src: './boat.jpg' }, extra: {} });
		});

		test("reads toc, and Docusaurus's hide_table_of_contents as its opposite", () => {
			expect(schema.parse({ title: 'T', date, toc: false }).toc).toBe(false);
			expect(schema.parse({ title: 'T', date, hide_table_of_contents: true }).toc).toBe(false);
			expect(schema.parse({ title: 'T', date, hide_table_of_contents: false }).toc).toBe(true);
			expect(schema.parse({ title: 'T', date })).not.toHaveProperty('toc');
			expect(schema.parse({ title: 'T', date, toc: true }).extra).toEqual({});
		});

		test("reads Docusaurus's tags written as { label, permalink } by their label", () => {
			expect(schema.parse({ title: 'T', date, tags: ['Java', { label: 'Redirect', permalink: '/redirect' }] }).tags).toEqual(['Java', 'Redirect']);
		});

		test("adds every name of Hexo's nested category lists to the tags", () => {
			expect(schema.parse({ title: 'T', date, tags: ['Hexo'], categories: [['Hexo', 'Migration'], ['Tools']] }).tags).toEqual(['Hexo', 'Migration', 'Tools']);
			expect(schema.parse({ title: 'T', date, categories: ['Diary', 'Life'] }).tags).toEqual(['Diary', 'Life']);
		});

		test('takes the first of several authors as author and keeps them all in authors', () => {
			expect(schema.parse({ title: 'T', date, authors: ['Ada', 'Grace'] })).toMatchObject({ author: 'Ada', authors: ['Ada', 'Grace'] });
			expect(schema.parse({ title: 'T', date, author: ['Ada', 'Grace'] })).toMatchObject({ author: 'Ada', authors: ['Ada', 'Grace'] });
			expect(schema.parse({ title: 'T', date, author: 'Ada' })).not.toHaveProperty('authors');
		});
	});
});
