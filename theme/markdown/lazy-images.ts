import { parseEntities } from 'parse-entities';
import { scriptingScheme } from '../utils/links.ts';
import { fencedLines, maskCodeSpans, verbatimLines } from './fences.ts';

// Not across another `<img`: a line of a thousand unclosed tags is read in linear time.
const IMG = /<img\b(?:[^<>"']|<(?!img\b)|"[^"]*"|'[^']*')*>/gi;
// One attribute, its value as written.
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
// Where lazy-loading scripts read the image's address: lazysizes and most scripts (data-src), jQuery Lazy
// Load and lazysizes' older form (data-original), WordPress plugins such as WP Rocket (data-lazy-src).
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];

/**
 * `<img src="/spinner.gif" data-src="/avatar.png">` as `<img src="/avatar.png" loading="lazy">`: a theme's
 * script puts `data-src` (or `data-lazy-src`, `data-original`, and `data-srcset`) in place of the
 * placeholder as the reader scrolls, and Carnet ships no such script, so the page would show the
 * placeholder for ever. The browser loads the image lazily itself, as it does every image of a body; the
 * image-sizes transform then gives it the real image's size. Code is left alone; every line keeps its number.
 * In an MDX body (`mdx`), only fenced code is code: an indented `<img>` is JSX inside a component.
 * A lazy address that runs script (`data-src="javascript:…"`) is left where it is, as a Markdown image's is
 * not shown: `onScript` is told its line (1 = the body's first), address and attribute.
 */
export function lazyImageSources(body: string, options: { mdx?: boolean; onScript?: (line: number, address: string, attribute: string) => void } = {}): string {
	const onScript = options.onScript ?? (() => {});
	if (!body.includes('<') || !/<img\b/i.test(body) || !/\sdata-(?:src|lazy-src|original|srcset|lazy-srcset)\s*=/i.test(body)) return body;
	const lines = body.split('\n');
	const verbatim = options.mdx ? new Set(fencedLines(lines).flatMap((code, index) => (code ? [index] : []))) : verbatimLines(lines, /<img\b/i, { html: false });
	let changed = false;
	for (const [index, line] of lines.entries()) {
		if (verbatim.has(index) || !/<img\b/i.test(line)) continue;
		const masked = maskCodeSpans(line);
		let result = '';
		let from = 0;
		for (const match of masked.matchAll(IMG)) {
			const tag = line.slice(match.index, match.index + match[0].length);
			const loaded = withLazySources(tag, (address, attribute) => onScript(index + 1, address, attribute));
			if (loaded === undefined) continue;
			result += line.slice(from, match.index) + loaded;
			from = match.index + tag.length;
		}
		if (from === 0) continue;
		lines[index] = result + line.slice(from);
		changed = true;
	}
	return changed ? lines.join('\n') : body;
}

/**
 * Whether an image's address, as an HTML attribute writes it, runs script (javascript:, vbscript:), read with
 * its character references as HTML reads them; a data: image is an image, as it is in Markdown.
 */
function runsScript(written: string): boolean {
	const scheme = scriptingScheme(written.includes('&') ? parseEntities(written) : written);
	return scheme !== undefined && scheme !== 'data:';
}

/** `tag` with its lazy address as its `src` (and lazy `srcset` as its `srcset`), or undefined if it has none. */
function withLazySources(tag: string, onScript: (address: string, attribute: string) => void): string | undefined {
	const inner = tag.slice(4, -1);
	// What ends the tag (`>`, ` />`), kept as written.
	let cut = inner.length;
	if (inner.endsWith('/') && /[\s"']/.test(inner[cut - 2] ?? ' ')) cut--;
	while (cut > 0 && /\s/.test(inner[cut - 1] as string)) cut--;
	let at = 0;
	// Each attribute with the text before it, so that one left out takes its space with it.
	const attributes = [...inner.slice(0, cut).matchAll(ATTRIBUTE)].map((match) => {
		const before = inner.slice(at, match.index);
		at = match.index + match[0].length;
		const value = (match[2] ?? '').replace(/^["']|["']$/g, '').trim();
		const name = (match[1] as string).toLowerCase();
		const script = LAZY_SOURCES.includes(name) && runsScript(value);
		if (script) onScript(value, name);
		return { before, text: match[0], name, filled: value !== '' && value !== '#' && !script };
	});
	const filled = (names: readonly string[]) => attributes.find((attribute) => attribute.filled && names.includes(attribute.name));
	const source = filled(LAZY_SOURCES);
	const srcset = filled(LAZY_SRCSETS);
	if (!source && !srcset) return undefined;
	const replaced = new Set([source ? 'src' : '', srcset ? 'srcset' : '']);
	// The lazy attribute renamed, its value kept as written (quotes and entities included).
	const renamed = (attribute: (typeof attributes)[number] | undefined, to: string) => (attribute ? [` ${to}${attribute.text.slice(attribute.name.length)}`] : []);
	const kept = attributes.filter((attribute) => attribute !== source && attribute !== srcset && !replaced.has(attribute.name)).map(({ before, text }) => `${before}${text}`);
	const loading = attributes.some(({ name }) => name === 'loading') ? [] : [' loading="lazy"'];
	return `<img${[...renamed(source, 'src'), ...renamed(srcset, 'srcset'), ...kept, ...loading].join('')}${inner.slice(Math.max(cut, at))}>`;
}
