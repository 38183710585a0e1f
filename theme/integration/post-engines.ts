import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Nodes as HtmlNode } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseEntities } from 'parse-entities';
import { withoutAttributeList } from '../markdown/heading-attributes.ts';
import { parsedInTime, walk, type MarkdownNode } from '../markdown/fences.ts';
import { DATE_KEYS, FIELD_ALIASES, IMAGE_KEYS, KNOWN_KEYS, isBlankField, readsAs } from '../schema.ts';
import { readFrontMatterDate } from '../utils/dates.ts';
import { lineOfKey, type ParsedSource } from '../utils/front-matter.ts';
import { generatedHeadingId } from '../utils/heading-ids.ts';
import { isPageFile } from '../utils/redirects.ts';
import { escapeXml } from '../utils/xml.ts';

/**
 * Front-matter conventions of engines other than Hugo and Jekyll (post-dialects.ts), read before the rest:
 * - Hugo PaperMod's `ShowToc` is `toc` (and LoveIt's `toc: { enable }`), Chirpy's `pin` is `pinned`, and
 *   so is the `featured` flag of AstroPaper, starlight-blog and Ghost; VuePress's `tag` is the list of tags;
 * - Pelican's metadata lines give lists of tags, keywords and authors, and one category;
 * - Zenn's `topics` are its tags;
 * - `status: draft` (Pelican's, Ghost's and WordPress exports'; also `private`, `pending`) is a draft;
 * - Material for MkDocs' `date: { created, updated }` gives the date and the updated date;
 * - Zola's `[taxonomies]` give the tags, categories and authors, and its `path` (in TOML) is an old address;
 * - Grav's `taxonomy: { tag, category }` gives the tags and categories;
 * - Ghost's `__GHOST_URL__/…` in image fields is a path from the site's root, in public/;
 * - Obsidian's embeds in image fields are the file beside the note, and `banner` (Lekoarts', Obsidian Banners') a featured image;
 * - `false` as a series, canonical address or image (Gridsome's) is none;
 * - jekyll-import's Blogger fields give an old address and the updated date, and its thumbnail is no featured image;
 * - Hugo's `params` block (0.123 and later) gives the post's own fields;
 * - Docusaurus's older `authorURL`, `author_title`, `authorImageURL` give the author's page, role and photo;
 * - code in a title (`` `matchAll` ``, V8's and web.dev's) is its text, and a description written in Markdown
 *   (svelte.dev's code, Docsy's `**bold**` and links) the text it reads as;
 * - Pulumi's `meta_desc`, Ghost's `custom_excerpt` (else `meta_description`), and VitePress's `head` meta
 *   `og:description`, give the description;
 * - character references in the title, subtitle, description, tags and categories (`Tips &amp; Tricks`, as
 *   exitwp and jekyll-import write WordPress's) are the characters they stand for;
 * - AstroPaper's `postSlug` is the slug;
 * - Gatsby's `path` is an old address, and so is a slug written as an address (`slug: /posts/x/`), which stays the slug;
 * - nanoc's `author_name` and scala-lang's and the Go blog's `by` the author(s);
 * - AstroWind's `metadata: { canonical }` is the canonical address, Type-on-Strap's `feature-img` and Duckquill's
 *   `[extra] banner` the featured image.
 */
