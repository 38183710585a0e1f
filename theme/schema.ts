import type { ImageMetadata } from 'astro';
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { ABSOLUTE_LINK_ERROR, isSafeLink } from './utils/links.ts';

/**
 * Front-matter names accepted for each post field, first name first. Hugo's names (`date`, `lastmod`,
 * `featured_image`) and those of Astro's blog starter (`pubDate`, `updatedDate`, `heroImage`) both work,
 * so posts move between generators without edits.
 */
export const FIELD_ALIASES = {
	date: ['date', 'pubDate', 'publishDate', 'published'],
	updated: ['updated', 'updatedDate', 'lastmod', 'modified'],
	image: ['featured_image', 'featuredImage', 'heroImage', 'image', 'cover'],
	imageAlt: ['featured_image_alt', 'featuredImageAlt', 'heroImageAlt', 'image_alt', 'imageAlt', 'cover_alt'],
	description: ['description', 'summary', 'excerpt'],
	seriesOrder: ['series_order', 'seriesOrder'],
	canonicalURL: ['canonicalURL', 'canonical_url', 'canonical'],
} as const satisfies Record<string, readonly string[]>;

/** Front-matter keys read as dates: the loader reads their text in the site's time zone. */
export const DATE_KEYS: readonly string[] = [...FIELD_ALIASES.date, ...FIELD_ALIASES.updated];
/** Front-matter keys read as featured images: the loader resolves `/…` paths into `public/`. */
export const IMAGE_KEYS: readonly string[] = FIELD_ALIASES.image;

const DATE_FORM = 'a date such as 2024-02-03, 2024-02-03 10:30:00 or 2024-02-03T10:30:00+01:00';

const text = (what: string) =>
	z.preprocess(
		(value) => (typeof value === 'number' ? String(value) : value),
		z.string({ error: `expected ${what}` }).trim(),
	);

const dateField = () => z.date({ error: `expected ${DATE_FORM}` });

const TagsSchema = z.preprocess(
	(value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
	z.array(text('a tag name'), { error: 'expected a list of tag names, e.g. [PME, "Révolution française"]' }),
);

const AuthorSchema = z
	.union(
		[
			z.string().trim().min(1),
			z.object({ name: z.string().trim().min(1), email: z.email().optional(), url: z.string().trim().optional() }),
		],
		{ error: 'expected a name, or { name, email, url }' },
	)
	// After the union, so that the message names author.url; feeds and JSON-LD publish it as a link.
	.superRefine((author, context) => {
		if (typeof author === 'object' && author.url !== undefined && !isSafeLink(author.url)) {
			context.addIssue({ code: 'custom', path: ['url'], message: ABSOLUTE_LINK_ERROR, input: author.url });
		}
	});

/** A remote image with its size, as the loader measures it (or as front matter may give it). */
const RemoteImageSchema = z.object({
	src: z.url({ protocol: /^https?$/ }),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
});

/** Astro's `image()` helper, which a content schema function receives. */
export type ImageFunction = SchemaContext['image'];

function frontMatterShape(image: ImageFunction) {
	const imageField = () =>
		z.union([RemoteImageSchema, HttpUrlSchema, image()], {
			error: 'expected an image path such as ./cover.jpg or /images/cover.jpg, or an https URL',
		});
	const shape: Record<string, z.ZodType> = { ...fixedShape() };
	for (const key of FIELD_ALIASES.image) shape[key] = imageField().optional();
	return shape;
}

const HttpUrlSchema = z.url({ protocol: /^https?$/ });

const CANONICAL_ERROR = "expected the post's original http(s) address, such as https://example.com/posts/my-post/";
// Checked like every link of the theme (utils/links.ts), then kept to http(s): a canonical address is a page.
const CanonicalUrlSchema = z
	.string({ error: CANONICAL_ERROR })
	.trim()
	.refine((value) => isSafeLink(value) && /^https?:/i.test(value), { error: CANONICAL_ERROR });

/** Pinned posts, series and comments (utils/posts.ts reads them). */
function writingShape(): Record<string, z.ZodType> {
	const flagField = () => z.boolean({ error: 'expected true or false' }).optional();
	return {
		pinned: flagField(),
		series: text('the name of a series, such as "Moving to Astro"').pipe(z.string().min(1, { error: 'expected the name of a series' })).optional(),
		comments: flagField(),
	};
}
let fixed: Record<string, z.ZodType> | undefined;

// Astro calls a schema function once per entry, with an image() of that entry's own: only the image
// fields depend on it, so the other fields are built once (rebuilding them all took half of the schema
// validation time of a 5,000-post sync).
function fixedShape(): Record<string, z.ZodType> {
	if (fixed) return fixed;
	const shape: Record<string, z.ZodType> = {
		title: text('a non-empty title').pipe(z.string().min(1, { error: 'expected a non-empty title' })),
		subtitle: text('a short text').optional(),
		draft: z.boolean({ error: 'expected true or false' }).optional(),
		tags: TagsSchema.optional(),
		author: AuthorSchema.optional(),
		slug: text('a URL segment such as my-first-post').optional(),
		...writingShape(),
	};
	for (const key of [...FIELD_ALIASES.date, ...FIELD_ALIASES.updated]) shape[key] = dateField().optional();
	for (const key of [...FIELD_ALIASES.imageAlt, ...FIELD_ALIASES.description]) shape[key] = text('a text').optional();
	for (const key of FIELD_ALIASES.seriesOrder) shape[key] = z.number({ error: 'expected a number such as 2 (the place of the post in its series)' }).optional();
	for (const key of FIELD_ALIASES.canonicalURL) shape[key] = CanonicalUrlSchema.optional();
	fixed = shape;
	return shape;
}

/** Every front-matter key the theme understands; others are kept in `extra` and reported by the loader. */
// Only the shape's keys are read here, so no real image() is needed.
export const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(frontMatterShape((() => z.never()) as unknown as ImageFunction)));

