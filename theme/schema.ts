import type { ImageMetadata } from 'astro';
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { DATE_FORMS } from './utils/dates.ts';
import type { DerivedAlias } from './utils/derived-redirects.ts';
import { userError } from './integration/errors.ts';
import { ABSOLUTE_LINK_ERROR, absoluteHref, isSafeLink } from './utils/links.ts';
import { AUTHOR_IMAGE_KEYS, authorImageProblem, socialProfile } from './utils/authors.ts';

/**
 * Front-matter names accepted for each post field, first name first. Hugo's names (`date`, `lastmod`,
 * `featured_image`) and those of Astro's blog starter (`pubDate`, `updatedDate`, `heroImage`) both work,
 * so posts move between generators without edits.
 */
export const FIELD_ALIASES = {
	// `published_at`: DEV's (dev.to) and Ghost's, as exports of their APIs write it; `datePublished`: Hashnode's;
	// `publishedAt`: Outstatic's and Sanity's; `publishedOn`: Keystatic's templates'; `published_date`: Bear Blog's;
	// `publish_date`: deno_blog's; `created_at`: nanoc's blogging helper's (last: Ghost's exports write it beside
	// `published_at`, the day the draft was begun).
	date: ['date', 'pubDate', 'publishDate', 'publishdate', 'published', 'pubDatetime', 'published_at', 'datePublished', 'publishedAt', 'publishedOn', 'publishedDate', 'date_published', 'published_date', 'publish_date', 'created_at'],
	// `modDatetime`: AstroPaper's; `updated_at`: nanoc's, Ghost's and Statamic's.
	updated: ['updated', 'updatedDate', 'lastmod', 'lastMod', 'modified', 'modDatetime', 'last_modified_at', 'dateModified', 'updated_at', 'updatedAt', 'updatedOn', 'date_updated', 'date_modified'],
	/** Hugo's: after this date the post is no longer published. */
	expires: ['expiryDate', 'expirydate', 'unpublishdate'],
	// `heroImg`: Tina's starters'; `thumbnail`: Hexo Icarus's and Gatsby starters'; `index_img`: Hexo Fluid's;
	// `cover_image`: DEV's (dev.to); `hero`: Hugo Toha's and gatsby-theme-novela's. Not Tranquilpeak's
	// `thumbnailImage`, its card's small image, most often on its CDN: as a featured image its host or a missing
	// file stopped posts that built.
	image: ['featured_image', 'featuredImage', 'heroImage', 'heroImg', 'image', 'cover', 'featureImage', 'feature_image', 'coverImage', 'thumbnail', 'index_img', 'cover_image', 'hero'],
	// `feature_image_alt`: Ghost's.
	imageAlt: ['featured_image_alt', 'featuredImageAlt', 'heroImageAlt', 'image_alt', 'imageAlt', 'cover_alt', 'feature_image_alt'],
	// `feature_image_caption`: Ghost's; PaperMod's `cover.caption` is read as `featured_image_caption`.
	imageCaption: ['featured_image_caption', 'feature_image_caption'],
	// `abstract`: deno_blog's.
	description: ['description', 'summary', 'excerpt', 'abstract'],
	seriesOrder: ['series_order', 'seriesOrder'],
	// `canonical_link`: what exporters of Medium posts write, the post's address on Medium.
	canonicalURL: ['canonicalURL', 'canonical_url', 'canonical', 'canonical_link'],
	// `postSlug`: AstroPaper's (v1 to v3), which publishes the post at `/posts/<postSlug>/`.
	slug: ['slug', 'postSlug'],
} as const satisfies Record<string, readonly string[]>;

/** Front-matter keys read as dates: the loader reads their text in the site's time zone. */
export const DATE_KEYS: readonly string[] = [...FIELD_ALIASES.date, ...FIELD_ALIASES.updated, ...FIELD_ALIASES.expires];
/** Front-matter keys whose values are text, kept as written when YAML reads them as numbers (`title: 1.10`). */
export const TEXT_KEYS: readonly string[] = ['title', 'subtitle', ...FIELD_ALIASES.slug, 'series', 'tags', 'tag', 'categories', 'category', 'keywords', ...FIELD_ALIASES.description, ...FIELD_ALIASES.imageAlt, ...FIELD_ALIASES.imageCaption];
/** Front-matter keys read as featured images: the loader resolves `/…` paths into `public/`. */
export const IMAGE_KEYS: readonly string[] = FIELD_ALIASES.image;

const DATE_FORM = `a date such as ${DATE_FORMS}`;

const text = (what: string) =>
	z.preprocess(
		(value) => (typeof value === 'number' ? String(value) : value),
		z.string({ error: `expected ${what}` }).trim(),
	);

