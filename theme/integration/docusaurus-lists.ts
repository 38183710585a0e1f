import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { digest } from '../utils/digest.ts';
import { AUTHOR_IMAGE_KEYS, authorImageProblem, socialProfile } from '../utils/authors.ts';
import { isSafeLink } from '../utils/links.ts';
import { parseFrontMatter } from '../utils/front-matter.ts';
import { AstroError } from 'astro/errors';
import { userError, type ErrorLocation } from './errors.ts';

/** An author as Carnet's schema takes one. */
export interface ListedAuthor {
	name: string;
	url?: string;
	email?: string;
	title?: string;
	image?: string;
	socials?: Record<string, string>;
}

/**
 * Docusaurus's lists of a blog's authors and tags, `authors.yml` and `tags.yml` at the top of its blog
 * folder (`blog/`, which becomes the posts folder), read once per sync. A post names an author or a tag by
 * its key (`authors: [slorber]`, `tags: [facebook]`); Carnet shows the name and the label the list gives.
 */
export interface DocusaurusLists {
	authors: ReadonlyMap<string, ListedAuthor>;
	tags: ReadonlyMap<string, string>;
	/** Of both files' text: every post's key includes it, so that an edited list reaches every post. */
	digest: string;
	/** The authors file read (`blog/authors.yml`, from the project's root), when there is one. */
	authorsFile?: string;
}

const FILES = { authors: ['authors.yml', 'authors.yaml', 'authors.json'], tags: ['tags.yml', 'tags.yaml', 'tags.json'] } as const;

// Material for MkDocs' blog plugin keeps its authors under `authors:` in `docs/blog/.authors.yml`, whose posts
// are in `docs/blog/posts/`: the file is at the top of the posts folder when `blog/` was copied whole, else above it.
const MATERIAL_AUTHORS = ['.authors.yml', '.authors.yaml'] as const;

// Where git-based editors keep one file per author (Tina's `content/authors/`, Keystatic's `src/content/authors/`).
const AUTHOR_FOLDERS = ['content/authors', 'src/content/authors', 'src/data/authors', 'data/authors', 'src/authors'];
const AUTHOR_FILE = /\.(?:md|mdx|mdoc|markdown|json|ya?ml)$/i;

/**
 * The authors of one file each, as git-based editors write them (Tina, Keystatic, Decap): a post names one by
 * the file's path from the project's root (Tina's `author: content/authors/ada.md`) or by its name without
 * extension (Keystatic's `authors: [ada]`). The file's `name` (or `title`) is the author's name, its `avatar`,
 * `image` or `picture` the photo, its `url` or `website` the address. An entry that cannot be published as
 * it is (a photo that is neither an http(s) URL nor a path in public/) is left without it.
 */
