import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { digest } from '../utils/digest.ts';
import { FrontMatterSyntaxError, parseFrontMatter } from '../utils/front-matter.ts';
import yaml from 'js-yaml';
import { FIELD_ALIASES, KNOWN_KEYS } from '../schema.ts';
import { userError } from './errors.ts';
import { keyInOtherCase } from './post-dialects.ts';

/**
 * Hugo's `cascade` in a section's `_index.md`, and Bridgetown's `_defaults.yml` in a folder: front matter
 * that every post under the folder takes unless it sets its own. Carnet reads no list page, but what holds
 * pages back must not be lost on the way: a section whose `_index.md` says `cascade: { draft: true }` (or
 * a `_defaults.yml` that says `published: false`) keeps all of its posts unpublished, and would publish
 * them all in Carnet. So the keys that decide whether a post is published are read (`draft`, `published`,
 * `headless`, and the `build` options, `_build` before Hugo 0.123), and so are the fields Carnet reads
 * (`author`, `series`, `tags`, `categories`…). Other keys (`type`, `layout`, params) are about the other
 * engine's templates and are left out. Keys are read in any case, as Hugo reads them (`Cascade: { Draft: true }`).
 */
const PUBLISHING_KEYS = ['draft', 'published', 'headless', 'build', '_build'];
const INDEX_FILE = /^_index\.(?:md|markdown)$/i;
const DEFAULTS_FILE = /^_defaults\.ya?ml$/i;
// Keys that name a template, which a cascade gives every page and Carnet's pages have no use for.
// Image paths too: a cascaded `featured_image: images/banner.jpg` is the section's file, which each post would
// look for beside itself.
const TEMPLATE_KEYS = new Set(['layout', 'template', 'type', 'title', 'slug', 'url', 'permalink', 'aliases', 'date', ...FIELD_ALIASES.image, 'images', 'banner']);
const isCascaded = (key: string) => PUBLISHING_KEYS.includes(key) || (KNOWN_KEYS.has(key) && !TEMPLATE_KEYS.has(key));

export interface HugoCascades {
	/** Folder (root-relative, `/` separated) → the keys its `_index.md` cascades or its `_defaults.yml` sets. */
	byFolder: ReadonlyMap<string, Record<string, unknown>>;
	/** The `_index.md` files with a cascade for some pages only (`_target`), which Carnet cannot tell apart: worth a warning. */
	targeted: readonly string[];
	/** Of every `_index.md` that cascades something: every post's key includes it. */
	digest: string;
}

/** The cascades of the `_index.md` and `_defaults.yml` files under `postsDir`, or undefined when none cascades a key Carnet reads. */
export function readHugoCascades(postsDir: string, root: string): HugoCascades | undefined {
	let files: string[];
	try {
		files = readdirSync(postsDir, { recursive: true, encoding: 'utf8' }).filter((file) => INDEX_FILE.test(path.basename(file)) || DEFAULTS_FILE.test(path.basename(file)));
	} catch {
		return undefined;
	}
	const byFolder = new Map<string, Record<string, unknown>>();
	const targeted: string[] = [];
	const texts: string[] = [];
	for (const file of files.sort()) {
		const absolute = path.join(postsDir, file);
		const displayPath = path.relative(root, absolute).split(path.sep).join('/');
		const text = readFileSync(absolute, 'utf8');
		const defaults = DEFAULTS_FILE.test(path.basename(file));
		if (!defaults && !/\bcascade\b/i.test(text)) continue;
		let data: Record<string, unknown>;
		try {
			// A `_defaults.yml` is the defaults themselves, as YAML, where an `_index.md` has them under `cascade`.
			data = defaults ? { cascade: yaml.load(text.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA }) ?? {} } : parseFrontMatter(text).data;
		} catch (error) {
			if (error instanceof yaml.YAMLException) {
				const line = error.mark.line + 1;
				throw userError(`${displayPath}:${line}: invalid YAML: ${error.reason}.`, 'Fix that line: Carnet reads the defaults (draft, published, author…) for the posts under it.', { file: absolute, line });
			}
			if (!(error instanceof FrontMatterSyntaxError)) throw error;
			const line = error.line;
			throw userError(`${displayPath}:${line}:${error.column}: invalid front matter: ${error.reason}\n\n${error.frame}`, "Fix that line: Carnet reads the section's cascade (draft, published, author…) for the posts under it.", {
				file: absolute,
				line,
			});
		}
		const cascade = data[Object.keys(data).find((key) => key.toLowerCase() === 'cascade') ?? 'cascade'];
		const cascaded = cascadedKeys(cascade);
		if ([cascade].flat().some((entry) => isTargeted(entry) && Object.keys(entry as Record<string, unknown>).some((key) => PUBLISHING_KEYS.includes(keyInOtherCase(key) ?? key)))) targeted.push(displayPath);
		if (Object.keys(cascaded).length === 0) continue;
		const folder = path.posix.dirname(displayPath);
		byFolder.set(folder, { ...byFolder.get(folder), ...cascaded });
		texts.push(`${displayPath}\n${JSON.stringify(cascaded)}`);
	}
	return byFolder.size === 0 && targeted.length === 0 ? undefined : { byFolder, targeted, digest: digest(texts.join('\n')) };
}

/** Gives a post's front matter the keys its folders cascade, the nearest folder first, for the keys it does not set itself. */
export function applyHugoCascades(data: Record<string, unknown>, displayPath: string, cascades: HugoCascades | undefined): void {
	if (!cascades) return;
	for (let folder = path.posix.dirname(displayPath); ; folder = path.posix.dirname(folder)) {
		for (const [key, value] of Object.entries(cascades.byFolder.get(folder) ?? {})) data[key] ??= value;
		if (path.posix.dirname(folder) === folder) break;
	}
}

/** `cascade: { … }`, or a list of them; an entry with a `_target` applies to some pages only, which Carnet cannot tell, and is left out. */
function cascadedKeys(cascade: unknown): Record<string, unknown> {
	const entries = Array.isArray(cascade) ? cascade : [cascade];
	const keys: Record<string, unknown> = {};
	for (const entry of entries) {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || isTargeted(entry)) continue;
		for (const [written, value] of Object.entries(entry as Record<string, unknown>)) {
			const key = isCascaded(written) ? written : (keyInOtherCase(written) ?? written);
			if (isCascaded(key) && value !== undefined && keys[key] === undefined) keys[key] = value;
		}
	}
	return keys;
}

const isTargeted = (entry: unknown) => entry !== null && typeof entry === 'object' && ('_target' in entry || 'target' in entry);