/** A character that prints as something: not a space, a control or an invisible format character (U+200B). */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}]/u;

const dateField = () => z.date({ error: `expected ${DATE_FORM}` });

// Docusaurus writes a tag as a key of its tags.yml or as `{ label, permalink }`: the label is its name.
const tagName = (value: unknown) =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { label?: unknown }).label === 'string' ? (value as { label: string }).label : value;

const TagsSchema = z.preprocess(
	(value) => (typeof value === 'string' || typeof value === 'number' ? [value] : Array.isArray(value) ? value.map(tagName) : value),
	z.array(text('a tag name'), { error: 'expected a list of tag names, e.g. [PME, "Révolution française"]' }),
);

/**
 * Hugo's `categories` list, or Jekyll's string of space-separated names (`categories: jekyll update`). Hexo
 * writes a category with its parents as a list in the list (`- [Diary, Life]`): each name is one.
 */
const CategoriesSchema = z.preprocess(
	(value) => (typeof value === 'string' ? value.split(value.includes(',') ? ',' : /\s+/) : typeof value === 'number' ? [value] : Array.isArray(value) ? value.flat() : value),
	z.array(text('a category name'), { error: 'expected a list of category names, e.g. [Web, Astro]' }),
);

/**
 * Jekyll's (and AstroWind's, Fuwari's) `category`: one name, spaces included (`category: Project Archive`);
 * names separated by commas, or a list, are each one.
 */
const CategorySchema = z.preprocess(
	(value) => (typeof value === 'string' ? value.split(',') : typeof value === 'number' ? [value] : Array.isArray(value) ? value.flat() : value),
	z.array(text('a category name'), { error: 'expected a category name, or a list of them, e.g. [Web, Astro]' }),
);

/** A list of texts, of which one alone may be written without brackets. */
const textList = (what: string, example: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
		z.array(text(what), { error: `expected a list such as ${example}` }),
	);

/**
 * An author as an object: a name, and what Docusaurus's authors also say (utils/authors.ts): a `title`, a
 * photo (`image_url`, `imageURL` or `image`, kept as `image`) and `socials`. Checked where it is written, so
 * that a message names `author.image_url`; feeds and JSON-LD publish the links.
 */
// An author object with no name but other data (a url) is one whose name was left out, not a placeholder.
const AUTHOR_NAME_ERROR = "expected the author's name beside their other fields, e.g. name: Jane Doe";
const AuthorObjectSchema = z.object({
	name: z.string({ error: AUTHOR_NAME_ERROR }).trim().min(1, { error: AUTHOR_NAME_ERROR }),
	email: z.email().optional(),
	url: z.string().trim().optional(),
	title: z.string().trim().min(1).optional(),
	...Object.fromEntries(AUTHOR_IMAGE_KEYS.map((key) => [key, z.string().trim().min(1).optional()])),
	// Stack Overflow's ids are numbers, which YAML reads as such.
	socials: z.record(z.string(), z.union([z.string().trim().min(1), z.number().transform(String)]), { error: 'expected platforms and handles, e.g. { github: ada }' }).optional(),
});

const AuthorSchema = z
	// A number is a name as written (`author: 100092`, as some exports keep an author's id); a Markdown link
	// (Vocs' `"[Ada](https://ada.example)"`) is the name and the address.
	.preprocess((value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? authorLink(value) : authorObject(value)), z.union([z.string().trim().min(1), AuthorObjectSchema], { error: 'expected a name, or { name, email, url }' }))
	// After the union, so that the message names author.url or author.image_url.
	.superRefine((author, context) => {
		if (typeof author === 'string') return;
		if (author.url !== undefined && !isSafeLink(author.url)) context.addIssue({ code: 'custom', path: ['url'], message: ABSOLUTE_LINK_ERROR, input: author.url });
		for (const key of AUTHOR_IMAGE_KEYS) {
			const image = (author as Record<string, unknown>)[key];
			const problem = typeof image === 'string' ? authorImageProblem(image) : undefined;
			if (problem) context.addIssue({ code: 'custom', path: [key], message: problem, input: image });
		}
		for (const [platform, value] of Object.entries(author.socials ?? {})) {
			const profile = socialProfile(platform, value);
			if ('problem' in profile) context.addIssue({ code: 'custom', path: ['socials', platform], message: profile.problem, input: value });
		}
	});

// Where an author's page is written by engines that do not call it `url`: Nuxt UI's `to`, and others'.
const AUTHOR_LINK_KEYS = ['to', 'link', 'href', 'website'] as const;

// Hugging Face's blog names an author by their account alone (`- user: philschmid`, with `guest: true` or
// `org: google` at most): their page is the account's.
const HUGGING_FACE_AUTHOR_KEYS = new Set(['user', 'guest', 'org']);

