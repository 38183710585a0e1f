import { z } from 'astro/zod';
import en from './i18n/en.ts';
import { ABSOLUTE_LINK_ERROR, LINK_ERROR, isProtocolRelative, isSafeLink, linkHref, protocolRelativeError } from './utils/links.ts';
import { DEFAULT_PERMALINK, permalinkProblem } from './utils/routes.ts';
import { renderIntro } from './utils/intro.ts';

/** The parts of the theme a site can replace with `components: { Name: './src/components/Mine.astro' }`. */
export const COMPONENT_NAMES = [
	'Head',
	'Header',
	'Footer',
	'SocialLinks',
	'ThemeToggle',
	'PostCard',
	'FeaturedImage',
	'FormattedDate',
	'TagList',
	'Pagination',
	'PostMeta',
	'TableOfContents',
	'PostNavigation',
	'RelatedPosts',
	'ShareLinks',
	'Prose',
	'SocialCard',
	'Search',
	'Comments',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** Which posts get a generated social card (see `socialCards.posts`). */
export const SOCIAL_CARD_POSTS = ['without-image', 'all', 'none'] as const;

/** The theme's light palette (styles/theme.css), which social cards use unless told otherwise. */
export const SOCIAL_CARD_COLORS = { background: '#fbfaf7', text: '#1c1b19', accent: '#9a3412', muted: '#5a5650' } as const;

const HexColorSchema = z
	.string({ error: 'expected a colour such as "#9a3412"' })
	.regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, { error: 'expected a colour such as "#9a3412"' });

/** Networks the footer can link to, each with its icon. */
export const SOCIAL_PLATFORMS = ['bluesky', 'mastodon', 'github', 'gitlab', 'linkedin', 'x', 'facebook', 'instagram', 'youtube', 'email', 'website'] as const;
/** Where readers can share a post, without any third-party script. */
export const SHARE_TARGETS = ['bluesky', 'linkedin', 'x', 'facebook', 'email'] as const;
/** How giscus finds the discussion of a page (see giscus.app). */
export const GISCUS_MAPPINGS = ['pathname', 'url', 'title', 'og:title'] as const;

/**
 * What is wrong with a `locale` value, worded for the options error, or undefined if it is a language tag:
 * one that Intl reads, whose language is not 4 to 8 letters (BCP 47 has no such language, so `french` is a
 * name, not a tag). A name (`french`, `Deutsch`, `español`) or `_` for `-` (`es_ES`) is answered with the tag.
 */
export function localeProblem(value: string): string | undefined {
	if (languageTag(value) !== undefined) return undefined;
	const write = (value.includes('_') ? localeNamed(value.replaceAll('_', '-')) : undefined) ?? localeNamed(value);
	return `${EXPECTED.locale}${write ? `: write "${write}"` : ''}`;
}

/** `value` as a canonical language tag, or undefined if Intl reads none or its language is 4 to 8 letters (a name). */
function languageTag(value: string): string | undefined {
	try {
		const [tag] = Intl.getCanonicalLocales(value);
		return tag !== undefined && !/^[a-z]{4,8}(?:-|$)/i.test(tag) ? tag : undefined;
	} catch {
		// Not a tag at all (`français`).
		return undefined;
	}
}

/** The tag of `value` if it is one, or of the language it names in English or in itself (`french`, `Français`); undefined otherwise. */
function localeNamed(value: string): string | undefined {
	const tag = languageTag(value);
	if (tag !== undefined) return tag;
	const key = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	const english = new Intl.DisplayNames(['en'], { type: 'language' });
	// The languages of two-letter codes that Intl knows: only read when a value is refused.
	for (let first = 97; first <= 122; first++) {
		for (let second = 97; second <= 122; second++) {
			const code = String.fromCharCode(first, second);
			const name = english.of(code);
			if (name === undefined || name === code) continue;
			if (key(name) === key(value) || key(new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? '') === key(value)) return code;
		}
	}
	return undefined;
}

