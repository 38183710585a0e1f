import { z } from 'astro/zod';
import en from './i18n/en.ts';

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
	'Search',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** Networks the footer can link to, each with its icon. */
export const SOCIAL_PLATFORMS = ['bluesky', 'mastodon', 'github', 'gitlab', 'linkedin', 'x', 'facebook', 'instagram', 'youtube', 'email', 'website'] as const;
/** Where readers can share a post, without any third-party script. */
export const SHARE_TARGETS = ['bluesky', 'linkedin', 'x', 'facebook', 'email'] as const;

const isLocale = (value: string) => {
	try {
		return Intl.getCanonicalLocales(value).length === 1;
	} catch {
		return false;
	}
};

const isTimeZone = (value: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
};

const AuthorSchema = z.union(
	[
		z.string().min(1),
		z.strictObject({
			name: z.string().min(1),
			email: z.email().optional(),
			url: z.url().optional(),
		}),
	],
	{ error: 'expected a name, or an object such as { name: "Ada", email: "ada@example.com", url: "https://example.com" }' },
);

export const ThemeConfigSchema = z.strictObject({
	/** The blog's name, shown in the header, the page titles and the feed. */
	title: z
		.string({ error: 'expected the blog\'s name as a non-empty string, e.g. title: "My blog"' })
		.refine((value) => value.trim() !== '', { error: 'expected the blog\'s name as a non-empty string, e.g. title: "My blog"' })
		.transform((value) => value.trim()),
	/** One or two sentences about the blog, used for the home page meta description and the feed. @default '' */
	description: z.string({ error: 'expected a string' }).default(''),
	/**
	 * BCP 47 language tag of the site: sets `<html lang>`, the UI strings and how dates are written.
	 * UI strings exist for `en` and `fr`; other languages use English strings. @default 'en'
	 */
	locale: z
		.string({ error: 'expected a BCP 47 language tag such as "en", "fr" or "fr-CA"' })
		.refine(isLocale, { error: 'expected a BCP 47 language tag such as "en", "fr" or "fr-CA"' })
		.transform((value) => Intl.getCanonicalLocales(value)[0] ?? value)
		.default('en'),
	/**
	 * IANA time zone in which front-matter dates without an offset are read and every date is written. @default 'UTC'
	 */
	timeZone: z
		.string({ error: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' })
		.refine(isTimeZone, { error: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' })
		.default('UTC'),
	/** Posts per listing page (home and tag pages). @default 10 */
	postsPerPage: z
		.number({ error: 'expected a whole number >= 1' })
		.int({ error: 'expected a whole number >= 1' })
		.min(1, { error: 'expected a whole number >= 1' })
		.default(10),
	/** Default author of every post, overridden by a post's `author` field. */
	author: AuthorSchema.optional(),
	/** Name of the content collection that holds the posts. @default 'posts' */
	collection: z.string({ error: 'expected a collection name such as "posts"' }).min(1).default('posts'),
	/** Turn front-matter repairs (such as text after a closing quote) into build errors. @default false */
	strict: z.boolean({ error: 'expected true or false' }).default(false),
	/**
	 * Image for social previews of pages without a featured image: a path in public/ (`/images/og.jpg`)
	 * or relative to the project root (`./src/assets/og.jpg`). It is cropped to 1200×630.
	 */
	socialImage: z.string({ error: 'expected an image path such as "/images/og.jpg" or "./src/assets/og.jpg"' }).min(1).optional(),
	/** The feeds: RSS at /rss.xml always (when `site` is set), and these. */
	feed: z
		.strictObject({
			/**
			 * Posts per feed, newest first. Feeds carry each post's full text, and readers fetch them often:
			 * 20 posts keep a feed around a few hundred kilobytes while covering months of a typical blog. @default 20
			 */
			limit: z.number({ error: 'expected a whole number >= 1' }).int({ error: 'expected a whole number >= 1' }).min(1, { error: 'expected a whole number >= 1' }).default(20),
			/** Atom 1.0 at /atom.xml. @default true */
			atom: z.boolean({ error: 'expected true or false' }).default(true),
			/** JSON Feed 1.1 at /feed.json. @default true */
			json: z.boolean({ error: 'expected true or false' }).default(true),
			/** An RSS feed per tag at /tags/<tag>/rss.xml. @default true */
			tags: z.boolean({ error: 'expected true or false' }).default(true),
		}, { error: 'expected an object such as { limit: 20, atom: true, json: true, tags: true }' })
		.prefault({}),
	/** Links added to the header after Home, Archive and Tags, e.g. `[{ label: 'About', href: '/about/' }]`. @default [] */
	navigation: z
		.array(z.strictObject({ label: z.string().min(1), href: z.string().min(1) }), {
			error: 'expected a list such as [{ label: "About", href: "/about/" }]',
		})
		.default([]),
	/** Profiles linked from the footer, e.g. `[{ platform: 'mastodon', href: 'https://mastodon.social/@me' }]`. @default [] */
	social: z
		.array(
			z.strictObject({
				platform: z.enum(SOCIAL_PLATFORMS, { error: `expected one of ${SOCIAL_PLATFORMS.join(', ')}` }),
				href: z.string().min(1),
				/** Text for screen readers and the tooltip; the platform's name otherwise. */
				label: z.string().min(1).optional(),
			}),
			{ error: 'expected a list such as [{ platform: "github", href: "https://github.com/me" }]' },
		)
		.default([]),
	/** Share links under each post (plain links: no third-party script). `[]` hides them. @default ['bluesky', 'linkedin', 'email'] */
	share: z
		.array(z.enum(SHARE_TARGETS, { error: `expected one of ${SHARE_TARGETS.join(', ')}` }))
		.default(['bluesky', 'linkedin', 'email']),
	/**
	 * A light/dark switch in the header. It costs a few hundred bytes of inline script, which runs
	 * before the page is painted so that it never flashes the wrong colours. Without it, pages follow the
	 * reader's system setting with no script at all. @default false
	 */
	themeToggle: z.boolean({ error: 'expected true or false' }).default(false),
	/** Replacement UI strings, e.g. `{ 'card.readMore': 'Continue reading' }`; the keys are those of i18n/en.ts. @default {} */
	strings: z
		.strictObject(Object.fromEntries(Object.keys(en).map((key) => [key, z.string().optional()])) as Record<keyof typeof en, z.ZodOptional<z.ZodString>>)
		.default({}),
	/** Your own components in place of the theme's, by name; see the README for each one's props. @default {} */
	components: z
		.strictObject(Object.fromEntries(COMPONENT_NAMES.map((name) => [name, z.string().min(1).optional()])) as Record<ComponentName, z.ZodOptional<z.ZodString>>)
		.default({}),
	/**
	 * A search page at /search/, linked from the header, over the posts' titles, descriptions, tags and
	 * text. The index is written by Pagefind after the build; only the search page loads JavaScript.
	 * @default true
	 */
	search: z.boolean({ error: 'expected true or false' }).default(true),
	/** Add `@astrojs/sitemap` (unless the site already has it) and link it from robots.txt. @default true */
	sitemap: z.boolean({ error: 'expected true or false' }).default(true),
});

/** Options as a site owner writes them in `astro.config.mjs`. */
export type ThemeUserConfig = z.input<typeof ThemeConfigSchema>;
/** Options after validation and defaults. */
export type ThemeConfig = z.output<typeof ThemeConfigSchema>;
/** A post or site author, as written in options or front matter. */
export type AuthorInput = z.output<typeof AuthorSchema>;