/**
 * An author object with its name, photo and page as Carnet names them: WordPress's `display_name` (then its
 * `login`), as jekyll-import writes them, and Hugging Face's `user` are the name, and an empty `url` (jekyll-import's
 * `url: ''`) is none; Nuxt's `avatar: { src, alt }` is the photo `src`, and its `to` (or another engine's
 * `link`, `href`, `website`) the page, when no `url` is written and it is an http(s) or mailto address.
 */
function authorObject(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return value;
	const author: Record<string, unknown> = { ...value };
	if (author.name === undefined) {
		// Docusaurus's `key`, of an authors.yml entry, when none was found (integration/docusaurus-lists.ts): the key is the name.
		const key = ['display_name', 'login', 'user', 'key'].find((name) => typeof author[name] === 'string' && (author[name] as string).trim() !== '');
		if (key !== undefined) author.name = author[key];
		if (key === 'user' && author.url === undefined && Object.keys(value).every((name) => HUGGING_FACE_AUTHOR_KEYS.has(name)) && /^[\w.-]{1,96}$/.test(author.user as string)) {
			author.url = `https://huggingface.co/${author.user as string}`;
		}
	}
	if (typeof author.url === 'string' && author.url.trim() === '') delete author.url;
	if (typeof author.email === 'string' && author.email.trim() === '') delete author.email;
	for (const key of AUTHOR_IMAGE_KEYS) {
		const image = author[key];
		if (image !== null && typeof image === 'object' && typeof (image as { src?: unknown }).src === 'string') author[key] = (image as { src: string }).src;
	}
	// Only an address a feed can publish: `website: ada.dev` or Nuxt's `to: /authors/ada` (a page of that site) is left out, as before.
	const link = AUTHOR_LINK_KEYS.map((key) => author[key]).find((written) => typeof written === 'string' && /^(?:https?:\/\/|mailto:)/i.test(written.trim()));
	if (author.url === undefined && link !== undefined) author.url = link;
	return author;
}

// One author of a list written in Markdown: a link or a name, then maybe an affiliation in parentheses, then a separator.
const LISTED_AUTHOR = /\s*(?:\[([^\]\n]{1,200})\]\(\s*<?((?:https?:\/\/|mailto:)[^\s<>()]{1,2000})>?\s*\)|([^[\]()\n,;&]{1,200}?))[ \t]*(?:\(([^()\n]{1,200})\))?\s*(?:,\s*(?:and\b|&)?|;|&|\band\b|$)/y;

/**
 * Authors written as one Markdown string of links, as the Kubernetes and OpenTelemetry blogs write them
 * (`[Ada](https://ada.example) (Acme), [Grace](https://grace.example)`): each is an author, its
 * affiliation its title; a name without a link among them (`[Ada](…), Fei Han`) is an author too. Text
 * that is no name (`[Victor](…), the Glühwein expert`, `[Gyuho](…), Amazon Web Services`, as the V8 and
 * etcd blogs describe their authors) makes the whole one author, as those blogs show it. Anything else as
 * it is, a string of one link included (authorLink()).
 */
function authorList(written: unknown): unknown {
	if (typeof written !== 'string' || !written.includes('](')) return written;
	// A name broken over lines (a YAML block) reads as one line; a list too long to read is its names.
	const value = written.replace(/\s+/g, ' ');
	if (value.length > 1_000_000) return linkTexts(value);
	const authors: (string | { name: string; url?: string; title?: string })[] = [];
	LISTED_AUTHOR.lastIndex = 0;
	while (LISTED_AUTHOR.lastIndex < value.length) {
		const at = LISTED_AUTHOR.lastIndex;
		const match = LISTED_AUTHOR.exec(value);
		// Text around the links (`Ada and [Grace](…)`): one name, its links' text as the reader would see it.
		const [, linked, url, plain, affiliation] = (match ?? []) as unknown as [string, string | undefined, string | undefined, string | undefined, string | undefined];
		const name = (linked ?? plain ?? '').trim();
		if (!match || LISTED_AUTHOR.lastIndex === at || name === '' || (plain !== undefined && !PERSON_NAME.test(name))) {
			return /^\s*\[[^\]\n]*\]\([^()\s]*\)\s*$/.test(value) ? value : linkTexts(value);
		}
		const title = affiliation?.trim() ? { title: affiliation.trim() } : {};
		authors.push(url ? { name, url, ...title } : affiliation?.trim() ? { name, ...title } : name);
		// Only white space left, tested where the match ended: a list of thousands is read in one pass.
		END_OF_LIST.lastIndex = LISTED_AUTHOR.lastIndex;
		if (END_OF_LIST.test(value)) break;
	}
	// Names alone, with no link among them, are left to the reading of `author` as a list of names.
	if (!authors.some((author) => typeof author !== 'string' && author.url !== undefined)) return linkTexts(value);
	return authors.length === 1 ? authors[0] : authors;
}