export function readOtherEngines(data: Record<string, unknown>, source: ParsedSource): void {
	// Zola's aliases are from the site's root, written with or without their first slash (`releases/1.94.1`),
	// where Hugo reads one without as relative to the post's section.
	const zola = source.format === 'toml' && ['taxonomies', 'extra', 'path', 'template', 'in_search_index'].some((key) => data[key] !== undefined);
	if (zola && Array.isArray(data.aliases)) data.aliases = data.aliases.map((alias: unknown) => (typeof alias === 'string' && !/^[/\\]|^[a-z][\w+.-]*:/i.test(alias.trim()) ? `/${alias.trim()}` : alias));
	// Hugo 0.123 and later keep a page's own parameters under `params` (Linkerd's `params: { author: william }`),
	// which its templates read as the page's, as if written at the top: so does Carnet. One written at the top too stays there.
	if (typeof data.params === 'object' && data.params !== null && !Array.isArray(data.params) && !zola) {
		const kept: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(data.params)) {
			if (key === '__proto__') continue;
			// A field written at the top under any of its names (`summary` for `description`) stays the post's.
			const names = Object.values(FIELD_ALIASES as Record<string, readonly string[]>).find((aliases) => aliases.includes(key)) ?? [key];
			if (names.some((name) => data[name] !== undefined)) kept[key] = value;
			else {
				data[key] = value;
				source.movedKeys = { ...source.movedKeys, [key]: 'params' };
			}
		}
		if (Object.keys(kept).length > 0) data.params = kept;
		else delete data.params;
	}
	// Docusaurus's author fields before `authors` (v1 and v2, still read): `author` with `author_url` or
	// `authorURL`, `author_title` or `authorTitle`, `author_image_url` or `authorImageURL`.
	if (typeof data.author === 'string') {
		const fields = { url: ['author_url', 'authorURL'], title: ['author_title', 'authorTitle'], image_url: ['author_image_url', 'authorImageURL'] } as const;
		const author: Record<string, unknown> = { name: data.author };
		for (const [field, keys] of Object.entries(fields)) {
			const key = keys.find((name) => typeof data[name] === 'string' && (data[name] as string).trim() !== '');
			if (key === undefined) continue;
			// A page of the old site (`/team/ada`) is no address a feed can publish: left as the field it was.
			if (field === 'url' && !/^(?:https?:\/\/|mailto:)/i.test((data[key] as string).trim())) continue;
			author[field] = data[key];
			for (const name of keys) delete data[name];
		}
		if (Object.keys(author).length > 1) data.author = author;
	}
	// A title with code written as Markdown (`String.prototype.matchAll`, as the V8 and web.dev blogs write
	// them, which render their titles as Markdown): the code's text, as the title is shown everywhere as text.
	// So is emphasis (`Title *with* **Markdown**`, as So Simple's and Minimal Mistakes' test posts write it, which
	// Jekyll's markdownify renders), and a description written in Markdown (svelte.dev's ``Introducing `sv` ``,
	// Docsy's `**bold**` and links, as their templates render it): the text a reader would have read, as cards,
	// meta tags and feeds show text.
	for (const key of ['title', ...FIELD_ALIASES.description]) {
		const written = data[key];
		if (typeof written !== 'string') continue;
		// The Markdown parser decodes the character references of text it reads; text left as written gets them decoded here.
		// Pelican formats its summary (FORMATTED_FIELDS) and prints it as HTML: its tags are no text.
		const text = markdownText(written, { html: source.format === 'metadata' && key === 'summary' });
		data[key] = text !== written ? text : characterReferences(key === 'title' ? withoutCodeTicks(written) : written);
	}
	// Pulumi's posts describe themselves in `meta_desc`; Ghost's exports in `custom_excerpt` (the excerpt its
	// editor asks for), else `meta_description` (the one written for search engines).
	for (const key of ['meta_desc', 'custom_excerpt', 'meta_description']) {
		if (typeof data[key] !== 'string' || (data[key] as string).trim() === '' || FIELD_ALIASES.description.some((name) => data[name] !== undefined)) continue;
		data.description = data[key];
		delete data[key];
		source.movedKeys = { ...source.movedKeys, description: key };
	}
	// VitePress's `head: [[meta, { property: og:description, content }]]`: the description its pages share, when the post has none.
	if (Array.isArray(data.head) && !FIELD_ALIASES.description.some((key) => data[key] !== undefined)) {
		const description = headMetaContent(data.head, ['og:description', 'description', 'twitter:description']);
		if (description !== undefined) {
			data.description = description;
			source.movedKeys = { ...source.movedKeys, description: 'head' };
		}
	}
	// LoveIt's, FixIt's and DoIt's `toc: { enable, auto }`: whether the post has one (Carnet's own, always open).
	if (typeof data.toc === 'object' && data.toc !== null && !Array.isArray(data.toc) && typeof (data.toc as { enable?: unknown }).enable === 'boolean') {
		data.toc = (data.toc as { enable: boolean }).enable;
	}
	// Retypeset's `pin: 1` to `99`: a pinned post, the number its rank among them.
	if (typeof data.pin === 'number' && data.pinned === undefined) {
		data.pinned = data.pin > 0;
		delete data.pin;
		source.movedKeys = { ...source.movedKeys, pinned: 'pin' };
	}
	// Hugo PaperMod's `ShowToc` (`showToc`) is Carnet's `toc`; Jekyll Chirpy's `pin` its `pinned`.
	for (const [key, field] of [['ShowToc', 'toc'], ['showToc', 'toc'], ['pin', 'pinned']] as const) {
		if (typeof data[key] !== 'boolean' || data[field] !== undefined) continue;
		data[field] = data[key];
		delete data[key];
		source.movedKeys = { ...source.movedKeys, [field]: key };
	}
	// AstroPaper's and starlight-blog's `featured: true`, and Ghost's `featured: 1` (0 for the others): a post
	// put forward on the home page, as a pinned one is. Hugo Future Imperfect's `featured` names an image.
	const featured = data.featured === 1 || data.featured === 0 ? data.featured === 1 : data.featured;
	if (typeof featured === 'boolean' && data.pinned === undefined) {
		data.pinned = featured;
		delete data.featured;
		source.movedKeys = { ...source.movedKeys, pinned: 'featured' };
	}
	// VuePress's themes (vuepress-theme-hope, reco) name the list of tags `tag`; written beside `tags`, its
	// names are added to them.
	if (data.tag !== undefined && data.tags === undefined) {
		data.tags = data.tag;
		delete data.tag;
		source.movedKeys = { ...source.movedKeys, tags: 'tag' };
	} else if (Array.isArray(data.tags) && (Array.isArray(data.tag) || typeof data.tag === 'string')) {
		data.tags = [...data.tags, ...(Array.isArray(data.tag) ? data.tag : [data.tag])];
		delete data.tag;
	}
	// Zenn's topics are its tags (`topics: [gitlab, IaC]`); written beside `tags`, they are added to them.
	// Beside a string of tags with commas, they wait for it to be split into names (splitTagString()).
	if ((Array.isArray(data.topics) || typeof data.topics === 'string') && !(typeof data.tags === 'string' && data.tags.includes(','))) {
		if (data.tags === undefined) {
			data.tags = data.topics;
			source.movedKeys = { ...source.movedKeys, tags: 'topics' };
		} else data.tags = [data.tags, data.topics].flat();
		delete data.topics;
	}
	if (source.format === 'metadata') readPelicanMetadata(data);
	if (source.format === 'logseq') readLogseqProperties(data);
	readStatus(data);
	readDateObject(data, source);
	readTaxonomies(data, source, 'taxonomies');
	readTaxonomies(data, source, 'taxonomy');
	// A theme's own `hero` banner (`hero: { title, subtitle }`), which holds no image, is the theme's: its keys
	// are reported as unknown keys are, where reading it as Toha's and Novela's `hero: boat.jpg` stopped the build.
	const hero = plainObject(data.hero);
	if (hero && !IMAGE_OBJECT_KEYS.some((key) => typeof hero[key] === 'string')) {
		delete data.hero;
		keepAsKeys(data, source, 'hero', hero);
	}
	// Obsidian's embeds in an image field (`banner: "![[photo.jpg]]"`, Obsidian Banners'): the file, from the note's folder.
	// Ghost's exports write its site's root as `__GHOST_URL__` (`__GHOST_URL__/content/images/a.jpg`): a path in public/.
	for (const key of [...FIELD_ALIASES.image, 'banner']) {
		const embed = typeof data[key] === 'string' ? WIKI_EMBED.exec((data[key] as string).trim()) : null;
		if (embed) data[key] = `./${(embed[1] as string).trim()}`;
		else if (typeof data[key] === 'string' && (data[key] as string).trim().startsWith('__GHOST_URL__/')) data[key] = (data[key] as string).trim().slice('__GHOST_URL__'.length);
	}
	// LoveIt's, FixIt's and DoIt's page resources: the one named featured-image (or its preview) is the featured image.
	if (Array.isArray(data.resources) && !FIELD_ALIASES.image.some((key) => data[key] !== undefined)) {
		const resources = data.resources as unknown[];
		const named = (name: string) => resources.find((item): item is { src: string } => typeof item === 'object' && item !== null && (item as { name?: unknown }).name === name && typeof (item as { src?: unknown }).src === 'string');
		const featured = named('featured-image') ?? named('featured-image-preview');
		if (featured) {
			const src = featured.src.trim();
			data.featured_image = /^(?:[/.]|[a-z][\w+.-]*:)/i.test(src) ? src : `./${src}`;
			source.movedKeys = { ...source.movedKeys, featured_image: 'resources' };
		}
	}
	// starlight-blog's `lastUpdated`, a date (or a flag of Starlight's, left as the post's own).
	if (data.lastUpdated !== undefined && typeof data.lastUpdated !== 'boolean' && !FIELD_ALIASES.updated.some((key) => data[key] !== undefined)) {
		data.updated = data.lastUpdated;
		delete data.lastUpdated;
		source.movedKeys = { ...source.movedKeys, updated: 'lastUpdated' };
	}
	// Gatsby's Lekoarts themes' and Obsidian Banners' `banner`: a picture, the featured image of a post without one.
	if (typeof data.banner === 'string' && data.banner.trim() !== '' && !FIELD_ALIASES.image.some((key) => data[key] !== undefined)) {
		data.featured_image = data.banner;
		delete data.banner;
		source.movedKeys = { ...source.movedKeys, featured_image: 'banner' };
	}
	readNestedFields(data, source);
	// `false` where a name or an address goes says there is none: Gridsome's starter writes `canonical_url: false`
	// and `series: false` in every post.
	// (`series` is text as written: YAML's false is read from the source.)
	for (const key of ['series', ...FIELD_ALIASES.canonicalURL, ...FIELD_ALIASES.image]) if (data[key] === false || (data[key] !== undefined && source.data[key] === false)) delete data[key];
	if (typeof data.blogger_id === 'string' || typeof data.blogger_orig_url === 'string') readBloggerImport(data, source);
	// Zola's `path`, in its TOML front matter, is the post's address from the site's root (`blog/2024/hello/`).
	if (source.format === 'toml' && typeof data.path === 'string' && data.path.trim() !== '' && data.permalink === undefined) {
		// The Rust blog's posts are dated by their path alone (`2025/09/12/crates-io-phishing-campaign`).
		// Under a section too, as the Inside Rust blog's (`inside-rust/2021/12/17/slug`).
		const day = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\//.exec(data.path.trim());
		if (day && !FIELD_ALIASES.date.some((key) => data[key] !== undefined)) {
			data.date = `${day[1]}-${day[2]}-${day[3]}`;
			source.movedKeys = { ...source.movedKeys, date: 'path' };
		}
		data.permalink = data.path;
		delete data.path;
		source.movedKeys = { ...source.movedKeys, permalink: 'path' };
	} else if (typeof data.path === 'string' && /^\/[^\s]+$/.test(data.path.trim()) && !/\.(?:png|jpe?g|gif|webp|avif|svg)$/i.test(data.path.trim()) && data.permalink === undefined) {
		// Gatsby's blogs (Cilium's): `path: /blog/2021/04/06/slug`, the post's address, which gets a redirect page.
		data.permalink = data.path.trim();
		delete data.path;
		source.movedKeys = { ...source.movedKeys, permalink: 'path' };
	}
	// AstroPaper's `postSlug` (v1 to v3) is the slug; beside a `slug`, warnFieldConflicts() names the one ignored.
	if (data.postSlug !== undefined && data.slug === undefined) {
		data.slug = data.postSlug;
		delete data.postSlug;
		source.movedKeys = { ...source.movedKeys, slug: 'postSlug' };
	}
	readSlugPath(data, source);
	// The author under the names nanoc's (Prometheus's blog) and scala-lang's posts give it, and the Go blog's
	// list of them (`by: [Russ Cox, Filippo Valsorda]`).
	if (data.author === undefined && data.authors === undefined) {
		const key = ['author_name', 'by'].find((name) => typeof data[name] === 'string' && (data[name] as string).trim() !== '');
		if (key !== undefined) {
			data.author = data[key];
			delete data[key];
			source.movedKeys = { ...source.movedKeys, author: key };
		} else if (Array.isArray(data.by) && data.by.length > 0 && data.by.every((name) => typeof name === 'string' && name.trim() !== '')) {
			data.authors = data.by;
			delete data.by;
			source.movedKeys = { ...source.movedKeys, authors: 'by' };
		}
	}
	readCharacterReferences(data);
}