/**
 * A UI string in place of the theme's `original`: some text (an empty one would leave a link or a label with
 * no name; a part is hidden by overriding its component), whose `{placeholders}` are among the original's (a
 * misspelt one would show as written). One may be left out: "Short read" for "{minutes} read".
 */
function uiString(original: string) {
	const placeholders = [...original.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
	return z.string({ error: 'expected text' }).superRefine((value, context) => {
		if (value.trim() === '') {
			context.addIssue({ code: 'custom', message: 'expected some text (an empty one leaves a link or a label with no name; to hide a part, override its component)', input: value });
			return;
		}
		const unknown = [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).filter((name) => !placeholders.includes(name));
		if (unknown.length === 0) return;
		const known = placeholders.length === 0 ? 'it has none' : `its placeholders are ${placeholders.map((name) => `{${name}}`).join(', ')}`;
		context.addIssue({ code: 'custom', message: `expected text whose placeholders are the theme's (${unknown.map((name) => `{${name}}`).join(', ')} would show as written: ${known})`, input: value });
	});
}

/** Text that is not empty: a name, a label. */
const someText = () => z.string({ error: 'expected text' }).refine((value) => value.trim() !== '', { error: 'expected some text' });

const isTimeZone = (value: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
};

// Each kind of value is checked, and its error worded, in one place: every option of that kind uses it.
const EXPECTED = {
	wholeNumber: 'expected a whole number >= 1',
	boolean: 'expected true or false',
	title: 'expected the blog\'s name as a non-empty string, e.g. title: "My blog"',
	locale: 'expected a BCP 47 language tag such as "en", "fr" or "fr-CA"',
	timeZone: 'expected an IANA time zone such as "UTC" or "Europe/Paris"',
	seconds: 'expected a number of seconds > 0',
} as const;

/** A count of at least one (posts per page, feed items). */
const wholeNumber = () =>
	z.number({ error: EXPECTED.wholeNumber }).int({ error: EXPECTED.wholeNumber }).min(1, { error: EXPECTED.wholeNumber });

/** A switch. */
const flag = () => z.boolean({ error: EXPECTED.boolean });

/** A string that passes `check`, with one message for a wrong type and a wrong value. */
const checkedString = (check: (value: string) => boolean, error: string) => z.string({ error }).refine(check, { error });
// Text that must be given: missing, of another type or empty, the same message says what is expected.
const requiredText = (error: string) => z.string({ error }).min(1, { error });

const AuthorSchema = z
	.union(
		[
			someText(),
			z.strictObject({
				name: someText(),
				email: z.email().optional(),
				url: z.string().optional(),
			}),
		],
		{ error: 'expected a name, or an object such as { name: "Ada", email: "ada@example.com", url: "https://example.com" }' },
	)
	// Checked after the union, so that the message names author.url rather than the whole author.
	.superRefine((author, context) => {
		if (typeof author === 'object' && author.url !== undefined && !isSafeLink(author.url)) {
			context.addIssue({ code: 'custom', path: ['url'], message: ABSOLUTE_LINK_ERROR, input: author.url });
		}
	});

const SOCIAL_LINK_ERROR = 'expected an http(s): or mailto: URL such as https://github.com/me';
// An e-mail address as the email platform takes it, without mailto: (SocialLinks adds it).
const BARE_ADDRESS = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
// A first segment that names a host (`github.com`, `www.example.org`), unless its ending is a file's (`about.html`).
const HOST = /^(?:[a-z0-9-]+\.)+(?!(?:html?|php|aspx?|jsp|xml|json|md|pdf|txt)$)[a-z]{2,}(?::\d+)?$/i;

/**
 * What is wrong with a link of the header or footer, worded for the options error, or undefined if it is
 * usable: an http(s): or mailto: URL (never javascript:), or with `paths` a path from the site's root or a
 * `#fragment`. A relative link (`about/`, `github.com/me`) would lead elsewhere from each page, and
 * `//host/…` is another site, which a path never names: each is refused with the link to write.
 * Read as browsers read an `href`, leading spaces and control characters dropped.
 */
function linkProblem(value: string, { paths }: { paths: boolean }): string | undefined {
	const expected = paths ? LINK_ERROR : SOCIAL_LINK_ERROR;
	if (value === '' || !isSafeLink(value, { relative: true })) return expected;
	if (isProtocolRelative(value)) return `${expected}${protocolRelativeError(value).slice(LINK_ERROR.length)}`;
	const link = value.replace(/^[\u0000-\u0020]+/, '');
	if (isSafeLink(link) || (paths && /^[/#]/.test(link))) return undefined;
	if (!paths && link.startsWith('/')) return `${expected}, not a path of this site`;
	const host = HOST.test(link.split(/[/?#]/)[0] as string);
	const write = BARE_ADDRESS.test(link) ? `mailto:${link}` : host ? `https://${link}` : paths ? `/${link.replace(/^(?:\.{1,2}\/)+/, '')}` : undefined;
	const without = paths ? '"/" or "https://"' : '"https://"';
	return `${expected}; without ${without} in front it leads elsewhere from each page (from /posts/hello/ to /posts/hello/${link})${write ? `: write ${write}` : ''}`;
}

/** A link of the header or the footer, checked by linkProblem() and written as an `href` holds it (linkHref()). */
const linkSchema = ({ paths }: { paths: boolean }) =>
	z
		.string({ error: paths ? LINK_ERROR : SOCIAL_LINK_ERROR })
		.superRefine((value, context) => {
			// A bare e-mail address is refused by the social link's own check unless the platform is email.
			if (!paths && BARE_ADDRESS.test(value)) return;
			const problem = linkProblem(value, { paths });
			if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
		})
		.transform(linkHref);

export const ThemeConfigSchema = z.strictObject({
	/** The blog's name, shown in the header, the page titles and the feed. @default the host of `site`, with a warning */
	title: checkedString((value) => value.trim() !== '', EXPECTED.title).transform((value) => value.trim()),
	/** One or two sentences about the blog, used for the home page meta description and the feed. @default '' */
	description: z.string({ error: 'expected a string' }).default(''),
	/**
	 * BCP 47 language tag of the site: sets `<html lang>`, the UI strings and how dates are written.
	 * UI strings exist for `en` and `fr`; other languages use English strings. @default 'en'
	 */
	locale: z
		.string({ error: EXPECTED.locale })
		.superRefine((value, context) => {
			const problem = localeProblem(value);
			if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
		})
		.transform((value) => Intl.getCanonicalLocales(value)[0] ?? value)
		.default('en'),
	/**
	 * IANA time zone in which front-matter dates without an offset are read and every date is written. @default 'UTC'
	 */
	timeZone: checkedString(isTimeZone, EXPECTED.timeZone).default('UTC'),
	/** Posts per listing page (home and tag pages). @default 10 */
	postsPerPage: wholeNumber().default(10),
	/** Default author of every post, overridden by a post's `author` field. */
	author: AuthorSchema.optional(),
	/** Name of the content collection that holds the posts. @default 'posts' */
	collection: z.string({ error: 'expected a collection name such as "posts"' }).min(1, { error: 'expected a collection name such as "posts"' }).default('posts'),
	/** Turn front-matter repairs (such as text after a closing quote) into build errors. @default false */
	strict: flag().default(false),
	/**
	 * Publish posts dated in the future. By default a production build leaves them out, as Hugo does (and
	 * says how many it held back and when the next is due), so a post appears with the first build after
	 * its date; `astro dev` always shows them. @default false
	 */
	future: flag().default(false),
	/**
	 * Image for social previews of pages without a featured image: a path in public/ (`/images/og.jpg`)
	 * or relative to the project root (`./src/assets/og.jpg`). It is cropped to 1200×630.
	 */
	socialImage: requiredText('expected an image path such as "/images/og.jpg" or "./src/assets/og.jpg"').optional(),
	/** Generated social cards: a 1200×630 image with the post's title, the blog's name and the date. */
	socialCards: z
		.strictObject(
			{
				/**
				 * Which posts get one: `'without-image'` (posts without a featured image; the others keep their
				 * photo), `'all'` (the featured image, when there is one, under a scrim behind the title) or `'none'`.
				 * @default 'without-image'
				 */
				posts: z.enum(SOCIAL_CARD_POSTS, { error: `expected one of ${SOCIAL_CARD_POSTS.join(', ')}` }).default('without-image'),
				/** The card's colours, as hex codes; the theme's light palette by default. */
				colors: z
					.strictObject(
						{
							background: HexColorSchema.default(SOCIAL_CARD_COLORS.background),
							text: HexColorSchema.default(SOCIAL_CARD_COLORS.text),
							accent: HexColorSchema.default(SOCIAL_CARD_COLORS.accent),
							muted: HexColorSchema.default(SOCIAL_CARD_COLORS.muted),
						},
						{ error: 'expected an object such as { background: "#fbfaf7", text: "#1c1b19", accent: "#9a3412", muted: "#5a5650" }' },
					)
					.prefault({}),
				/**
				 * Font files for the characters the theme's card fonts lack, such as Chinese, Japanese or Korean:
				 * TrueType, OpenType or WOFF (not WOFF2 nor a collection), paths from the project root
				 * (`'./src/fonts/NotoSansJP-Bold.ttf'`), tried in this order after the theme's. @default []
				 */
				fonts: z
					.array(z.string({ error: "expected a font file's path such as './src/fonts/NotoSansJP-Bold.ttf'" }).min(1, { error: "expected a font file's path such as './src/fonts/NotoSansJP-Bold.ttf'" }), {
						error: "expected a list of font files' paths such as ['./src/fonts/NotoSansJP-Bold.ttf']",
					})
					.default([]),
			},
			{ error: "expected an object such as { posts: 'all' }" },
		)
		.prefault({}),
	/** The feeds: RSS at /rss.xml always (when `site` is set), and these. */
	feed: z
		.strictObject({
			/**
			 * Posts per feed, newest first. Feeds carry each post's full text, and readers fetch them often:
			 * 20 posts keep a feed around a few hundred kilobytes while covering months of a typical blog. @default 20
			 */
			limit: wholeNumber().default(20),
			/** Atom 1.0 at /atom.xml. @default true */
			atom: flag().default(true),
			/** JSON Feed 1.1 at /feed.json. @default true */
			json: flag().default(true),
			/** An RSS feed per tag at /tags/<tag>/rss.xml. @default true */
			tags: flag().default(true),
			/**
			 * The XSL stylesheet (/rss.xsl) that shows RSS feeds opened in a browser as a page with dates in the
			 * site's language. Chromium is removing XSLT and shows a warning banner above such pages; with
			 * `false`, browsers style the feed with /feed.css alone, as they do once XSLT is gone. @default true
			 */
			xslt: flag().default(true),
		}, { error: 'expected an object such as { limit: 20, atom: true, json: true, tags: true }' })
		.prefault({}),
	/** Links added to the header after Home, Archive and Tags, e.g. `[{ label: 'About', href: '/about/' }]`. @default [] */
	navigation: z
		.array(z.strictObject({ label: someText(), href: linkSchema({ paths: true }) }), {
			error: 'expected a list such as [{ label: "About", href: "/about/" }]',
		})
		.default([]),
	/** Profiles linked from the footer, e.g. `[{ platform: 'mastodon', href: 'https://mastodon.social/@me' }]`. @default [] */
	social: z
		.array(
			z
				.strictObject({
					platform: z.enum(SOCIAL_PLATFORMS, { error: `expected one of ${SOCIAL_PLATFORMS.join(', ')}` }),
					/** An http(s): or mailto: URL; for the email platform, the address alone too. */
					href: linkSchema({ paths: false }),
					/** Text for screen readers and the tooltip; the platform's name otherwise. */
					label: someText().optional(),
				})
				.superRefine((link, context) => {
					if (link.platform === 'email' || !BARE_ADDRESS.test(link.href)) return;
					// A Mastodon handle, me@mastodon.social, is the profile at https://mastodon.social/@me.
					const [user, host] = link.href.split('@') as [string, string];
					const write = link.platform === 'mastodon' ? `https://${host}/@${user}` : `mailto:${link.href}`;
					context.addIssue({ code: 'custom', path: ['href'], message: `${SOCIAL_LINK_ERROR} (an address alone is the email platform's): write ${write}`, input: link.href });
				}),
			{ error: 'expected a list such as [{ platform: "github", href: "https://github.com/me" }]' },
		)
		.default([]),
	/** Share links under each post (plain links: no third-party script). `[]` hides them. @default ['bluesky', 'linkedin', 'email'] */
	share: z
		.array(z.enum(SHARE_TARGETS, { error: `expected one of ${SHARE_TARGETS.join(', ')}` }), { error: `expected a list of ${SHARE_TARGETS.join(', ')}, e.g. ['bluesky', 'email'], or [] for none` })
		.default(['bluesky', 'linkedin', 'email']),
	/**
	 * A light/dark switch in the header. It costs a few hundred bytes of inline script, which runs
	 * before the page is painted so that it never flashes the wrong colours. Without it, pages follow the
	 * reader's system setting with no script at all. @default false
	 */
	themeToggle: flag().default(false),
	/** Replacement UI strings, e.g. `{ 'card.readMore': 'Continue reading' }`; the keys are those of i18n/en.ts. @default {} */
	strings: z
		.strictObject(Object.fromEntries(Object.keys(en).map((key) => [key, uiString(en[key as keyof typeof en]).optional()])) as Record<keyof typeof en, z.ZodOptional<z.ZodString>>)
		.default({}),
	/** Your own components in place of the theme's, by name; see the README for each one's props. @default {} */
	components: z
		.strictObject(Object.fromEntries(COMPONENT_NAMES.map((name) => [name, someText().optional()])) as Record<ComponentName, z.ZodOptional<z.ZodString>>)
		.default({}),
	/**
	 * Seconds to wait for a remote featured image's host, to connect and then between two pieces of the
	 * image, before the build fails with the post's name. @default 15
	 */
	remoteImageTimeout: z.number({ error: EXPECTED.seconds }).positive({ error: EXPECTED.seconds }).default(15),
	/**
	 * A search page at /search/, linked from the header, over the posts' titles, descriptions, tags and
	 * text. The index is written by Pagefind after the build; only the search page loads JavaScript.
	 * @default true
	 */
	search: flag().default(true),
	/** GitHub and Obsidian callouts in post bodies: `> [!NOTE]`, `> [!TIP] A title`, `> [!WARNING]-` (folded). @default true */
	callouts: flag().default(true),
	/**
	 * `$…$` and `$$…$$` in post bodies rendered at build time by KaTeX: `true` as MathML only (no script,
	 * stylesheet, font or style attribute); `'htmlAndMathml'` with KaTeX's HTML rendering too, and its
	 * stylesheet and fonts on pages with math (its `style` attributes need `style-src-attr 'unsafe-inline'`
	 * under a Content-Security-Policy). `false` leaves dollar signs as text. @default true
	 */
	math: z.union([z.boolean(), z.literal('htmlAndMathml')], { error: 'expected true, false or "htmlAndMathml"' }).default(true),
	/**
	 * Code blocks: a copy button (a 1 kB script, loaded only by pages with code), and a title and
	 * highlighted lines from the fence's meta string (```js title="app.js" {1,3-4}). @default true
	 */
	code: flag().default(true),
	/** An image alone in its paragraph with a title (`![alt](src "Title")`) as a figure with a caption; body images load lazily. @default true */
	figures: flag().default(true),
	/** Add `@astrojs/sitemap` (unless the site already has it) and link it from robots.txt. @default true */
	sitemap: flag().default(true),
	/**
	 * The address of every post, to keep the URLs of a blog moved from Hugo or Jekyll: tokens `:year`,
	 * `:month`, `:day` (of the post's date, in `timeZone`) and `:slug` (`:title` is the same), e.g.
	 * `'/post/:slug/'` or `'/:year/:month/:slug/'`. Pages, feeds, the sitemap and every link follow it.
	 * @default '/posts/:slug/'
	 */
	permalinks: z
		.string({ error: "expected a path such as '/posts/:slug/' or '/:year/:month/:slug/'" })
		.superRefine((value, context) => {
			const problem = permalinkProblem(value);
			if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
		})
		.default(DEFAULT_PERMALINK),
	/**
	 * A short introduction above the posts of the home page's first page, in Markdown: paragraphs, links,
	 * `**strong**`, `*emphasis*` and `` `code` `` (HTML is shown as text). @default undefined
	 */
	intro: z
		.string({ error: 'expected a short Markdown text, e.g. intro: "Notes on **small business** writing."' })
		.transform((value, context) => {
			try {
				return renderIntro(value);
			} catch (error) {
				context.addIssue({ code: 'custom', message: (error as Error).message, input: value });
				return z.NEVER;
			}
		})
		.optional(),
	/**
	 * Where a post can be edited: the URL of the posts folder in your repository's editor, e.g.
	 * `https://github.com/me/blog/edit/main/src/content/posts/`. The post's file name is appended and an
	 * "Edit this post" link is added under each post. @default undefined
	 */
	editUrl: checkedString((value) => isSafeLink(value) && /^https?:/i.test(value), 'expected an http(s) URL such as https://github.com/me/blog/edit/main/src/content/posts/').optional(),
	/**
	 * Comments under each post (a post turns them off with `comments: false`), loaded only when the reader
	 * reaches them or asks for them. giscus (GitHub Discussions) is built in; another provider plugs in as
	 * a `Comments` component. @default undefined
	 */
	comments: z
		.strictObject(
			{
				provider: z.literal('giscus', { error: "expected 'giscus' (another provider is a Comments component of your own)" }),
				/** The repository holding the discussions, `owner/name`. */
				repo: requiredText('expected a GitHub repository such as "me/blog"').regex(/^[\w.-]+\/[\w.-]+$/, { error: 'expected a GitHub repository such as "me/blog"' }),
				/** The ids giscus.app gives for the repository and the category. */
				repoId: requiredText('expected the repository id that giscus.app shows, e.g. "R_kgDOxxxx"'),
				category: requiredText('expected a discussion category such as "Comments"'),
				categoryId: requiredText('expected the category id that giscus.app shows, e.g. "DIC_kwDOxxxx"'),
				/** How a post finds its discussion. @default 'pathname' */
				mapping: z.enum(GISCUS_MAPPINGS, { error: `expected one of ${GISCUS_MAPPINGS.join(', ')}` }).default('pathname'),
				/** The language of giscus's interface; the site's language by default. */
				lang: someText().optional(),
				/** Reactions on the post itself. @default true */
				reactions: flag().default(true),
				/** Where the comment box goes. @default 'bottom' */
				inputPosition: z.enum(['top', 'bottom'], { error: "expected 'top' or 'bottom'" }).default('bottom'),
			},
			{ error: "expected an object such as { provider: 'giscus', repo: 'me/blog', repoId: '…', category: 'Comments', categoryId: '…' }" },
		)
		.optional(),
});

/**
 * Options as a site owner writes them in `astro.config.mjs`. `title` may be left out (as `astro add`
 * writes `carnet()`): the blog is then named after the host of `site`, with a warning.
 */
export type ThemeUserConfig = Omit<z.input<typeof ThemeConfigSchema>, 'title'> & { title?: string | undefined };
/** Options after validation and defaults. */
export type ThemeConfig = z.output<typeof ThemeConfigSchema>;
/** A post or site author, as written in options or front matter. */
export type AuthorInput = z.output<typeof AuthorSchema>;