/** One post's data, whatever names its front matter used. */
export interface PostData {
	title: string;
	subtitle?: string | undefined;
	description?: string | undefined;
	date: Date;
	updated?: Date | undefined;
	/** A local image, or a remote URL with the size the loader measured. */
	image?: { src: ImageMetadata | string; width?: number; height?: number; alt?: string | undefined } | undefined;
	tags: string[];
	draft: boolean;
	author?: z.output<typeof AuthorSchema> | undefined;
	slug?: string | undefined;
	/** Front-matter keys the theme does not know, kept as written. */
	extra: Record<string, unknown>;
	/** Shown first on the home page. */
	pinned?: boolean | undefined;
	/** The series the post belongs to, and its place in it (date order otherwise). */
	series?: { name: string; order?: number | undefined } | undefined;
	/** `false` turns the comments off for this post. */
	comments?: boolean | undefined;
	/** The post's original address when it was first published elsewhere. */
	canonicalURL?: string | undefined;
	/** Words in the body, prose only; set by postsLoader(), which does not keep the Markdown source. */
	wordCount?: number | undefined;
}

export interface PostSchemaOptions<Extension extends z.ZodRawShape> {
	/** Extra front-matter fields of your own, e.g. `{ series: z.string().optional() }`; they are validated and kept. */
	extend?: Extension;
}

/**
 * The schema of a Carnet post, for `defineCollection({ loader: postsLoader(), schema: postSchema() })`.
 * It accepts Hugo's and Astro's field names and gives one `PostData` shape to every page.
 */
export function postSchema<Extension extends z.ZodRawShape = Record<never, never>>(options: PostSchemaOptions<Extension> = {}) {
	const extension = options.extend ?? ({} as Extension);
	return ({ image }: SchemaContext) =>
		z
			.looseObject({ ...frontMatterShape(image), ...extension })
			.superRefine(
				(value, context) => {
					if (FIELD_ALIASES.date.some((key) => value[key] !== undefined)) return;
					context.addIssue({
						code: 'custom',
						path: ['date'],
						message: `expected ${DATE_FORM} (the post's publication date; pubDate also works)`,
					});
				},
				// Report a missing date together with other problems, not only once they are fixed.
				{ when: () => true },
			)
			.transform((raw) => normalizePostData(raw, Object.keys(extension)) as PostData & z.output<z.ZodObject<Extension>>);
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
	const data: PostData = {
		title: raw.title as string,
		subtitle: raw.subtitle as string | undefined,
		description: firstOf<string>(raw, FIELD_ALIASES.description),
		date: firstOf<Date>(raw, FIELD_ALIASES.date) as Date,
		updated: firstOf<Date>(raw, FIELD_ALIASES.updated),
		image: image && { ...image, alt: firstOf<string>(raw, FIELD_ALIASES.imageAlt) },
		tags: [...new Set((raw.tags as string[] | undefined) ?? [])].filter((tag) => tag !== ''),
		draft: (raw.draft as boolean | undefined) ?? false,
		author: raw.author as PostData['author'],
		slug: raw.slug as string | undefined,
		pinned: raw.pinned as boolean | undefined,
		series: raw.series === undefined ? undefined : { name: raw.series as string, order: firstOf<number>(raw, FIELD_ALIASES.seriesOrder) },
		comments: raw.comments as boolean | undefined,
		canonicalURL: firstOf<string>(raw, FIELD_ALIASES.canonicalURL),
		extra,
	};
	// A field the site declares with `extend` is its own, even under a name the theme also reads (`series`).
	return withoutUndefined({ ...data, ...extended });
}

// The data store keeps what it is given; `undefined` fields would only add noise to every entry.
function withoutUndefined<T extends object>(value: T): T {
	for (const [key, field] of Object.entries(value)) {
		if (field === undefined) delete value[key as keyof T];
		else if (field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date)) withoutUndefined(field);
	}
	return value;
}