function readAuthorFiles(root: string): { authors: Map<string, ListedAuthor>; text: string } | undefined {
	const authors = new Map<string, ListedAuthor>();
	const texts: string[] = [];
	for (const folder of AUTHOR_FOLDERS) {
		let files: string[];
		try {
			files = readdirSync(path.join(root, folder)).filter((file) => AUTHOR_FILE.test(file)).sort();
		} catch {
			continue;
		}
		for (const file of files) {
			const text = readFileSync(path.join(root, folder, file), 'utf8');
			let data: Record<string, unknown>;
			try {
				data = /\.json$/i.test(file) ? (JSON.parse(text) as Record<string, unknown>) : /\.ya?ml$/i.test(file) ? ((yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>) : parseFrontMatter(text).data;
			} catch {
				continue;
			}
			if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
			const slug = file.replace(AUTHOR_FILE, '');
			const name = [data.name, data.title].find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? slug;
			const author: ListedAuthor = { name };
			const url = [data.url, data.website, data.link].find((value): value is string => typeof value === 'string' && isSafeLink(value.trim()) && /^https?:/i.test(value.trim()));
			if (url) author.url = url.trim();
			if (typeof data.email === 'string' && /^[^@\s]+@[^@\s]+$/.test(data.email.trim())) author.email = data.email.trim();
			const image = [...AUTHOR_IMAGE_KEYS, 'photo'].map((key) => data[key]).find((value): value is string => typeof value === 'string' && authorImageProblem(value.trim()) === undefined);
			if (image) author.image = image.trim();
			authors.set(`${folder}/${file}`, author);
			if (!authors.has(slug)) authors.set(slug, author);
			texts.push(`${folder}/${file}\n${text}`);
		}
	}
	return authors.size === 0 ? undefined : { authors, text: texts.join('\n') };
}

/** Whether a post's author is written as the path of an author file (`content/authors/ada.md`). */
export function isAuthorFilePath(value: string): boolean {
	return value.includes('/') && AUTHOR_FILE.test(value) && !/\s/.test(value);
}

/** The lists in `postsDir`, or undefined when it has neither. `root`: the project, for the paths messages show. */
export function readDocusaurusLists(postsDir: string, root: string): DocusaurusLists | undefined {
	const authorsFile = readList(postsDir, root, FILES.authors);
	const tagsFile = readList(postsDir, root, FILES.tags);
	const materialFile = readMaterialAuthors(postsDir, root);
	const authorFiles = readAuthorFiles(root);
	if (!authorsFile && !tagsFile && !materialFile && !authorFiles) return undefined;
	// Every entry is read before one fails the build, so that all the list's mistakes are named at once.
	const problems: AstroError[] = [];
	const read = <T>(entries: Record<string, unknown>, entry: (key: string, value: unknown) => T): Map<string, T> => {
		const found = new Map<string, T>();
		for (const [key, value] of Object.entries(entries)) {
			try {
				found.set(key, entry(key, value));
			} catch (error) {
				if (!(error instanceof AstroError)) throw error;
				problems.push(error);
			}
		}
		return found;
	};
	const authors = new Map([
		...(authorFiles?.authors ?? []),
		...read(materialFile?.entries ?? {}, (key, value) => listedAuthor(key, value, materialFile as ListFile)),
		...read(authorsFile?.entries ?? {}, (key, value) => listedAuthor(key, value, authorsFile as ListFile)),
	]);
	const tags = read(tagsFile?.entries ?? {}, (key, value) => tagLabel(key, value, tagsFile as ListFile));
	const [first, ...others] = problems;
	if (first && others.length === 0) throw first;
	if (first) {
		throw userError(
			`${problems.length} entries of Docusaurus's lists are wrong:\n${problems.map((problem) => `- ${problem.message}`).join('\n')}`,
			'Fix each line named, or remove the entry.',
			(first as AstroError & { loc?: ErrorLocation }).loc,
		);
	}
	const lists = { authors, tags, digest: digest(`${authorsFile?.text ?? ''}
${tagsFile?.text ?? ''}
${materialFile?.text ?? ''}
${authorFiles?.text ?? ''}`) };
	// The file the keys are looked up in, for warnings: Docusaurus's, or else Material's.
	const listing = authorsFile ?? materialFile;
	return listing ? { ...lists, authorsFile: listing.displayPath } : lists;
}

/**
 * Replaces, in a post's front matter, each author (`author`, `authors`) and tag (`tags`) written as a key
 * of the lists by what the list says: `slorber` becomes `{ name: 'Sébastien Lorber', url: … }`, `facebook`
 * the tag `Facebook`. A name that is no key is kept as written. An author written as an object with a `key`
 * (`{ key: slorber, title: Maintainer }`, as Docusaurus's own blog writes some) is that key's entry, the
 * fields written beside the key in place of the entry's.
 */
export function applyDocusaurusLists(data: Record<string, unknown>, lists: DocusaurusLists | undefined): void {
	if (!lists) return;
	for (const key of ['author', 'authors'] as const) {
		const value = data[key];
		const listed = (author: string) => lists.authors.get(author) ?? lists.authors.get(author.replace(/^\.?\//, ''));
		const read = (author: unknown) => (typeof author === 'string' ? (listed(author) ?? author) : withListedKey(author, listed));
		if (value !== undefined) data[key] = Array.isArray(value) ? value.map(read) : read(value);
	}
	const tags = data.tags;
	if (Array.isArray(tags)) data.tags = tags.map((tag: unknown) => (typeof tag === 'string' ? (lists.tags.get(tag) ?? tag) : tag));
	else if (typeof tags === 'string' && lists.tags.has(tags)) data.tags = lists.tags.get(tags);
}

/**
 * The keys a post's `authors` names that no list has, which Docusaurus stops the build on: a `{ key }` object's
 * always, a name's (`authors: [slorber]`) when an authors file was read, since without one a name is the author's
 * name, as other engines write it (`authors: [Ada Lovelace]`).
 */
export function unlistedAuthorKeys(value: unknown, lists: DocusaurusLists | undefined): string[] {
	const listed = (author: string) => lists?.authors.has(author) === true || lists?.authors.has(author.replace(/^\.?\//, '')) === true;
	return (Array.isArray(value) ? value : [value]).flatMap((author: unknown) => {
		if (typeof author === 'string') return lists?.authorsFile !== undefined && !isAuthorFilePath(author) && !listed(author) ? [author] : [];
		if (author === null || typeof author !== 'object' || Array.isArray(author)) return [];
		const { key } = author as Record<string, unknown>;
		return typeof key === 'string' && !listed(key) ? [key] : [];
	});
}

/** `author` with the entry its `key` names under the fields written with it, or as it is. */
function withListedKey(author: unknown, listed: (key: string) => ListedAuthor | undefined): unknown {
	if (author === null || typeof author !== 'object' || Array.isArray(author)) return author;
	const { key, ...written } = author as Record<string, unknown>;
	const entry = typeof key === 'string' ? listed(key) : undefined;
	if (!entry) return author;
	const base: Record<string, unknown> = { ...entry };
	// A photo written beside the key replaces the entry's, whatever either calls it.
	if (AUTHOR_IMAGE_KEYS.some((field) => written[field] !== undefined)) for (const field of AUTHOR_IMAGE_KEYS) delete base[field];
	return { ...base, ...written };
}

interface ListFile {
	file: string;
	displayPath: string;
	text: string;
	entries: Record<string, unknown>;
	/** Material's file, whose keys are indented under `authors:` and whose `description` is the author's role. */
	material?: true;
}

/** Material for MkDocs' `.authors.yml`, at the top of `postsDir` or in the folder above it. */
function readMaterialAuthors(postsDir: string, root: string): ListFile | undefined {
	const list = readList(postsDir, root, MATERIAL_AUTHORS, "Material for MkDocs'") ?? readList(path.dirname(postsDir), root, MATERIAL_AUTHORS, "Material for MkDocs'");
	if (!list) return undefined;
	const { authors } = list.entries;
	if (authors === undefined || authors === null) return undefined;
	if (typeof authors !== 'object' || Array.isArray(authors)) {
		const index = list.text.split('\n').findIndex((line) => line.startsWith('authors:'));
		throw userError(
			`${list.displayPath}${index === -1 ? '' : `:${index + 1}`}: expected authors to hold keys, each with its entry (squidfunk: { name: …, avatar: … }), but it holds ${Array.isArray(authors) ? 'a list' : JSON.stringify(authors)}.`,
			"Write one key per author under authors:, as Material for MkDocs' blog plugin reads it.",
			{ file: list.file, line: index === -1 ? undefined : index + 1 },
		);
	}
	return { ...list, entries: authors as Record<string, unknown>, material: true };
}

function readList(postsDir: string, root: string, names: readonly string[], tool = "Docusaurus's"): ListFile | undefined {
	for (const name of names) {
		const file = path.join(postsDir, name);
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		const displayPath = path.relative(root, file).split(path.sep).join('/');
		let entries: unknown;
		try {
			entries = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: displayPath }) ?? {};
		} catch (error) {
			if (!(error instanceof yaml.YAMLException)) throw error;
			const line = error.mark.line + 1;
			throw userError(`${displayPath}:${line}: ${error.reason}.`, `${tool} ${names[0]} lists one entry per key (see its documentation); fix the line, or remove the file if the blog does not use it.`, { file, line });
		}
		if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
			throw userError(`${displayPath}: expected keys, each with its entry (slorber: { name: …, url: … }), but the file holds ${Array.isArray(entries) ? 'a list' : JSON.stringify(entries)}.`, `Write one key per entry, as ${tool === "Docusaurus's" ? 'Docusaurus' : 'Material for MkDocs'} reads it.`, { file });
		}
		return { file, displayPath, text, entries: entries as Record<string, unknown> };
	}
	return undefined;
}

function listedAuthor(key: string, value: unknown, list: ListFile): ListedAuthor {
	const entry = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	// Docusaurus needs no name (an author may be an image alone): the key is shown then.
	const name = entry ? entry.name : value === null ? undefined : value;
	if (name !== undefined && typeof name !== 'string') throw listError(list, key, `${key}: expected { name, url, email }, but it is ${JSON.stringify(value)}`, `Write ${key}: { name: Ada Lovelace }.`);
	const author: ListedAuthor = { name: typeof name === 'string' && name.trim() !== '' ? name.trim() : key };
	for (const field of ['url', 'email'] as const) {
		const written = entry?.[field];
		if (written === undefined || written === null) continue;
		if (typeof written !== 'string' || (field === 'url' && !isSafeLink(written))) {
			throw listError(list, key, `${key}.${field}: expected ${field === 'url' ? 'an http(s): or mailto: URL such as https://example.com' : 'an e-mail address'}, but it is ${JSON.stringify(written)}`, `Feeds and JSON-LD publish it as a link: write a full URL, or remove ${field}.`, field);
		}
		author[field] = written;
	}
	const titleField = list.material ? 'description' : 'title';
	const title = entry?.[titleField];
	if (title !== undefined && title !== null) {
		if (typeof title !== 'string' || title.trim() === '') throw listError(list, key, `${key}.${titleField}: expected their role as a text, but it is ${JSON.stringify(title)}`, `Write ${key}: { ${titleField}: Maintainer }, or remove ${titleField}.`, titleField);
		author.title = title.trim();
	}
	for (const field of AUTHOR_IMAGE_KEYS) {
		const image = entry?.[field];
		if (image === undefined || image === null) continue;
		const problem = typeof image === 'string' ? authorImageProblem(image.trim()) : 'expected an http(s) URL or a path in public/ such as /images/ada.png';
		if (problem) throw listError(list, key, `${key}.${field}: ${problem}, but it is ${JSON.stringify(image)}`, `Feeds and JSON-LD publish it as the author's photo: write a full URL, or the path of a file in public/.`, field);
		author.image ??= (image as string).trim();
	}
	const socials = entry?.socials;
	if (socials !== undefined && socials !== null) {
		if (typeof socials !== 'object' || Array.isArray(socials)) throw listError(list, key, `${key}.socials: expected platforms and handles, but it is ${JSON.stringify(socials)}`, `Write ${key}: { socials: { github: ${key} } }.`);
		author.socials = {};
		const wrong: string[] = [];
		for (const [platform, value] of Object.entries(socials as Record<string, unknown>)) {
			const written = typeof value === 'number' ? String(value) : value;
			const profile = typeof written === 'string' ? socialProfile(platform, written.trim()) : { problem: 'expected a handle or an http(s) URL' };
			if ('problem' in profile) wrong.push(`${key}.socials.${platform}: ${profile.problem}, but it is ${JSON.stringify(value)}`);
			else author.socials[platform] = (written as string).trim();
		}
		if (wrong.length > 0) throw listError(list, key, wrong.join('; '), `JSON-LD publishes them as links to the author's profiles: fix ${wrong.length === 1 ? 'it' : 'each'}, or remove the line.`);
	}
	return author;
}

/** The line (1-based) of `field:` among the lines indented under the entry's key at `at`, if it is written there. */
function fieldLine(lines: readonly string[], at: number, field: string): number | undefined {
	const indent = (line: string) => line.length - line.trimStart().length;
	const entryIndent = indent(lines[at] as string);
	for (let index = at + 1; index < lines.length; index++) {
		const line = lines[index] as string;
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		if (indent(line) <= entryIndent) return undefined;
		const written = line.trimStart();
		if ([`${field}:`, `"${field}":`, `'${field}':`].some((start) => written.startsWith(start))) return index + 1;
	}
	return undefined;
}

function tagLabel(key: string, value: unknown, list: ListFile): string {
	if (value === null || value === undefined) return key;
	const label = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).label : undefined;
	if (label === undefined) return key;
	if (typeof label !== 'string' || label.trim() === '') throw listError(list, key, `${key}.label: expected the tag's name as readers see it, but it is ${JSON.stringify(label)}`, `Write ${key}: { label: ${key} }.`);
	return label.trim();
}

/** The error of `key`'s entry, at the line of its `field` when the entry writes it on a line of its own, else at the key's. */
function listError(list: ListFile, key: string, message: string, hint: string, field?: string) {
	const lines = list.text.split('\n');
	// Material's keys are indented under authors:, so its entry is the first line after that one to name the key.
	const from = list.material ? Math.max(0, lines.findIndex((line) => line.startsWith('authors:'))) : 0;
	const found = lines.slice(from).findIndex((line) => {
		const written = list.material ? line.trimStart() : line;
		return written.startsWith(`${key}:`) || written.startsWith(`"${key}":`) || written.startsWith(`'${key}':`) || line.trimStart().startsWith(`"${key}":`);
	});
	const keyLine = found === -1 ? undefined : from + found + 1;
	const line = keyLine === undefined || field === undefined ? keyLine : (fieldLine(lines, keyLine - 1, field) ?? keyLine);
	return userError(`${list.displayPath}${line ? `:${line}` : ''}: ${message}.`, hint, { file: list.file, line });
}
