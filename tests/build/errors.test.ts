import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { mapWithConcurrency } from '../../theme/utils/concurrency.ts';
import { CONTENT_CONFIG, astroConfig, repoRoot, printedAstroError, runAstro, writeSite, type CliResult } from '../helpers/sites.ts';

const referencePost = readFileSync(path.join(repoRoot, 'src/content/posts/externalisation-le-traitement-antistress-des-pme.md'));
const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));
const goodPost = '---\ntitle: Hello\ndate: 2024-01-01\n---\nHello.\n';
const GLOB_CONFIG = "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { postSchema } from 'astro-theme-carnet/schema';\n\nexport const collections = {\n\tposts: defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/posts' }), schema: postSchema() }),\n};\n";

interface SiteSpec {
	options?: Record<string, unknown>;
	astro?: Record<string, unknown>;
	files: Record<string, string | Buffer>;
	/** Symbolic links to make: link → target, as written in the link. */
	links?: Record<string, string>;
}

const sites = {
	// "window" in the lines the message quotes: Astro would replace the hint with one about browser APIs.
	badYaml: { files: { 'src/content/posts/broken.md': '---\ntitle: Broken window\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n' } },
	// One link to a file gone, two that lead to each other.
	brokenLink: {
		files: { 'src/content/posts/hello.md': goodPost },
		links: { 'src/content/posts/2024/gone.md': '../../../drafts/gone.md', 'src/content/posts/loop-a.md': 'loop-b.md', 'src/content/posts/loop-b.md': 'loop-a.md' },
	},
	badSchema: {
		files: { 'src/content/posts/bad.md': '---\ntitle: Bad\ndate: someday\ndraft: maybe\ntags: { a: 1 }\n---\nBody\n' },
	},
	strict: { options: { title: 'Strict', strict: true }, files: { 'src/content/posts/reference.md': referencePost } },
	duplicateSlugs: {
		files: {
			'src/content/posts/hello-world.md': goodPost,
			'src/content/posts/Hello World!.md': goodPost,
		},
	},
	missingImage: {
		files: {
			'public/images/blog-01-atypique.jpg': jpeg,
			'src/content/posts/reference.md': String(referencePost).replace('/images/blog-01-atypique.jpg', '/images/blog-01-atypik.jpg'),
		},
	},
	// Three posts whose images are missing, one in its body, with a good post among them.
	missingImages: {
		files: {
			'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\nfeatured_image: /images/gone-a.jpg\n---\n',
			'src/content/posts/b.md': '---\ntitle: B\ndate: 2024-01-02\n---\n\n![B](./gone-b.png)\n',
			'src/content/posts/c.md': '---\ntitle: C\ndate: 2024-01-03\ncover: gone-c.jpg\n---\n',
			'src/content/posts/good.md': goodPost,
		},
	},
	// Posts whose featured image and body images are all missing: one in public/, one beside the post.
	missingFeaturedAndBodyImages: {
		files: {
			'src/content/posts/both.md': '---\ntitle: Both\ndate: 2024-01-01\nfeatured_image: /images/missing.jpg\n---\n\n![a](./missing-too.png)\n',
			'src/content/posts/beside/index.md': '---\ntitle: Beside\ndate: 2024-01-02\ncover: ./missing.png\n---\n\n![a](./missing-too.png)\n\n![b](./gone.png)\n',
		},
	},
	missingLocalImage: {
		files: {
			'src/content/posts/local/cover.jpg': jpeg,
			'src/content/posts/local/index.md': '---\ntitle: Local\ndate: 2024-01-01\nheroImage: ./covers.jpg\n---\n',
		},
	},
	// Percent-encoded as the body writes it; Astro's own error (ImageNotFound) named neither post nor line.
	missingBodyImage: {
		files: {
			'src/content/posts/trip/photo.jpg': jpeg,
			'src/content/posts/trip/index.md': '---\ntitle: Trip\ndate: 2024-01-01\n---\n\nThe view:\n\n![The view](./%C3%A9t%C3%A9.jpg)\n',
		},
	},
	// On hosts that image.domains does not allow, which are published as they are once measured; these do not resolve.
	remoteUnreachable: {
		files: {
			'src/content/posts/remote.md': '---\ntitle: Remote\ndate: 2024-01-01\nfeatured_image: https://carnet-test.invalid/photo.jpg\n---\n',
			'src/content/posts/gone.md': '---\ntitle: Gone\ndate: 2024-01-02\nogImage: https://old-host.invalid/og/gone.png\n---\n',
			'src/content/posts/good.md': goodPost,
		},
	},
	// Posts whose remote featured image cannot be downloaded and whose body's images are missing, in Markdown and in MDX,
	// beside a post whose featured image file is missing.
	remoteAndMissingImages: {
		files: {
			'src/content/posts/remote.md': '---\ntitle: Remote\ndate: 2024-01-01\nfeatured_image: https://carnet-test.invalid/photo.jpg\n---\n\n![a](./gone.png)\n',
			'src/content/posts/remote-mdx.mdx': '---\ntitle: Remote MDX\ndate: 2024-01-02\nfeatured_image: https://carnet-test.invalid/cover.jpg\n---\n\n![a](./gone-too.png)\n',
			'src/content/posts/local.md': '---\ntitle: Local\ndate: 2024-01-03\nfeatured_image: /images/missing.jpg\n---\n',
		},
	},
	emojiTag: { files: { 'src/content/posts/party.md': '---\ntitle: Party\ndate: 2024-01-01\ntags: [Fête, 🎉]\n---\n' } },
	badOptions: { options: { title: 'Blog', postsPerPage: 0, timeZone: 'Paris' }, files: { 'src/content/posts/a.md': goodPost } },
	unknownComponent: {
		options: { title: 'Blog', components: { PostCrad: './src/components/Card.astro' }, strings: { 'card.readmore': 'Go' } },
		files: { 'src/content/posts/a.md': goodPost },
	},
	missingComponent: { options: { title: 'Blog', components: { Footer: './src/components/Nope.astro' } }, files: { 'src/content/posts/a.md': goodPost } },
	unknownKeys: {
		// With an editor's own keys, a flag that says what every post is, and a short key like no field.
		files: { 'src/content/posts/keys.md': '---\ntitle: Keys\ndate: 2024-01-01\ncategorie: news\nweight: 3\n_inputs: { title: { comment: Short } }\nunlisted: false\naws: true\n---\nBody\n' },
	},
	noSite: { astro: {}, files: { 'src/content/posts/a.md': goodPost } },
	mdxRepair: { files: { 'src/content/posts/reference.mdx': referencePost } },
	// No body either, whose first words would title it.
	missingFields: { files: { 'src/content/posts/untitled.md': '---\ndescription: No title, no date\ntags: [a]\n---\n' } },
	// A script in the XHTML namespace, which Chromium runs when the SVG is opened on its own.
	bodySvg: {
		files: {
			'src/content/posts/chart/index.md': '---\ntitle: Chart\ndate: 2024-01-01\n---\n\nThe figures:\n\n![The chart](./chart.svg)\n',
			'src/content/posts/chart/chart.svg':
				'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10"><rect width="10" height="10"/><h:script>alert(document.domain)</h:script></svg>',
		},
	},
	// An MDX post from a Docusaurus blog, an example import in a code fence before the real one.
	docusaurusMdx: {
		files: {
			'src/content/posts/tabs.mdx':
				"---\ntitle: Tabs\ndate: 2024-01-01\n---\n\n```js\nimport Example from '@site/src/example';\n```\n\nimport Tabs from '@theme/Tabs';\n\n<Tabs>Apple</Tabs>\n",
		},
	},
	tomlOffset: { files: { 'src/content/posts/offset.md': '+++\ntitle = "Offset"\ndate = "2024-02-03T10:00:00+99:99"\n+++\nBody\n' } },
	// An MDX expression that throws as the body renders, which a feed renders before the post's page.
	mdxThrows: { files: { 'src/content/posts/m.mdx': '---\ntitle: M\ndate: 2024-03-01\n---\n{undefinedVar.foo}\n' } },
	// A remote image in the body on a host that does not resolve, which Astro downloads as the body renders.
	unreachableBodyImage: {
		astro: { site: 'https://example.com', image: { domains: ['carnet-test.invalid'] } },
		files: { 'src/content/posts/onde.md': '---\ntitle: Onde\ndate: 2020-05-02\ndescription: The picture at https://carnet-test.invalid/i/final.png\n---\nSee https://carnet-test.invalid/i/final.png below.\n\n![Final](https://carnet-test.invalid/i/final.png)\n' },
	},
	// An old address that is a page of the site's own, which its redirect page would replace.
	aliasOnSitePage: {
		files: {
			'src/pages/contact.astro': '<p>Write to me</p>\n',
			'src/content/posts/moved.md': '---\ntitle: Moved\ndate: 2024-01-01\naliases:\n  - /contact/\n---\nBody\n',
		},
	},
	// An old address with a %, which Astro reads as a percent-encoding as it writes the page.
	aliasPercent: { files: { 'src/content/posts/done.md': '---\ntitle: Done\ndate: 2024-01-01\naliases:\n  - "/posts/100%-done/"\n---\nBody\n' } },
	// Posts broken in four ways beside a good one: a build names them all, not the first it met.
	severalBroken: {
		files: {
			'src/content/posts/a-yaml.md': '---\ntitle: Broken\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n',
			'src/content/posts/b-schema.md': '---\ntitle: Bad\ndate: someday\ndraft: maybe\n---\nBody\n',
			'src/content/posts/c-image.md': '---\ntitle: C\ndate: 2024-01-03\nfeatured_image: /images/gone-c.jpg\n---\n',
			'src/content/posts/d-untitled.md': '---\ndescription: No title\ndate: 2024-01-04\n---\n',
			'src/content/posts/good.md': goodPost,
		},
	},
	// A field the site adds with postSchema's extend option, given a value it does not accept.
	extendedField: {
		files: {
			'src/content.config.ts':
				"import { defineCollection } from 'astro:content';\nimport { z } from 'astro/zod';\nimport { postsLoader } from 'astro-theme-carnet/loaders';\nimport { postSchema } from 'astro-theme-carnet/schema';\n\nexport const collections = {\n\tposts: defineCollection({ loader: postsLoader(), schema: postSchema({ extend: { mood: z.enum(['calm', 'stormy']).optional() } }) }),\n};\n",
			'src/content/posts/weather.md': '---\ntitle: Weather\ndate: 2024-01-01\nmood: sunny\n---\nBody\n',
		},
	},
	// The posts loaded with Astro's glob() and given postSchema(): one names a featured image in public/, which
	// glob() passes on as written; the other site has none, and builds without the theme's reading of its posts.
	globLoaderImage: {
		files: {
			'src/content.config.ts': GLOB_CONFIG,
			'public/images/pic.jpg': jpeg,
			'src/content/posts/pic.md': '---\ntitle: Pic\ndate: 2024-01-01\nfeatured_image: /images/pic.jpg\n---\nBody\n',
		},
	},
	globLoader: { files: { 'src/content.config.ts': GLOB_CONFIG, 'src/content/posts/a.md': goodPost } },
	// The theme told to read a collection that content.config.ts does not load with postsLoader().
	otherCollection: { options: { title: 'Blog', collection: 'articles' }, files: { 'src/content/posts/a.md': goodPost } },
} satisfies Record<string, SiteSpec>;