// A person's name as author lists write one alone: one to five words, capitalised, with the particles names
// have between them (`Fei Han`, `Jean-Luc O'Neil`, `Vincent van Gogh`, `Maria de la Cruz`, `Ahmed al-Sayed`),
// or in CJK script (`李明`); not a degree alone, nor with a word that names a company or a role
// (`Amazon Web Services`, `Team`).
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:al|el)-\p{Lu}[\p{L}\p{M}'’.-]*)`;
const NAME_PARTICLE = String.raw`(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|al|el|bin|ibn|y|zu|ter|ten)`;
const PERSON_NAME = new RegExp(
	String.raw`^(?!(?:PhD|Ph\.D\.|MD|MSc|MBA|Esq\.?|Jr\.?|Sr\.?|II|III|IV)$)(?![^]*\b(?:Inc|LLC|Ltd|GmbH|Corp|Corporation|Company|Services|Labs?|Foundation|University|Institute|Team|Group|Technologies|Systems|Software|Project|Community|Maintainers?|Contributors?)\b)` +
		String.raw`(?:${NAME_WORD}(?: (?:${NAME_WORD}|${NAME_PARTICLE})){0,4}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,12})$`,
	'u',
);

const END_OF_LIST = /\s*$/y;

/** Markdown text with its links as their text, as a reader sees it: `Ada and [Grace](…)` as `Ada and Grace`. */
function linkTexts(text: string): string {
	return text.replace(/\[([^\]\n]{1,200})\]\([^()\s]{1,2000}\)/g, '$1');
}

/** `[Ada](https://ada.example)` as `{ name, url }`; any other text as it is. */
function authorLink(value: string): string | { name: string; url: string } {
	// Any scheme, so that one that is no page (`javascript:alert(1)`) is refused as author.url is.
	const link = /^\s*\[([^\]\n]+)\]\(\s*<?([a-z][\w+.-]*:(?:[^\s<>()]|\([^\s<>()]*\))+)>?\s*\)\s*$/i.exec(value);
	return link ? { name: (link[1] as string).trim(), url: link[2] as string } : value;
}

/** An author as the post's data keeps it: the photo under `image`, whichever name it was written under. */
function keptAuthor(author: z.output<typeof AuthorSchema>): Author {
	if (typeof author === 'string') return author;
	const { name, email, url, title, socials } = author;
	const written = AUTHOR_IMAGE_KEYS.map((key) => (author as Record<string, unknown>)[key] as string | undefined).find((value) => value !== undefined);
	// URLs as pages, feeds and JSON-LD write them (`a b` as `a%20b`); a photo's path in public/ stays as written.
	const image = written && /^https?:/i.test(written) ? absoluteHref(written) : written;
	const links = socials && Object.fromEntries(Object.entries(socials).map(([platform, value]) => [platform, /^https?:/i.test(value) ? absoluteHref(value) : value]));
	return { name, ...(email ? { email } : {}), ...(url ? { url: absoluteHref(url) } : {}), ...(title ? { title } : {}), ...(image ? { image } : {}), ...(links ? { socials: links } : {}) };
}

/**
 * Each author once: a post that names the same person in `author` and `authors` (as themes that read one or the
 * other lead writers to do) has them once, where they first appear, with what the fullest of the two says
 * (an object with a link over a bare name). Names are compared as a reader reads them (case and accents' forms aside).
 */
function withoutRepeats(authors: Author[]): Author[] {
	const byName = new Map<string, number>();
	const kept: Author[] = [];
	for (const author of authors) {
		const name = (typeof author === 'string' ? author : author.name).normalize('NFC').trim().toLowerCase();
		const index = byName.get(name);
		if (index === undefined) {
			byName.set(name, kept.push(author) - 1);
		} else {
			const earlier = kept[index]!;
			if (typeof author !== 'string') kept[index] = typeof earlier === 'string' ? author : { ...author, ...earlier };
		}
	}
	return kept;
}

/** An author: a name, or what front matter or Docusaurus's authors.yml says of them. */
export type Author = string | { name: string; email?: string; url?: string; title?: string; image?: string; socials?: Record<string, string> };

/** A remote image with its size, as the loader measures it (or as front matter may give it). */
const RemoteImageSchema = z.object({
	src: z.url({ protocol: /^https?$/ }),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	/** Its format (`jpg`, `webp`), for the media type of an image published as it is. */
	format: z.string().optional(),
	/** Its length in bytes, when its host said it, for feed enclosures. */
	bytes: z.number().int().positive().optional(),
});

/** Astro's `image()` helper, which a content schema function receives. */
export type ImageFunction = SchemaContext['image'];