/**
 * A slug written as the post's address, as Gatsby's starters write it (gatsby-starter-lumen's
 * `slug: /posts/the-birth-of-movable-type/`), stays the slug it always made (`posts-the-birth-of-movable-type`),
 * so that no post moves, and the address as written, with its trailing slash, is an old address Carnet
 * derived: it redirects to the post unless a post, an old address it lists or a theme page holds it
 * (utils/derived-redirects.ts). Medium's `/@handle/post` is left to postSlug(), which reads the post after the handle.
 */
function readSlugPath(data: Record<string, unknown>, source: ParsedSource): void {
	// A # or ? would make the address end there (/posts/a#b/ is /posts/a/ and a fragment), which is not the one
	// the slug names: no address is derived from it.
	if (typeof data.slug !== 'string' || !data.slug.includes('/') || /\s|:\/\/|[#?]|[\u0000-\u001F\u007F]/.test(data.slug.trim())) return;
	const segments = data.slug.split('/').filter((segment) => segment !== '');
	if (segments.length === 0 || segments[0]?.startsWith('@') || segments.some((segment) => segment.startsWith('.'))) return;
	// A page's file (`/2019/03/old-post.html`) stays that file, as an alias naming one is written.
	const address = `/${segments.join('/')}`;
	source.derivedAliases = [...(source.derivedAliases ?? []), { path: isPageFile(address) ? address : `${address}/`, key: 'slug' }];
}

// Fields shown as text whose values exporters of HTML write with its character references (exitwp's and
// jekyll-import's titles and tags, taken from WordPress's HTML).
const TEXT_FIELDS = ['subtitle', 'tags', 'tag', 'categories', 'category'];

/**
 * The character references in a post's subtitle, tags and categories as the characters they stand for (the title's
 * and the description's are read with their Markdown):
 * `Tips &amp; Tricks` (as exitwp and jekyll-import write WordPress's titles) is "Tips & Tricks", as Jekyll's
 * pages, which print a title into the HTML, showed it. A `&amp;` meant as text is written `&amp;amp;`.
 */
function readCharacterReferences(data: Record<string, unknown>): void {
	const decoded = (value: unknown): unknown => (typeof value === 'string' ? characterReferences(value) : Array.isArray(value) ? value.map(decoded) : value);
	for (const key of TEXT_FIELDS) if (data[key] !== undefined) data[key] = decoded(data[key]);
}

/** `text` with its terminated character references (`&amp;`, `&#8217;`) decoded; a `&` that begins none (`AT&T`, `&copy 2020`) as written. */
export function characterReferences(text: string): string {
	return text.includes('&') ? parseEntities(text, { nonTerminated: false }) : text;
}

/** The content of the first `['meta', { name or property, content }]` of VitePress's `head` named one of `names`. */
function headMetaContent(head: unknown[], names: readonly string[]): string | undefined {
	for (const name of names) {
		for (const entry of head) {
			if (!Array.isArray(entry) || entry[0] !== 'meta' || typeof entry[1] !== 'object' || entry[1] === null) continue;
			const { name: metaName, property, content } = entry[1] as Record<string, unknown>;
			if ((metaName === name || property === name) && typeof content === 'string' && content.trim() !== '') return content.trim();
		}
	}
	return undefined;
}

/**
 * A Blogger post as jekyll-import writes it: `blogger_orig_url` is its address on Blogger, whose path is an
 * old address (as `aliases`), and `modified_time` its last update; `thumbnail` is the 72-pixel crop Blogger
 * made of the body's first image for its lists, which Blogger's post page does not show: not a featured
 * image (the body still shows the picture). Blogger's own id is left out.
 */
function readBloggerImport(data: Record<string, unknown>, source: ParsedSource): void {
	if (typeof data.thumbnail === 'string' && /^https?:\/\/[^/]*(?:\.blogspot\.com|\.googleusercontent\.com)\//i.test(data.thumbnail.trim())) delete data.thumbnail;
	if (data.modified_time !== undefined && !FIELD_ALIASES.updated.some((key) => data[key] !== undefined)) {
		data.updated = data.modified_time;
		delete data.modified_time;
		source.movedKeys = { ...source.movedKeys, updated: 'modified_time' };
	}
	const original = typeof data.blogger_orig_url === 'string' && URL.canParse(data.blogger_orig_url.trim()) ? new URL(data.blogger_orig_url.trim()).pathname : undefined;
	if (original && original !== '/') {
		const aliases = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
		if (data.aliases === undefined) source.movedKeys = { ...source.movedKeys, aliases: 'blogger_orig_url' };
		let decoded = original;
		try {
			decoded = decodeURI(original);
		} catch {
			// A stray `%` (`100%-done.html`): the path as written.
		}
		data.aliases = [...aliases, decoded];
		delete data.blogger_orig_url;
	}
	delete data.blogger_id;
}

/**
 * A Logseq page's properties, all text: `tags` (and `alias`) are lists separated by commas, each name maybe
 * a `[[link]]`; `public:: false`, which keeps a page out of what Logseq publishes, makes it a draft.
 */
function readLogseqProperties(data: Record<string, unknown>): void {
	for (const key of ['tags', 'alias']) {
		const value = data[key];
		if (typeof value === 'string') data[key] = value.split(',').map((name) => name.trim().replace(/^\[\[(.*)\]\]$/, '$1').replace(/^#/, '')).filter((name) => name !== '');
	}
	if (typeof data.public === 'string') {
		if (data.public.trim().toLowerCase() === 'false') data.draft ??= true;
		delete data.public;
	}
	// Logseq's aliases are other names of the page in the graph, not addresses.
	delete data.alias;
}

/**
 * Fields other themes keep under names or objects of their own: AstroWind's `metadata: { canonical }`, Type-on-Strap's
 * `feature-img` (the picture its post opens with, where `image` is the smaller one of its lists and cards) and
 * Duckquill's `banner` in Zola's `[extra]` table, beside the post as Duckquill shows it. What else such an object
 * holds stays in it, reported as other unknown keys are.
 */
function readNestedFields(data: Record<string, unknown>, source: ParsedSource): void {
	const metadata = plainObject(data.metadata);
	if (typeof metadata?.canonical === 'string' && !FIELD_ALIASES.canonicalURL.some((key) => data[key] !== undefined)) {
		const { canonical, ...rest } = metadata;
		data.canonicalURL = canonical;
		source.movedKeys = { ...source.movedKeys, canonicalURL: 'metadata.canonical' };
		keepRest(data, 'metadata', rest);
	}
	const feature = data['feature-img'];
	if (typeof feature === 'string' && feature.trim() !== '' && data.featured_image === undefined) {
		data.featured_image = feature;
		source.movedKeys = { ...source.movedKeys, featured_image: 'feature-img' };
		delete data['feature-img'];
		// Its smaller `image`, which Carnet's cards have no use for beside the featured image, gives no second value.
		if (typeof data.image === 'string') delete data.image;
	}
	const extra = source.format === 'toml' ? plainObject(data.extra) : undefined;
	if (!extra) return;
	const rest = { ...extra };
	let read = false;
	if (typeof extra.banner === 'string' && extra.banner.trim() !== '' && !FIELD_ALIASES.image.some((key) => data[key] !== undefined)) {
		const address = extra.banner.trim();
		// Duckquill writes the banner's address after the page's own: a bare name is a file beside the post.
		data.featured_image = /^(?:[/.]|[a-z][\w+.-]*:)/i.test(address) ? address : `./${address}`;
		source.movedKeys = { ...source.movedKeys, featured_image: 'extra' };
		delete rest.banner;
		read = true;
	}
	// Zola has no field of its own for an author, an image or a table of contents: its themes read them from
	// `[extra]` (`[extra] author = "…"`, Bevy's `image`), as Hugo's read `params`. A key Carnet reads, of the
	// kind of value Carnet reads there and written nowhere else in the post under any of its names, is the
	// post's; another (`[extra.comments] issue_id = 3`, a theme's own table) stays the theme's, as before.
	for (const [key, value] of Object.entries(rest)) {
		if (key === 'extra' || !KNOWN_KEYS.has(key) || isBlankField(value) || !readsAsWritten(key, value)) continue;
		const names = Object.values(FIELD_ALIASES as Record<string, readonly string[]>).find((aliases) => aliases.includes(key)) ?? [key];
		if (names.some((name) => data[name] !== undefined)) continue;
		data[key] = value;
		source.movedKeys = { ...source.movedKeys, [key]: 'extra' };
		delete rest[key];
		read = true;
	}
	if (read) keepRest(data, 'extra', rest);
}

/** Objects that hold a featured image, and the keys of its path in the order they are taken. */
export const IMAGE_OBJECTS: readonly { key: string; paths: readonly string[] }[] = [
	// starlight-blog's `{ light, dark, alt }`: the light one is the featured image.
	{ key: 'cover', paths: ['image', 'light'] },
	// Chirpy's `{ path }`; `{ url, alt }` of Astro's blog tutorial.
	{ key: 'image', paths: ['path', 'url', 'src'] },
	{ key: 'header', paths: ['overlay_image', 'image', 'teaser'] },
	// Astro Cactus's `coverImage: { src, alt }`; astro-theme-pure's `heroImage: { src, color }`.
	{ key: 'coverImage', paths: ['src', 'url'] },
	// CloudCannon's templates' `featured_image: { image, image_alt }`.
	...['heroImage', 'featuredImage', 'featured_image', 'featureImage', 'feature_image', 'thumbnail', 'cover_image'].map((key) => ({ key, paths: ['src', 'url', 'path', 'image'] })),
];

// The keys that name the image of an image written as an object, in any of the objects above.
const IMAGE_OBJECT_KEYS = [...new Set(IMAGE_OBJECTS.flatMap(({ paths }) => paths))];
// A flag written as a word, which Carnet reads as Jekyll and Hugo read YAML 1.1.
const FLAG_WORD = /^(?:true|false|yes|no|on|off)$/i;

/**
 * Whether `value`, as a post writes it, is one Carnet reads under `key`, before the dialects turn it into the
 * schema's form: an image as a path or an object that names one, a date as text, a flag as a word.
 */
function readsAsWritten(key: string, value: unknown): boolean {
	if (IMAGE_KEYS.includes(key)) return typeof value === 'string' || (plainObject(value) !== undefined && IMAGE_OBJECT_KEYS.some((name) => typeof (value as Record<string, unknown>)[name] === 'string'));
	if (DATE_KEYS.includes(key)) return typeof value === 'string' || value instanceof Date;
	if (typeof value === 'string' && FLAG_WORD.test(value.trim()) && readsAs(key, true)) return true;
	return readsAs(key, value);
}

/**
 * What an object holds besides the fields read from it, as the object it was (`data.extra.metadata.robots`,
 * where a site's code reads it, as it does in a post where nothing was read from the object), or nothing.
 */
function keepRest(data: Record<string, unknown>, key: string, rest: Record<string, unknown>): void {
	if (Object.values(rest).every(isBlankField)) delete data[key];
	else data[key] = rest;
}

/** What an object holds besides the fields read from it, as keys of their own (`cover.caption`), which are reported as unknown keys are. */
export function keepAsKeys(data: Record<string, unknown>, source: ParsedSource, key: string, fields: Record<string, unknown>): void {
	for (const [name, field] of Object.entries(fields)) {
		if (isBlankField(field)) continue;
		data[`${key}.${name}`] = field;
		source.movedKeys = { ...source.movedKeys, [`${key}.${name}`]: key };
	}
}

function plainObject(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Pelican's metadata, all text: `Tags`, `Keywords` and `Authors` are lists separated by semicolons, or else
 * by commas, as Pelican splits them; `Category` is one name, spaces included; a post without `Slug` is
 * named after its title, as Pelican names it.
 */
function readPelicanMetadata(data: Record<string, unknown>): void {
	for (const key of ['tags', 'keywords', 'authors']) {
		const value = data[key];
		if (typeof value === 'string') data[key] = value.split(value.includes(';') ? ';' : ',').map((name) => name.trim()).filter((name) => name !== '');
	}
	if (typeof data.category === 'string') data.category = [data.category];
	// A text in quotes (`Title: "Improving the build"`), as sites that give Pelican YAML metadata write it,
	// is the text inside them, as YAML reads it.
	for (const key of ['title', 'summary', 'description']) {
		const quoted = typeof data[key] === 'string' ? /^\s*(?:"([^"]*)"|'([^']*)')\s*$/.exec(data[key]) : null;
		if (quoted) data[key] = quoted[1] ?? quoted[2];
	}
	// Pelican names a post's page after its title (its SLUGIFY_SOURCE is 'title' by default), not its file.
	if (data.slug === undefined && typeof data.title === 'string') data.slug = data.title;
}

/** Statuses of Pelican, Ghost and WordPress exports that say a post is not public: it is a draft. */
export const UNPUBLISHED_STATUSES = new Set(['draft', 'pending', 'private', 'auto-draft', 'trash']);
/** Statuses that say nothing Carnet does not read elsewhere: a scheduled post's date decides, as Carnet holds back future posts. */
const PUBLIC_STATUSES = new Set(['published', 'publish', 'future', 'scheduled']);

/**
 * `status`, as Pelican, Ghost exports and WordPress exports write it: `draft` (and WordPress's `pending`,
 * `private`, `auto-draft`, `trash`) is a draft; `published`, `publish`, `future` and `scheduled` say nothing
 * more. Pelican's `hidden` (a page no list shows) is left for readUnpublishedOptions(); another status is
 * kept and reported as other unknown keys are.
 */
function readStatus(data: Record<string, unknown>): void {
	const status = typeof data.status === 'string' ? data.status.trim().toLowerCase() : undefined;
	if (status === undefined) return;
	if (UNPUBLISHED_STATUSES.has(status)) {
		data.draft ??= true;
		delete data.status;
	} else if (PUBLIC_STATUSES.has(status)) delete data.status;
}

/**
 * Material for MkDocs' blog dates a post `date: { created, updated }`: its publication date, and the
 * date it was updated unless the post gives one. Other keys of the object are kept as `date.<name>`.
 */
function readDateObject(data: Record<string, unknown>, source: ParsedSource): void {
	const value = data.date;
	if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || !('created' in value)) return;
	const { created, updated, ...rest } = value as Record<string, unknown>;
	data.date = created;
	if (updated !== undefined && !FIELD_ALIASES.updated.some((key) => data[key] !== undefined)) {
		data.updated = updated;
		source.movedKeys = { ...source.movedKeys, updated: 'date' };
	}
	for (const [name, field] of Object.entries(rest)) {
		data[`date.${name}`] = field;
		source.movedKeys = { ...source.movedKeys, [`date.${name}`]: 'date' };
	}
}

/**
 * The names of tags, categories and authors in Zola's `[taxonomies]` (any the site declares: matrix.org's
 * `author` and `category`) and in Grav's `taxonomy`, by the field of Carnet's they give.
 */
const TAXONOMY_NAMES = {
	taxonomies: { tags: 'tags', tag: 'tags', categories: 'categories', category: 'categories', authors: 'authors', author: 'authors' },
	taxonomy: { tag: 'tags', tags: 'tags', category: 'categories', categories: 'categories' },
} as const satisfies Record<string, Record<string, 'tags' | 'categories' | 'authors'>>;

/**
 * Zola's `[taxonomies]` table and Grav's `taxonomy: { tag, category }`: their tags, categories and authors are
 * the post's (Grav's after any written at the top level; authors only when the top level names none); other
 * taxonomies are kept as `taxonomies.<name>` (`taxonomy.<name>`) and reported as other unknown keys are.
 * Zola reads a post's tags and categories from its taxonomies alone: top-level ones beside those the table
 * gives are left out, with a warning when they name others (leftOutTopLevelNames()).
 */
function readTaxonomies(data: Record<string, unknown>, source: ParsedSource, field: keyof typeof TAXONOMY_NAMES): void {
	const taxonomies = data[field];
	if (taxonomies === null || typeof taxonomies !== 'object' || Array.isArray(taxonomies)) return;
	delete data[field];
	const names: Record<string, string> = TAXONOMY_NAMES[field];
	for (const [name, value] of Object.entries(taxonomies)) {
		let key = names[name] ?? `${field}.${name}`;
		if (key === 'authors' && (data.author !== undefined || data.authors !== undefined)) key = `${field}.${name}`;
		if (field === 'taxonomies' && (key === 'tags' || key === 'categories')) leftOutTopLevelNames(data, source, key, name, value);
		const written = data[key];
		data[key] = written === undefined ? value : [written, value].flat();
		source.movedKeys = { ...source.movedKeys, [key]: field };
	}
}

/**
 * Leaves out the top-level `key` (`tags`) of a Zola post whose `taxonomies.<name>` gives the same field, as
 * Zola reads the taxonomies alone (a kanso post's `tags: [ignored, …]`), noting it for a warning at its line
 * when it names what the taxonomy does not.
 */
function leftOutTopLevelNames(data: Record<string, unknown>, source: ParsedSource, key: 'tags' | 'categories', name: string, taxonomy: unknown): void {
	const written = data[key];
	if (written === undefined) return;
	delete data[key];
	const kept = new Set([taxonomy].flat().map(String));
	const others = [written].flat().map(String).filter((item) => !kept.has(item));
	if (others.length === 0) return;
	const topLevel = source.movedKeys?.[key] ?? key;
	const message =
		`${topLevel} ${JSON.stringify(written)} ${others.length === 1 ? 'is' : 'are'} left out: the post has taxonomies.${name}, and Zola reads its ${key} from there alone, leaving the top-level ${topLevel} out. ` +
		`To keep ${others.map((item) => JSON.stringify(item)).join(', ')}, add ${others.length === 1 ? 'it' : 'them'} to taxonomies.${name}; else remove the top-level ${topLevel}.`;
	// Its line now: the field is moved to the taxonomy's next.
	source.leftOutKeys = [...(source.leftOutKeys ?? []), { line: lineOfKey(source, key), message }];
}

const WIKI_EMBED = /^!?\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/;

/**
 * Joplin's and Dendron's `created` (Dendron's in milliseconds; Obsidian's may link a daily note, `[[2024-03-24]]`):
 * the date of a post that has none, nor one in its file name, when it reads as a date. Run after the file
 * name's date is read (post-dialects.ts).
 */
export function readCreatedDate(data: Record<string, unknown>, source: ParsedSource): void {
	readLinterTimestamps(data, source);
	readHugoLastmodDate(data, source);
	if (data.created === undefined || FIELD_ALIASES.date.some((key) => data[key] !== undefined)) return;
	const linked = typeof data.created === 'string' ? /^\[\[([^\]|]+)\]\]$/.exec(data.created.trim())?.[1] : undefined;
	const created = linked ?? data.created;
	// Whether it reads as a date at all; the loader reads it in the site's time zone with the others.
	if (!(created instanceof Date) && readFrontMatterDate(created, 'UTC')?.ok !== true) return;
	data.date = created;
	delete data.created;
	source.movedKeys = { ...source.movedKeys, date: 'created' };
}

/**
 * The Obsidian Linter's `date created` and `date modified` (its YAML Timestamp rule's keys, written
 * `Tuesday, January 2nd 2024, 10:30:00 am` by default, or in the format its settings give, such as
 * `2024-01-02T10:30`): the date and the updated date of a post that has none, when they read as dates. Its
 * settings may rename them; these are its defaults, in any case.
 */
function readLinterTimestamps(data: Record<string, unknown>, source: ParsedSource): void {
	for (const [field, name] of [
		['date', 'date created'],
		['updated', 'date modified'],
	] as const) {
		const key = Object.keys(data).find((written) => written.toLowerCase() === name);
		if (key === undefined || FIELD_ALIASES[field].some((alias) => data[alias] !== undefined)) continue;
		const value = data[key];
		// Whether it reads as a date at all; the loader reads it in the site's time zone with the others.
		if (!(value instanceof Date) && readFrontMatterDate(value, 'UTC')?.ok !== true) continue;
		data[field] = value;
		delete data[key];
		source.movedKeys = { ...source.movedKeys, [field]: key };
	}
}

/**
 * A post with no date but Hugo's `lastmod` (or `modified`) is dated by it, as Hugo dates it by default
 * (its `frontmatter.date` setting: date, publishDate, pubDate, published, lastmod, modified). The field
 * stays the post's update too, on the same day: no update is shown.
 */
function readHugoLastmodDate(data: Record<string, unknown>, source: ParsedSource): void {
	if (FIELD_ALIASES.date.some((key) => data[key] !== undefined)) return;
	const key = ['lastmod', 'modified'].find((name) => data[name] instanceof Date || (typeof data[name] === 'string' && readFrontMatterDate(data[name], 'UTC')?.ok === true));
	if (key === undefined) return;
	data.date = data[key];
	source.movedKeys = { ...source.movedKeys, date: key };
}

// Its text is what follows the `#`, without the closing `#`s (headingText()): read in one pass, where a
// pattern for the closing sequence took time with the square of a run of spaces.
const TITLE_HEADING = /^ {0,3}#[ \t]+([^\n]*)$/;

/**
 * A post without a title whose body opens with a heading of level 1 (`# Tackling Broken Links!`), as
 * Docusaurus and Material for MkDocs take it: the heading's text is the title, and its line is left blank
 * in the body, which Docusaurus shows without it and MkDocs shows as the page's only title. A body that
 * opens with its post's title again as such a heading (Bear Blog's, Hashnode's and Obsidian's notes often
 * do) loses that line too: the page shows the title above it, once. Returns the body, unchanged for any
 * other post.
 */
export function takeTitleHeading(data: Record<string, unknown>, body: string): string {
	const heading = titleHeading(data.title, body);
	if (!heading) return body;
	if (data.title === undefined) data.title = heading.title;
	const lines = body.split('\n');
	lines[heading.index] = '';
	return lines.join('\n');
}

// A title made of a post's first words stops at a word before this many characters.
const WORDS_TITLE_LENGTH = 70;

/**
 * The title of a post that has none, as a micro.blog note or an untitled Hugo page: the first words of its
 * first paragraph (or heading, or quote) as a reader reads them, cut at a word with "…" past 70 characters;
 * undefined for a body with no words, or one the parser cannot read in time.
 */
export function titleFromWords(body: string): string | undefined {
	const start = body.slice(0, 5_000);
	const root = parsedInTime(start, start.split('\n'));
	let words = '';
	let skipped: string | undefined;
	// In the order of the text: the nodes still to read, the next one last.
	const stack = root ? [root] : [];
	while (stack.length > 0 && words === '') {
		const node = stack.pop() as MarkdownNode;
		if (node.type === 'code' || node.type === 'html' || node.type === 'definition') continue;
		if (node.type === 'paragraph' || node.type === 'heading') {
			const text = textOf(node);
			// What the plain Markdown read here leaves as text: a table, a footnote, display math (the title
			// only if nothing else has words); a callout's marker.
			if (NO_WORDS.test(text) || TABLE_DELIMITER.test(text)) {
				skipped ??= text.replace(/\s+/g, ' ').trim();
				continue;
			}
			// A footnote's mark (`claim[^1]`) is no word.
			words = text.replace(/\[\^[^\]\s]{1,100}\]/g, '').replace(/\s+/g, ' ').trim().replace(CALLOUT_MARKER, '');
		} else for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
	}
	if (words === '') words = skipped ?? '';
	if (words === '') return undefined;
	if (words.length <= WORDS_TITLE_LENGTH) return words;
	const cut = words.slice(0, WORDS_TITLE_LENGTH + 1).replace(/\s+\S*$/, '');
	return `${(cut || words.slice(0, WORDS_TITLE_LENGTH)).replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`;
}

// A paragraph that is a footnote's text or display math (`[^1]: …`, `$$`, `\[`).
const NO_WORDS = /^\s*(?:\[\^[^\]\n]*\]:|\$\$|\\\[)/;
// The row under a table's head: `|---|:--:|`, `--- | ---`.
const TABLE_DELIMITER = /\n[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|/;
// A callout's marker before its title: `[!NOTE]`, `[!TIP]-`.
const CALLOUT_MARKER = /^\[![A-Za-z]+\][+-]?\s*/;

// What makes Markdown text other than text: emphasis, code, links, images (and, unread, raw HTML).
const INLINE_MARK = /[*_`[]/;
const MARKED = new Set(['emphasis', 'strong', 'inlineCode', 'link', 'image']);
// What may stand before and after a stress (`*new*`, `(**bold**)`, `**New**:`, `*Hamlet*-like`): a space, a
// bracket, a quote, punctuation after; and Chinese, Japanese or Korean, written without spaces (`新しい*機能*の`).
const CJK = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303F\uFF00-\uFFEF`;
const STRESS_BEFORE = new RegExp(String.raw`[\s([{"'\u201C\u2018\u00AB\u2014\u2013${CJK}]`, 'u');
const STRESS_AFTER = new RegExp(String.raw`[\s.,;:!?)\]}"'\u201D\u2019\u00BB\u2014\u2013\u2026${CJK}-]`, 'u');
// The parser pairs emphasis in time that grows with the square of its markers: a value with more is as written.
const MAX_MARKERS = 200;

/**
 * The text a reader sees of `value` read as one or more Markdown paragraphs: `**New**: the [CLI](/cli)`
 * is "New: the CLI", code is its text, an image its alt text, raw HTML as written, or with `html` as the
 * text it shows (`First.<br><em>Then</em>` is "First. Then"). A value without such marks, or one the parser
 * reads as more than paragraphs (a list: "1. Intro"; a heading: "# tags") is returned as written, its
 * escapes and entities too.
 */
export function markdownText(value: string, options: { html?: boolean } = {}): string {
	const html = options.html === true;
	if (!(html ? HTML_MARK : INLINE_MARK).test(value) || value.length > 10_000 || markers(value) > MAX_MARKERS) return value;
	const root = parsedInTime(value, value.split('\n'));
	const paragraphs = root?.children ?? [];
	if (paragraphs.length === 0 || paragraphs.some((node) => node.type !== 'paragraph' && !(html && node.type === 'html'))) return value;
	// Emphasis is read only as a stress between words (`a *new* way`): between underscores it is a name more
	// often (`__init__`, `__name__ == "__main__"`), and stars against a slash, a dot or a digit are a glob, a
	// product, a pattern (`src/*.js`, `2*3*4`, `.*foo.*`): as written.
	const underscored = (node: MarkdownNode) => {
		if (node.type !== 'emphasis' && node.type !== 'strong') return false;
		const [start, end] = [node.position?.start.offset, node.position?.end.offset];
		if (start === undefined || end === undefined || value.charAt(start) === '_') return true;
		const [before, after] = [value.charAt(start - 1), value.charAt(end)];
		return !((before === '' || STRESS_BEFORE.test(before)) && (after === '' || STRESS_AFTER.test(after)));
	};
	let marked = false;
	walk(root, (node) => {
		if (underscored(node)) return false;
		marked ||= MARKED.has(node.type) || (html && node.type === 'html');
		return !marked;
	});
	if (!marked) return value;
	// With `html`, a paragraph is read as HTML once its Markdown is read: the parser splits an element into its
	// tags and its text (`<script>`, `x`, `</script>`), which only read together show what a browser shows.
	const shown = (written: string) => (html ? escapeXml(written) : written);
	const text = (node: MarkdownNode): string => {
		const { value: own, alt } = node as MarkdownNode & { value?: string; alt?: string | null };
		if (underscored(node)) return shown(characterReferences(value.slice(node.position?.start.offset, node.position?.end.offset)));
		if (node.type === 'break') return '\n';
		if (node.type === 'image') return shown(alt ?? '');
		if (node.type === 'html') return own ?? '';
		return typeof own === 'string' ? shown(own) : (node.children ?? []).map(text).join('');
	};
	const written = paragraphs.map((node) => (html ? htmlText(text(node)) : text(node))).join('\n\n');
	// A line break written as a tag and the spaces around it are one space, as a browser shows them.
	return html ? written.replace(/[ \t]*[\r\n]+[ \t]*|[ \t]{2,}/g, ' ').trim() : written;
}

// Markdown's marks, or a tag.
const HTML_MARK = /[*_`[<]/;
// Elements whose content a reader does not see as text.
const UNSEEN_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);

/** The text HTML shows (a tag alone shows none; an element its text, its character references decoded), a line break as a space. */
function htmlText(html: string): string {
	const text = (node: HtmlNode): string => {
		if (node.type === 'text') return node.value;
		if (node.type === 'element' && node.tagName === 'br') return ' ';
		if (node.type === 'element' && UNSEEN_ELEMENTS.has(node.tagName)) return '';
		return 'children' in node ? node.children.map(text).join('') : '';
	};
	return text(fromHtml(html, { fragment: true }));
}

/**
 * A featured image's caption as the text a reader saw under it: PaperMod and Wowchemy render theirs as Markdown
 * (`Photo by [Ada](…) on Unsplash`) and Ghost writes `feature_image_caption` as HTML (`Photo by <a href="…">Ada</a>`),
 * and a page shows the caption as text, its links' words kept.
 */
export function readImageCaptions(data: Record<string, unknown>): void {
	for (const key of FIELD_ALIASES.imageCaption) {
		const written = data[key];
		if (typeof written !== 'string') continue;
		const text = markdownText(written, { html: true });
		data[key] = (text !== written ? text : characterReferences(written)).replace(/[ \t\r\n]+/g, ' ').trim();
	}
}

/** How many of emphasis's markers (`*`, `_`) `value` holds. */
function markers(value: string): number {
	let count = 0;
	for (const char of value) if (char === '*' || char === '_') count += 1;
	return count;
}

/** `text` with its code spans (`` `matchAll` ``) as their code, without the backticks. */
function withoutCodeTicks(text: string): string {
	return text.includes('`') && text.length <= 10_000 ? text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_span, _ticks, code: string) => code.trim()) : text;
}

/** The text a reader sees of a Markdown node: its text, code and images' alt text, without the syntax. */
function textOf(node: MarkdownNode): string {
	const value = (node as MarkdownNode & { value?: string; alt?: string }).value ?? (node as MarkdownNode & { alt?: string }).alt;
	if (typeof value === 'string' && node.type !== 'html') return value;
	return (node.children ?? []).map(textOf).join('');
}

/** An ATX heading's text after its `#`s: without the closing sequence (` ##`) and the spaces around it. */
function headingText(line: string): string {
	let end = line.length;
	while (end > 0 && /[ \t\r]/.test(line.charAt(end - 1))) end -= 1;
	let hashes = end;
	while (hashes > 0 && line.charAt(hashes - 1) === '#') hashes -= 1;
	// A closing sequence follows a space, or is all there is.
	if (hashes < end && (hashes === 0 || /[ \t]/.test(line.charAt(hashes - 1)))) end = hashes;
	while (end > 0 && /[ \t]/.test(line.charAt(end - 1))) end -= 1;
	return line.slice(0, end);
}

/**
 * The heading of level 1 that opens `body` when it stands for the post's title (`title`, undefined for a
 * post without one): its line (0 = the first) and its text. MDX posts lose it as their file is loaded
 * (integration/vite-plugin-mdx-text.ts), the others in takeTitleHeading().
 */
export function titleHeading(title: unknown, body: string): { index: number; title: string } | undefined {
	// The first line that is not blank, found without splitting the body: every post is read this way.
	const start = body.search(/\S/);
	if (start === -1 || body[start] !== '#') return undefined;
	const lineStart = body.lastIndexOf('\n', start) + 1;
	const lineEnd = body.indexOf('\n', start);
	const heading = TITLE_HEADING.exec(body.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
	if (!heading) return undefined;
	const index = lineStart === 0 ? 0 : (body.slice(0, lineStart).match(/\n/g)?.length ?? 0);
	// The class that leaves it out of the table of contents (kramdown's `{: .no_toc }` under it) links nothing to it.
	const asWritten = headingText(heading[1] as string);
	const written = asWritten.endsWith(' {.no_toc}') ? asWritten.slice(0, -' {.no_toc}'.length).trimEnd() : asWritten;
	if (written === '') return undefined;
	const text = plainHeading(withoutAttributeList(written));
	if (title === undefined) return { index, title: text };
	if (typeof title !== 'string' || comparable(title) !== comparable(text)) return undefined;
	// A heading that repeats the title is kept when something may link to it: its own id (`{#top}`), or a
	// link of the body to its generated one (`[Back to top](#hello-world)`).
	if (withoutAttributeList(written) !== written || body.includes(`](#${generatedHeadingId(text)})`)) return undefined;
	return { index, title: text };
}

/** A title as two spellings of it compare: case, spaces and Unicode forms aside. */
function comparable(title: string): string {
	return title.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

// A title is text: the heading's links, code spans, emphasis, highlights (==Bar==, <mark>Bar</mark> as the
// highlight pass writes it), subscripts, superscripts and HTML tags around words give their words, and its
// character references (Caf&eacute;, an ox-md export's &#30446;) the characters the heading showed. A `<T>`
// closed by no `</T>` is text, as `Vec<T>` in a title is meant.
function plainHeading(markdown: string): string {
	const closed = new Set(Array.from(markdown.matchAll(/<\/([A-Za-z][\w-]*)\s*>/g), (tag) => (tag[1] as string).toLowerCase()));
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<\/?([A-Za-z][\w-]*)(?:\s[^<>]*)?>/g, (tag, name: string) => (closed.has(name.toLowerCase()) ? '' : tag))
		.replace(/(\*\*|__|\*|_|==|~~)(\S(?:.*?\S)?)\1/g, '$2')
		.replace(/([~^])([^\s~^]+)\1/g, '$2')
		.replace(/(`+)(.+?)\1|\\([!-/:-@[-`{-~])|&#?\w+;/g, (match, _ticks, code: string | undefined, escaped: string | undefined) => code ?? escaped ?? characterReferences(match))
		.trim();
}

/**
 * wordpress-export-to-markdown names a post's cover image by its file name alone (`coverImage: "cat.jpg"`)
 * and saves it in an `images/` folder beside the post: such a name, not found beside the post but found
 * there, is that file (`./images/cat.jpg`). Which it is depends on the folder, so the loader's key names it.
 */
export function exportedCoverImage(data: Record<string, unknown>, entryFile: string): string | undefined {
	const name = data.coverImage;
	if (typeof name !== 'string' || name.trim() === '' || /[/\\:]/.test(name)) return undefined;
	const folder = path.dirname(entryFile);
	return !existsSync(path.join(folder, name)) && existsSync(path.join(folder, 'images', name)) ? `./images/${name}` : undefined;
}