type SiteName = keyof typeof sites;
const results = {} as Record<SiteName, CliResult & { root: string }>;

// Four builds at a time: some forty at once on a 2-core CI machine outran the hook's five minutes.
beforeAll(async () => {
	await mapWithConcurrency(
		Object.entries(sites),
		4,
		async ([name, spec]: [string, SiteSpec]) => {
			const root = writeSite(`errors-${name}`, {
				'astro.config.mjs': astroConfig(spec.options ?? { title: 'Test' }, spec.astro),
				'src/content.config.ts': CONTENT_CONFIG,
				...spec.files,
			});
			for (const [link, target] of Object.entries(spec.links ?? {})) {
				mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
				symlinkSync(target, path.join(root, link));
			}
			results[name as SiteName] = { ...(await runAstro(root, ['build'])), root };
		},
	);
}, 900_000);

/** The error block Astro printed (printedAstroError()), which the site must have printed. */
function printedError(name: SiteName): string {
	const printed = printedAstroError(results[name]);
	expect(printed, results[name].log).toBeDefined();
	return printed as string;
}

describe("the theme's collection loaded with another loader than postsLoader()", () => {
	test('stops on a featured image in public/, which that loader passes on as written, with the loader to use', () => {
		expect(results.globLoaderImage.ok).toBe(false);
		expect(printedError('globLoaderImage')).toContain(
			'postSchema() reads the posts that postsLoader() prepares, but this collection\'s loader gives it the featured image "/images/pic.jpg" as written, which Astro\'s image() cannot find in public/.',
		);
		expect(printedError('globLoaderImage')).toContain('defineCollection({ loader: postsLoader(), schema: postSchema() })');
	});

	test("is warned about where the posts build, saying what the theme's reading would give", () => {
		expect(results.globLoader.log).toContain('No collection is loaded with postsLoader(), so the posts of "posts", which the theme shows, come from another loader');
	});
});