function frontMatterShape(image: ImageFunction) {
	// One field for all the image names: a schema is immutable, and this one is built for every post.
	const imageField = z
		.preprocess(
			refuseUnpreparedImage,
			z.union([RemoteImageSchema, HttpUrlSchema, image()], {
				error: 'expected an image path such as ./cover.jpg or /images/cover.jpg, or an https URL',
			}),
		)
		.optional();
	const shape: Record<string, z.ZodType> = { ...fixedShape() };
	for (const key of FIELD_ALIASES.image) shape[key] = imageField;
	return shape;
}

/**
 * Stops a collection that another loader (Astro's glob()) gives postSchema(): postsLoader() turns an image in
 * public/ (`/images/cover.jpg`) into a path from the post, which is what Astro's image() reads; written so, the
 * build stopped with Astro's ImageNotFound, which names no post and does not say what to change.
 */
function refuseUnpreparedImage(value: unknown): unknown {
	if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value)) return value;
	throw userError(
		`postSchema() reads the posts that postsLoader() prepares, but this collection's loader gives it the featured image ${JSON.stringify(value)} as written, which Astro's image() cannot find in public/.`,
		"Load the collection with postsLoader() in src/content.config.ts: import { postsLoader } from 'astro-theme-carnet/loaders', then defineCollection({ loader: postsLoader(), schema: postSchema() }).",
	);
}

const HttpUrlSchema = z.url({ protocol: /^https?$/ });

const CANONICAL_ERROR = "expected the post's original http(s) address, such as https://example.com/posts/my-post/";
// Checked like every link of the theme (utils/links.ts), then kept to http(s): a canonical address is a page.
const CanonicalUrlSchema = z
	.string({ error: CANONICAL_ERROR })
	.trim()
	.refine((value) => isSafeLink(value) && /^https?:/i.test(value), { error: CANONICAL_ERROR })
	.transform(absoluteHref);

/** Pinned posts, series and comments (utils/posts.ts reads them). */
function writingShape(): Record<string, z.ZodType> {
	const flagField = () => z.boolean({ error: 'expected true or false' }).optional();
	return {
		pinned: flagField(),
		// Hugo's series is a taxonomy, written as a list: `series: [Moving to Astro]` names one series.
		series: z
			.preprocess(
				(value) => (Array.isArray(value) && value.length === 1 ? value[0] : value),
				text('the name of a series, such as "Moving to Astro" (one per post)').pipe(z.string().min(1, { error: 'expected the name of a series' })),
			)
			.optional(),
		comments: flagField(),
		// Hugo's and Hexo's `toc`, and Docusaurus's `hide_table_of_contents`, its opposite.
		toc: flagField(),
		hide_table_of_contents: flagField(),
	};
}
let fixed: Record<string, z.ZodType> | undefined;

// Astro calls a schema function once per entry, with an image() of that entry's own: only the image
// fields depend on it, so the other fields are built once (rebuilding them all took half of the schema
// validation time of a 5,000-post sync).
function fixedShape(): Record<string, z.ZodType> {
	if (fixed) return fixed;
	const shape: Record<string, z.ZodType> = {
		// A title of zero-width spaces passes trim() and shows as an empty heading, link and card.
		title: text('a non-empty title').pipe(z.string().regex(VISIBLE, { error: 'expected a non-empty title' })),
		subtitle: text('a short text').optional(),
		// 1 and 0 (and "1", "0", t, f) are read as Hugo reads them before the schema (post-dialects.ts): another value is refused.
		draft: z.boolean({ error: 'expected true or false (or 1 or 0)' }).optional(),
		tags: TagsSchema.optional(),
		author: z.preprocess(authorList, z.union([AuthorSchema, z.array(AuthorSchema)], { error: 'expected a name, { name, email, url }, or a list of them' })).optional(),
		// Hugo's and Jekyll's fields (see the migration guide in the README).
		categories: CategoriesSchema.optional(),
		category: CategorySchema.optional(),
		keywords: textList('a keyword', '[astro, blog]').optional(),
		// One author may be written without brackets, as Docusaurus allows (`authors: slorber`, or one object).
		authors: z
			.preprocess((value) => {
				const listed = authorList(value);
				return listed !== null && !Array.isArray(listed) && (typeof listed === 'string' || typeof listed === 'object') ? [listed] : listed;
			}, z.array(AuthorSchema, { error: 'expected a list of names, e.g. [Ada, Grace]' }))
			.optional(),
		images: textList('an image path', '[/images/cover.jpg]').optional(),
		// Jekyll's and Hugo's template names mean nothing to Carnet's pages, nor do Gatsby Lumen's and Zola's.
		layout: z.unknown().optional(),
		template: z.unknown().optional(),
		// Jekyll's switch for a post's Liquid: with false, the shortcodes' pass leaves it as written.
		render_with_liquid: z.unknown().optional(),
		// Hashnode's id of the post on Hashnode, which tells its Markdown apart (markdown/hashnode.ts).
		cuid: z.unknown().optional(),
		// Jekyll's divider of a post's summary; the loader reads it (utils/summary.ts).
		excerpt_separator: text('the text that ends the summary, such as <!-- more -->').optional(),
		...addressShape(),
		...writingShape(),
	};
	for (const key of [...FIELD_ALIASES.date, ...FIELD_ALIASES.updated, ...FIELD_ALIASES.expires]) shape[key] = dateField().optional();
	for (const key of [...FIELD_ALIASES.imageAlt, ...FIELD_ALIASES.imageCaption, ...FIELD_ALIASES.description]) shape[key] = text('a text').optional();
	// A number written in quotes ("2") is that number.
	const order = z.union([z.number(), z.string().trim().regex(/^\d{1,9}$/).transform(Number)], { error: 'expected a number such as 2 (the place of the post in its series)' });
	for (const key of FIELD_ALIASES.seriesOrder) shape[key] = order.optional();
	for (const key of FIELD_ALIASES.canonicalURL) shape[key] = CanonicalUrlSchema.optional();
	for (const key of FIELD_ALIASES.slug) shape[key] = text('a URL segment such as my-first-post').optional();
	fixed = shape;
	return shape;
}

// Old addresses and the post's language (README, "Keeping your URLs").
const OldPathSchema = text('a path on the site such as /2019/old-name/').pipe(
	z
		.string()
		.refine((value) => value !== '' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value), { error: 'expected a path on the site such as /2019/old-name/, not a full URL' })
		// Browsers read a backslash in an address as a slash: `/\old/post` is `//old/post`, the host `old`'s.
		.refine((value) => !value.includes('\\'), { error: 'expected a path on the site such as /2019/old-name/, written with / (browsers read a \\ as a /, and /\\name as the address of another site)' }),
);
const isLanguageTag = (value: string) => {
	try {
		return Intl.getCanonicalLocales(value).length === 1;
	} catch {
		return false;
	}
};
function addressShape(): Record<string, z.ZodType> {
	return {
		aliases: z
			.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(OldPathSchema, { error: 'expected a list of old paths, e.g. [/2019/old-name/, /p/123.html]' }))
			.optional(),
		permalink: OldPathSchema.optional(),
		lang: text('a BCP 47 language tag such as "en", "he" or "zh-Hant"')
			.pipe(z.string().refine(isLanguageTag, { error: 'expected a BCP 47 language tag such as "en", "he" or "zh-Hant"' }))
			.transform((value) => Intl.getCanonicalLocales(value)[0] ?? value)
			.optional(),
	};
}

/** Every front-matter key the theme understands; others are kept in `extra` and reported by the loader. */
// Only the shape's keys are read here, so no real image() is needed.
export const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(frontMatterShape((() => z.never()) as unknown as ImageFunction)));

let checkingShape: Record<string, z.ZodType> | undefined;

/**
 * Whether `value` is one Carnet reads under `key` (an image as any path, as its file is looked for later): for a
 * field another engine keeps in a table of its own (Zola's `[extra]`), read only when it is of Carnet's kind.
 */
export function readsAs(key: string, value: unknown): boolean {
	checkingShape ??= frontMatterShape((() => z.string()) as unknown as ImageFunction) as unknown as Record<string, z.ZodType>;
	const schema = checkingShape[key];
	if (!schema) return false;
	try {
		return schema.safeParse(value).success;
	} catch {
		return false;
	}
}