describe('a collection option that names no collection of postsLoader()', () => {
	test('is warned about, with both names and how to make them agree', () => {
		const { log } = results.otherCollection;
		expect(log).toContain(
			`postsLoader() loads the collection "posts", but the theme reads "articles" (its collection option), so these posts get no pages, listings or feeds. Set collection: 'posts' in carnet() in astro.config.mjs, or name the collection "articles" in src/content.config.ts.`,
		);
	});
});

describe('bad input fails the build with an error that says where and how to fix it', () => {
	test('YAML it cannot repair: file, line, column, a code frame and no stack trace', () => {
		expect(results.badYaml.ok).toBe(false);
		expect(printedError('badYaml')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/broken.md:3:7: invalid YAML front matter: missed comma between flow collection entries: the bracket opened on line 3 is never closed

			  1 | ---
			  2 | title: Broken window
			> 3 | tags: [a, b
			    |       ^
			  4 | date: 2024-01-01
			  5 | ---
			  Hint:
			    Close the bracket on line 3: tags: [a, b].
			  Location:
			    <root>/src/content/posts/broken.md:3:7"
		`);
	});

	test('posts broken in different ways: every post, line and fix in one error, so that one build lists them all', () => {
		expect(results.severalBroken.ok).toBe(false);
		expect(printedError('severalBroken')).toMatchInlineSnapshot(`
			"[AstroUserError] 4 posts have errors to fix before the site builds:
			- src/content/posts/a-yaml.md:3:7: invalid YAML front matter: missed comma between flow collection entries: the bracket opened on line 3 is never closed

			    1 | ---
			    2 | title: Broken
			  > 3 | tags: [a, b
			      |       ^
			    4 | date: 2024-01-01
			    5 | ---
			- src/content/posts/b-schema.md:3: date: expected a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024', received "someday".
			  src/content/posts/b-schema.md:4: draft: expected true or false (or 1 or 0), received "maybe".
			- src/content/posts/c-image.md:4: featured_image '/images/gone-c.jpg' was not found in public/ (looked for public/images/gone-c.jpg).
			- src/content/posts/d-untitled.md:1: title: expected a non-empty title, received nothing: the front matter (lines 1-4) has no title field.
			  Hint:
			    Close the bracket on line 3: tags: [a, b].
			    Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.
			    Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file.
			  Location:
			    <root>/src/content/posts/a-yaml.md:3:7"
		`);
	});

	test("a field the site adds with postSchema's extend option, given a value it refuses: file, line, field and value, as the theme's own fields", () => {
		expect(results.extendedField.ok).toBe(false);
		expect(printedError('extendedField')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/weather.md:4: mood: Invalid option: expected one of "calm"|"stormy", received "sunny".
			  Hint:
			    Fix the front matter of this post. The field is one the site adds in src/content.config.ts (postSchema's extend option), which says what it accepts.
			  Location:
			    <root>/src/content/posts/weather.md:4:1"
		`);
	});

	test('front matter that does not fit the schema: file, line, field, value received and form expected', () => {
		expect(results.badSchema.ok).toBe(false);
		expect(printedError('badSchema')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/bad.md:3: date: expected a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024', received "someday".
			src/content/posts/bad.md:4: draft: expected true or false (or 1 or 0), received "maybe".
			src/content/posts/bad.md:5: tags: expected a list of tag names, e.g. [PME, "Révolution française"], received {"a":1}.
			  Hint:
			    Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.
			  Location:
			    <root>/src/content/posts/bad.md:3:1"
		`);
	});

	test('a missing title and date: the front matter\'s first line, and the names accepted', () => {
		expect(results.missingFields.ok).toBe(false);
		expect(printedError('missingFields')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/untitled.md:1: title: expected a non-empty title, received nothing: the front matter (lines 1-4) has no title field.
			src/content/posts/untitled.md:1: date: expected the post's publication date, a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024', under one of the names date, pubDate, publishDate, publishdate, published, pubDatetime, published_at, datePublished, publishedAt, publishedOn, publishedDate, date_published, published_date, publish_date, created_at, received nothing: the front matter (lines 1-4) has no date field.
			  Hint:
			    Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.
			  Location:
			    <root>/src/content/posts/untitled.md:1:1"
		`);
	});

	test('an offset no clock uses, in TOML front matter: file, line and field', () => {
		expect(results.tomlOffset.ok).toBe(false);
		expect(printedError('tomlOffset')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/offset.md:3: date: the offset +99:99 in "2024-02-03T10:00:00+99:99" is not a time-zone offset (from -12:00 to +14:00, minutes below 60).
			  Hint:
			    Write a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024'; an offset goes from -12:00 to +14:00.
			  Location:
			    <root>/src/content/posts/offset.md:3:1"
		`);
	});

	test('strict mode refuses to repair the reference post and gives the corrected line', () => {
		expect(results.strict.ok).toBe(false);
		expect(printedError('strict')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/reference.md:2:61: invalid YAML front matter: text after the closing quote of "title" (not repaired: strict mode is on).
			  Hint:
			    Replace the line with:
			      title: "Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁"
			  Location:
			    <root>/src/content/posts/reference.md:2:61"
		`);
	});

	test('MDX front matter is never repaired, since the MDX compiler reads the file itself', () => {
		expect(results.mdxRepair.ok).toBe(false);
		expect(printedError('mdxRepair')).toContain(
			'src/content/posts/reference.mdx:2:61: invalid YAML front matter: text after the closing quote of "title" (not repaired: MDX front matter is read by the MDX compiler, which cannot be repaired).',
		);
	});

	test('two posts with one slug: both files are named', () => {
		expect(results.duplicateSlugs.ok).toBe(false);
		expect(printedError('duplicateSlugs')).toContain(
			'Two posts have the slug "hello-world": src/content/posts/Hello World!.md and src/content/posts/hello-world.md.',
		);
		// Either file may be met second, depending on the file system; its location has a line either way.
		expect(printedError('duplicateSlugs')).toMatch(/Location:\n\s+<root>\/src\/content\/posts\/(Hello World!|hello-world)\.md:1:1$/);
	});

	test("an old address that is a page of the site's own (src/pages/contact.astro): post, line, alias and the page's file", () => {
		expect(results.aliasOnSitePage.ok).toBe(false);
		expect(printedError('aliasOnSitePage')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/moved.md:4: aliases: "/contact/" is the address of the site's page src/pages/contact.astro, so it cannot redirect to this post.
			  Hint:
			    Remove it from the front matter.
			  Location:
			    <root>/src/content/posts/moved.md:4:1"
		`);
	});

	test('an old address holding a % (aliases: "/posts/100%-done/"), at which Astro cannot write a page, gets no redirect page and a warning naming post, line and alias, and the build goes on, where Astro logged Invalid URL encoding', () => {
		expect(results.aliasPercent.ok, results.aliasPercent.log).toBe(true);
		expect(results.aliasPercent.log).toContain('src/content/posts/done.md:4: aliases: "/posts/100%-done/" holds a % (/posts/100%-done/), and Astro cannot write a page at an address with one, so no redirect page is made there. Redirect it with your host\'s rules instead (Netlify\'s _redirects, an nginx rewrite).');
		expect(results.aliasPercent.log).not.toContain('Invalid URL encoding');
		expect(existsSync(path.join(results.aliasPercent.root, 'dist/posts/done/index.html'))).toBe(true);
	});

	test('a featured image missing from public/: post, field, path looked for and the closest file', () => {
		expect(results.missingImage.ok).toBe(false);
		expect(printedError('missingImage')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/reference.md:7: featured_image '/images/blog-01-atypik.jpg' was not found in public/ (looked for public/images/blog-01-atypik.jpg). Did you mean '/images/blog-01-atypique.jpg'?
			  Hint:
			    Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file.
			  Location:
			    <root>/src/content/posts/reference.md:7:1"
		`);
	});

	test('images missing from several posts: every post, line and path in one error, so that one build lists them all', () => {
		expect(results.missingImages.ok).toBe(false);
		expect(printedError('missingImages')).toMatchInlineSnapshot(`
			"[AstroUserError] 3 posts name image files that do not exist:
			- src/content/posts/a.md:4: featured_image '/images/gone-a.jpg' was not found in public/ (looked for public/images/gone-a.jpg).
			- src/content/posts/b.md:6: the image './gone-b.png' was not found (looked for src/content/posts/gone-b.png).
			- src/content/posts/c.md:4: cover 'gone-c.jpg' was not found next to the post (looked for src/content/posts/gone-c.jpg) nor in public/ (looked for public/gone-c.jpg and public/images/gone-c.jpg).
			  Hint:
			    Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file.
			    Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.
			  Location:
			    <root>/src/content/posts/a.md:4:1"
		`);
	});

	test("a post's missing featured image and its body's missing images: each in one error, so that one build lists them all", () => {
		expect(results.missingFeaturedAndBodyImages.ok).toBe(false);
		expect(printedError('missingFeaturedAndBodyImages')).toMatchInlineSnapshot(`
			"[AstroUserError] 2 posts name 5 image files that do not exist:
			- src/content/posts/beside/index.md:4: cover './missing.png' was not found next to the post (looked for src/content/posts/beside/missing.png).
			- src/content/posts/beside/index.md:7: the image './missing-too.png' was not found (looked for src/content/posts/beside/missing-too.png).
			- src/content/posts/beside/index.md:9: the image './gone.png' was not found (looked for src/content/posts/beside/gone.png).
			- src/content/posts/both.md:4: featured_image '/images/missing.jpg' was not found in public/ (looked for public/images/missing.jpg).
			- src/content/posts/both.md:7: the image './missing-too.png' was not found (looked for src/content/posts/missing-too.png).
			  Hint:
			    Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file.
			    Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.
			  Location:
			    <root>/src/content/posts/beside/index.md:4:1"
		`);
	});

	test('a featured image missing next to the post: the same, relative to the post', () => {
		expect(results.missingLocalImage.ok).toBe(false);
		expect(printedError('missingLocalImage')).toContain(
			"src/content/posts/local/index.md:4: heroImage './covers.jpg' was not found next to the post (looked for src/content/posts/local/covers.jpg). Did you mean './cover.jpg'?",
		);
	});

	test('an image a Markdown body shows that is missing next to the post: post, line and path looked for', () => {
		expect(results.missingBodyImage.ok).toBe(false);
		expect(printedError('missingBodyImage')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/trip/index.md:8: the image './été.jpg' was not found (looked for src/content/posts/trip/été.jpg).
			  Hint:
			    Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.
			  Location:
			    <root>/src/content/posts/trip/index.md:8:1"
		`);
	});

	test('remote featured images that cannot be downloaded, on hosts that image.domains does not allow: every post, line, field, address and what went wrong in one error, and what to check', () => {
		expect(results.remoteUnreachable.ok).toBe(false);
		const printed = printedError('remoteUnreachable');
		const [heading, gone, remote] = printed.split('\n');
		expect(heading).toBe('[AstroUserError] 2 posts name remote images that could not be downloaded or used:');
		expect(gone).toMatch(/^- src\/content\/posts\/gone\.md:4: ogImage 'https:\/\/old-host\.invalid\/og\/gone\.png' could not be downloaded: fetch failed/);
		expect(remote).toMatch(/^- src\/content\/posts\/remote\.md:4: featured_image 'https:\/\/carnet-test\.invalid\/photo\.jpg' could not be downloaded: fetch failed/);
		expect(printed).toContain('Check the URL, or use a copy of the image next to the post.');
		expect(printed).toContain('<root>/src/content/posts/gone.md:4:1');
	});

	test("a post's remote featured image that cannot be downloaded and its body's missing images, in Markdown and MDX, with another post's missing file: all in one error, so that one build lists them all", () => {
		expect(results.remoteAndMissingImages.ok).toBe(false);
		const [heading, ...lines] = printedError('remoteAndMissingImages').split('\n');
		expect(heading).toBe('[AstroUserError] 3 posts name 5 image files that do not exist or remote images that could not be downloaded or used:');
		expect(lines.filter((line) => line.startsWith('- ')).map((line) => line.replace(/ could not be downloaded: .*/, ' could not be downloaded'))).toEqual([
			"- src/content/posts/local.md:4: featured_image '/images/missing.jpg' was not found in public/ (looked for public/images/missing.jpg).",
			"- src/content/posts/remote-mdx.mdx:4: featured_image 'https://carnet-test.invalid/cover.jpg' could not be downloaded",
			"- src/content/posts/remote-mdx.mdx:7: the image './gone-too.png' was not found (looked for src/content/posts/gone-too.png).",
			"- src/content/posts/remote.md:4: featured_image 'https://carnet-test.invalid/photo.jpg' could not be downloaded",
			"- src/content/posts/remote.md:7: the image './gone.png' was not found (looked for src/content/posts/gone.png).",
		]);
	});

	test('an SVG beside the post that a body shows and that hides a script: post, line, path and fix', () => {
		expect(results.bodySvg.ok).toBe(false);
		expect(printedError('bodySvg')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/chart/index.md:8: the image './chart.svg' (src/content/posts/chart/chart.svg) is an SVG that contains a script or what could hide one (a <script> element or an embedded page, an on… attribute, a javascript: URL, entity declarations, a stylesheet processing instruction, or an encoding other than UTF-8), which would run on your site if opened on its own.
			  Hint:
			    Remove the script from the SVG, or export the image as PNG.
			  Location:
			    <root>/src/content/posts/chart/index.md:8:1"
		`);
	});

	test('an MDX post that imports a Docusaurus module: post, line, module and fix, before the bundler fails on it', () => {
		expect(results.docusaurusMdx.ok).toBe(false);
		expect(printedError('docusaurusMdx')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/tabs.mdx:10: imports '@theme/Tabs', a module of Docusaurus, which an Astro site does not have.
			  Hint:
			    Remove the import and the components it brings from the post, or import a component of your own from src/components/ in its place.
			  Location:
			    <root>/src/content/posts/tabs.mdx:10:1"
		`);
	});

	test('an MDX body that throws as it renders: the post, not the feed that rendered it first', () => {
		expect(results.mdxThrows.ok).toBe(false);
		expect(results.mdxThrows.log).toContain('src/content/posts/m.mdx: its body failed to render (ReferenceError: undefinedVar is not defined), for its page and the feeds alike.');
	});

	test("a remote image of the body that cannot be downloaded: the post, the image's line (not that of a mention of its address) and address, and what to check, where Astro gave the image's attributes as escaped JSON", () => {
		expect(results.unreachableBodyImage.ok).toBe(false);
		expect(results.unreachableBodyImage.log).toContain(
			"src/content/posts/onde.md:8: the image https://carnet-test.invalid/i/final.png could not be downloaded, so the post's body could not be rendered, for its page and the feeds alike. Check its address, that its host answers and that this machine can reach it, or save the image beside the post and show that file (![…](./photo.png)).",
		);
		expect(results.unreachableBodyImage.log).not.toContain('&quot;');
	});

	test('post files that are symbolic links to nothing or in a loop: each link, where it points and how to fix it, where the posts were left out silently', () => {
		expect(results.brokenLink.ok).toBe(false);
		expect(printedError('brokenLink').split('\n').slice(0, 4)).toEqual([
			'[AstroUserError] 3 posts have errors to fix before the site builds:',
			'- src/content/posts/2024/gone.md is a symbolic link to ../../../drafts/gone.md, which does not exist, so the post cannot be read.',
			'- src/content/posts/loop-a.md is a symbolic link to loop-b.md, which leads back to this link through other links (a loop), so the post cannot be read.',
			'- src/content/posts/loop-b.md is a symbolic link to loop-a.md, which leads back to this link through other links (a loop), so the post cannot be read.',
		]);
		expect(printedError('brokenLink')).toContain("Point the link at the post's file");
	});

	test('a tag made only of emoji, which cannot make a URL', () => {
		expect(results.emojiTag.ok).toBe(false);
		expect(printedError('emojiTag')).toContain('src/content/posts/party.md:4: tags: the tag "🎉" has no letters or digits to make a URL from.');
	});

	test('invalid options: every option at fault, what was received and what is expected', () => {
		expect(results.badOptions.ok).toBe(false);
		expect(printedError('badOptions')).toMatchInlineSnapshot(`
			"[AstroUserError] Invalid options passed to astro-theme-carnet:
			- timeZone: expected an IANA time zone such as "UTC" or "Europe/Paris", received "Paris".
			- postsPerPage: expected a whole number >= 1, received 0.
			  Hint:
			    Fix the carnet({ ... }) options in astro.config.mjs; each option and its default are listed in the README."
		`);
	});
});

describe('component overrides', () => {
	test('an unknown component name fails with the likely name and the list of valid ones', () => {
		expect(results.unknownComponent.ok).toBe(false);
		const error = printedError('unknownComponent');
		expect(error).toContain(
			'- components.PostCrad: unknown option. Did you mean PostCard? Known options: Head, Header, Footer, SocialLinks, ThemeToggle, PostCard, FeaturedImage, FormattedDate, TagList, Pagination, PostMeta, TableOfContents, PostNavigation, RelatedPosts, ShareLinks, Prose, SocialCard, Search, Comments.',
		);
		expect(error).toContain('- strings.card.readmore: unknown option. Did you mean card.readMore? The README lists them (the keys of astro-theme-carnet\'s i18n/en.ts).');
	});

	test('a component file that does not exist fails with the path looked for', () => {
		expect(results.missingComponent.ok).toBe(false);
		expect(printedError('missingComponent')).toMatchInlineSnapshot(`
			"[AstroUserError] Invalid options passed to astro-theme-carnet:
			- components.Footer: the file './src/components/Nope.astro' was not found (looked for src/components/Nope.astro).
			  Hint:
			    Component paths are read from the project root, e.g. ./src/components/MyCard.astro."
		`);
	});
});

describe('input that can still be built', () => {
	test('warns about unknown front-matter keys with file, line and key, and keeps building', () => {
		expect(results.unknownKeys.ok).toBe(true);
		const warnings = results.unknownKeys.log.split('\n').filter((line) => line.includes('is not a Carnet field'));
		expect(warnings).toHaveLength(3);
		expect(warnings[0]).toContain(
			'src/content/posts/keys.md:4: front-matter key "categorie" is not a Carnet field; it is kept as data.extra.categorie. Did you mean "categories"?',
		);
		expect(warnings[1]).toContain('src/content/posts/keys.md:5: front-matter key "weight" is not a Carnet field');
		// Two edits from "tags" is another word.
		expect(warnings[2]).toContain('src/content/posts/keys.md:8: front-matter key "aws" is not a Carnet field; it is kept as data.extra.aws. To use it');
	});

	test('without site, warns and skips the feed, the sitemap and canonical URLs', () => {
		const { ok, log, root } = results.noSite;
		expect(ok).toBe(true);
		expect(log).toContain('The `site` option is not set in astro.config.mjs, so the RSS feed, the sitemap and canonical URLs are skipped.');
		const dist = path.join(root, 'dist');
		const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
		expect(read('index.html')).not.toContain('rel="canonical"');
		expect(read('index.html')).not.toContain('application/rss+xml');
		expect(read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
		expect(() => read('rss.xml')).toThrow();
		expect(() => read('sitemap-index.xml')).toThrow();
		expect(read('posts/a/index.html')).toContain('<h1 class="carnet-post__title" dir="auto">Hello</h1>');
	});
});