/** One post's data, whatever names its front matter used. */
export interface PostData {
	title: string;
	subtitle?: string | undefined;
	description?: string | undefined;
	date: Date;
	updated?: Date | undefined;
	/** A local image, or a remote URL with the size the loader measured. */
	image?: { src: ImageMetadata | string; width?: number; height?: number; format?: string | undefined; bytes?: number | undefined; alt?: string | undefined; caption?: string | undefined } | undefined;
	/** `tags` and `categories` together, each name once. */
	tags: string[];
	draft: boolean;
	/** The first author; all of them are in `authors`. */
	author?: Author | undefined;
	/** Every author, when a post has more than one (`authors: [Ada, Grace]`). */
	authors?: Author[] | undefined;
	/** The `slug` field (or AstroPaper's `postSlug`) as written; postsLoader() makes it the post's slug (its `id`) when the post has none. */
	slug?: string | undefined;
	/** Hugo's `expiryDate`: when the post stops being published. */
	expires?: Date | undefined;
	/** Hugo's `keywords`, kept for your own components; pages do not publish them. */
	keywords?: string[] | undefined;
	/** Hugo's `aliases`: old addresses of the post, each of which gets a redirect page. */
	aliases?: string[] | undefined;
	/** Jekyll's `permalink`: the post's old address, which gets a redirect page. */
	permalink?: string | undefined;
	/** The post's language (BCP 47) when it is not the site's: sets `lang` and `dir` on the article. */
	lang?: string | undefined;
	/** Front-matter keys the theme does not know, kept as written. */
	extra: Record<string, unknown>;
	/** Shown first on the home page. */
	pinned?: boolean | undefined;
	/** The series the post belongs to, and its place in it (date order otherwise). */
	series?: { name: string; order?: number | undefined } | undefined;
	/** `false` turns the comments off for this post. */
	comments?: boolean | undefined;
	/**
	 * `false` hides the table of contents (`toc: false`, Docusaurus's `hide_table_of_contents: true`); `true`
	 * shows it for a post with fewer than three sections.
	 */
	toc?: boolean | undefined;
	/** The post's original address when it was first published elsewhere. */
	canonicalURL?: string | undefined;
	/** Words in the body, prose only; set by postsLoader(), which does not keep the Markdown source. */
	wordCount?: number | undefined;
	/** The direction of most letters of the title and body (utils/direction.ts), for a post without `lang`; set by postsLoader(). */
	direction?: 'ltr' | 'rtl' | undefined;
	/**
	 * The files beside the post that its body links to (`./talk.pdf`), published under the post's address at
	 * `path`; `source` is the file's path from the project's root. Set by postsLoader().
	 */
	bodyFiles?: { path: string; source: string }[] | undefined;
	/**
	 * For a Markdown post without a description: the text before `<!--more-->`, else of the body's first
	 * paragraph (utils/summary.ts); set by postsLoader(). Pages, feeds and search engines get it as the
	 * description.
	 */
	bodySummary?: string | undefined;
	/** The post has no title of its own, and `title` is its first words; set by postsLoader(). Its page shows no title above the text. */
	untitled?: true | undefined;
	/**
	 * The body shows the featured image, or PaperMod's `cover.hidden` keeps it off the post's page; set by
	 * postsLoader(). Its page shows no featured image above the text (the image is in the body, or not wanted there).
	 */
	imageInBody?: true | undefined;
	/**
	 * Old addresses Carnet derived from the post (a slug written as an address, a Zola post's dated address);
	 * set by postsLoader(). Each gets a redirect page unless a post or a theme page holds it (utils/derived-redirects.ts).
	 */
	derivedAliases?: DerivedAlias[] | undefined;
	/**
	 * The post's own part of its address when it is not its id; set by postsLoader() for a Jekyll post named as
	 * another but for its date, whose date the `permalinks` put in its address (integration/dated-twins.ts).
	 */
	addressSlug?: string | undefined;
}

export interface PostSchemaOptions<Extension extends z.ZodRawShape> {
	/**
	 * Extra front-matter fields of your own, e.g. `{ mood: z.enum(['calm', 'stormy']).optional() }`; they are
	 * validated and kept. One the theme reads too (`categories`, `series`) is then yours, and the theme stops reading it.
	 */
	extend?: Extension;
}

/**
 * The schema of a Carnet post, for `defineCollection({ loader: postsLoader(), schema: postSchema() })`.
 * It accepts Hugo's and Astro's field names and gives one `PostData` shape to every page.
 */
export function postSchema<Extension extends z.ZodRawShape = Record<never, never>>(options: PostSchemaOptions<Extension> = {}) {
	const extension = options.extend ?? ({} as Extension);
	const schema = ({ image }: SchemaContext) =>
		z
			.preprocess(dropBlankFields, z.looseObject({ ...frontMatterShape(image), ...extension }))
			.superRefine(
				(value, context) => {
					if (FIELD_ALIASES.date.some((key) => value[key] !== undefined)) return;
					context.addIssue({
						code: 'custom',
						path: ['date'],
						// Nothing was received: the whole front matter would otherwise be quoted as the value.
						input: undefined,
						message: `expected the post's publication date, ${DATE_FORM}, under one of the names ${FIELD_ALIASES.date.join(', ')}`,
					});
				},
				// Report a missing date together with other problems, not only once they are fixed.
				{ when: () => true },
			)
			.transform((raw) => normalizePostData(raw, Object.keys(extension)) as PostData & z.output<z.ZodObject<Extension>>);
	// A Zod object's .extend() is what a site reaches for; postSchema() gives Astro a function of image(), which has none.
	return Object.assign(schema, { extend: refuseExtend });
}

/** Throws: declare fields with the extend option instead, `postSchema({ extend: { mood: z.string() } })`. */
function refuseExtend(..._fields: unknown[]): never {
	throw userError(
		"postSchema().extend() cannot add fields: postSchema() gives Astro a function (of its image() helper), not a Zod object.",
		"In src/content.config.ts, pass your fields to postSchema() with its extend option: postSchema({ extend: { mood: z.enum(['calm', 'stormy']).optional() } }).",
	);
}

/** Whether a front-matter value is empty: `""`, nothing after the colon, or `[]`. */
export function isBlankField(value: unknown): boolean {
	return value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * An empty field (`featured_image: ""`, as Hugo's archetypes leave it; `description:`) is an absent one.
 * postsLoader() drops them first; this serves a collection wired to another loader. An empty title stays,
 * to be refused.
 */
function dropBlankFields(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	return Object.fromEntries(Object.entries(value).filter(([key, field]) => key === 'title' || !KNOWN_KEYS.has(key) || !isBlankField(field)));
}

function firstOf<T>(raw: Record<string, unknown>, keys: readonly string[]): T | undefined {
	for (const key of keys) if (raw[key] !== undefined) return raw[key] as T;
	return undefined;
}

function normalizePostData(raw: Record<string, unknown>, extensionKeys: readonly string[]): PostData & Record<string, unknown> {
	// image() gives a placeholder string here, which Astro swaps for the image's metadata when the entry is read.
	const imageValue = firstOf<string | z.output<typeof RemoteImageSchema>>(raw, FIELD_ALIASES.image);
	const image = typeof imageValue === 'string' ? { src: imageValue } : imageValue;
	const extra: Record<string, unknown> = {};
	const extended: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (extensionKeys.includes(key)) extended[key] = value;
		else if (!KNOWN_KEYS.has(key)) extra[key] = value;
	}
	// Jekyll also reads `category`; a key the site declares with `extend` stays its own.
	const categories = ['categories', 'category'].flatMap((key) => (extensionKeys.includes(key) ? [] : ((raw[key] as string[] | undefined) ?? [])));
	const authors = withoutRepeats(([raw.author, raw.authors].flat().filter((author) => author !== undefined) as z.output<typeof AuthorSchema>[]).map(keptAuthor));
	const data: PostData = {
		title: raw.title as string,
		subtitle: raw.subtitle as string | undefined,
		description: firstOf<string>(raw, FIELD_ALIASES.description),
		date: firstOf<Date>(raw, FIELD_ALIASES.date) as Date,
		updated: firstOf<Date>(raw, FIELD_ALIASES.updated),
		image: image && { ...image, alt: firstOf<string>(raw, FIELD_ALIASES.imageAlt), caption: firstOf<string>(raw, FIELD_ALIASES.imageCaption) },
		tags: mergeTags((raw.tags as string[] | undefined) ?? [], categories),
		draft: (raw.draft as boolean | undefined) ?? false,
		author: authors[0],
		authors: authors.length > 1 ? authors : undefined,
		slug: firstOf<string>(raw, FIELD_ALIASES.slug),
		expires: firstOf<Date>(raw, FIELD_ALIASES.expires),
		keywords: raw.keywords as string[] | undefined,
		aliases: raw.aliases as string[] | undefined,
		permalink: raw.permalink as string | undefined,
		lang: raw.lang as string | undefined,
		pinned: raw.pinned as boolean | undefined,
		series: raw.series === undefined ? undefined : { name: raw.series as string, order: firstOf<number>(raw, FIELD_ALIASES.seriesOrder) },
		comments: raw.comments as boolean | undefined,
		toc: (raw.toc as boolean | undefined) ?? (typeof raw.hide_table_of_contents === 'boolean' ? !raw.hide_table_of_contents : undefined),
		canonicalURL: firstOf<string>(raw, FIELD_ALIASES.canonicalURL),
		extra,
	};
	// A field the site declares with `extend` is its own, even under a name the theme also reads (`series`).
	return withoutUndefined({ ...data, ...extended });
}

/** Tags, then the categories no tag already names in another case (a Hugo post often has both `Web` and `web`). */
function mergeTags(tags: readonly string[], categories: readonly string[]): string[] {
	const kept = [...new Set(tags)].filter((tag) => tag !== '');
	const seen = new Set(kept.map((tag) => tag.toLowerCase()));
	for (const category of categories) {
		if (category === '' || seen.has(category.toLowerCase())) continue;
		seen.add(category.toLowerCase());
		kept.push(category);
	}
	return kept;
}

// The data store keeps what it is given; `undefined` fields would only add noise to every entry.
function withoutUndefined<T extends object>(value: T): T {
	for (const [key, field] of Object.entries(value)) {
		if (field === undefined) delete value[key as keyof T];
		else if (field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date)) withoutUndefined(field);
	}
	return value;
}
