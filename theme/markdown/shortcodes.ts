import { slugifySegment } from '../utils/slugs.ts';
import { escapeXml } from '../utils/xml.ts';

/**
 * Hugo shortcodes and Jekyll Liquid tags in a Markdown body, turned into the Markdown or HTML they stand
 * for before the site's Markdown processor sees the body (a source transform: a shortcode spans
 * paragraphs and code fences, which no tree transform could put back together). Embeds become plain
 * links: no third-party script, frame or image loads with the page, and nothing for a CSP to block.
 */

export interface ShortcodeContext {
	/** The post address of slug `slug` dated `date` (`YYYY-MM-DD`), with `base`; undefined if it needs a date it lacks. */
	postUrl: (slug: string, date?: string) => string | undefined;
	/** Link texts in the site's language. */
	labels: { youtube: string; vimeo: string; gist: string };
	locale: string;
}

export interface ShortcodeResult {
	body: string;
	/** What was left as written, with its line in the body (1 = the body's first line). */
	unknown: { line: number; text: string; reason: string }[];
}

// {{< name args >}}, {{% name args %}}, their closing forms, and Hugo's escaped {{</* … */>}}.
const HUGO = /\{\{([<%])\s*(\/\*)?\s*(\/?)\s*([\w.-]+)(.*?)\s*(\*\/)?\s*[>%]\}\}/g;
// {% name args %}, with Liquid's whitespace-trimming dashes.
const LIQUID = /\{%-?\s*(\w+)([^%]*?)-?%\}/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Expands the shortcodes and Liquid tags of `body`, outside code; lists those it leaves as written. */
export function expandShortcodes(body: string, context: ShortcodeContext): ShortcodeResult {
	// Private-use characters stand for kept braces below; a body that has its own is left alone.
	if ((!body.includes('{{') && !body.includes('{%')) || /[\uE000-\uE002]/.test(body)) return { body, unknown: [] };
	const unknown: ShortcodeResult['unknown'] = [];
	// Code fenced in the post shows shortcodes as examples: only the text between fences is expanded,
	// blocks first (they become fences themselves), then each line. Every step keeps the line count,
	// so a line here is the line in the body.
	const expanded = splitFences(body)
		.map(({ text, code, line }) => (code ? text : expandLines(expandBlocks(text), line, context, unknown)))
		.join('\n')
		.replace(/[\uE000-\uE002]/g, (char) => SHOW[char] as string);
	unknown.sort((a, b) => a.line - b.line);
	return { body: expanded, unknown };
}

/** The body cut into runs of lines inside and outside fenced code, each with its first line's number. */
function splitFences(body: string): { text: string; code: boolean; line: number }[] {
	const runs: { lines: string[]; code: boolean; line: number }[] = [];
	let fence: string | undefined;
	for (const [index, line] of body.split('\n').entries()) {
		const marker = FENCE.exec(line)?.[1];
		const closes = fence !== undefined && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker;
		const code = fence !== undefined || marker !== undefined;
		if (fence === undefined && marker !== undefined) fence = marker;
		else if (closes) fence = undefined;
		const last = runs.at(-1);
		if (last && last.code === code) last.lines.push(line);
		else runs.push({ lines: [line], code, line: index + 1 });
	}
	return runs.map(({ lines, code, line }) => ({ text: lines.join('\n'), code, line }));
}

function expandLines(text: string, firstLine: number, context: ShortcodeContext, unknown: ShortcodeResult['unknown']): string {
	const lines = text.split('\n');
	let fence: string | undefined;
	for (const [index, line] of lines.entries()) {
		const marker = FENCE.exec(line)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
			continue;
		}
		if (marker) {
			fence = marker;
			continue;
		}
		lines[index] = outsideInlineCode(line, (part) => expandInline(part, context, firstLine + index, unknown));
	}
	return lines.join('\n');
}

// {{< highlight go >}}…{{< /highlight >}} and {% highlight go %}…{% endhighlight %} become fenced code;
// {% raw %}…{% endraw %} keeps its text as written.
function expandBlocks(body: string): string {
	// The tags' own lines become the fences, so that every line keeps its number.
	const fenced = (language: string, code: string) => {
		const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`{3,}/g)].map((match) => match[0].length + 1)));
		return `${fence}${language}${code.startsWith('\n') ? '' : '\n'}${code}${code.endsWith('\n') ? '' : '\n'}${fence}`;
	};
	return body
		.replace(/\{\{<\s*highlight\s+([\w+#.-]+)[^>]*>\}\}([\s\S]*?)\{\{<\s*\/\s*highlight\s*>\}\}/g, (_, language: string, code: string) => fenced(language, code))
		.replace(/\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}([\s\S]*?)\{%-?\s*endhighlight\s*-?%\}/g, (_, language: string, code: string) => fenced(language, code))
		.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_, text: string) => protect(text));
}

// Text kept as written ({% raw %}, {{</* */>}}) is hidden from the later passes behind private-use characters.
const HIDE: Record<string, string> = { '{': '\uE000', '}': '\uE001', '%': '\uE002' };
const SHOW: Record<string, string> = { '\uE000': '{', '\uE001': '}', '\uE002': '%' };
function protect(text: string): string {
	return text.replace(/[{}%]/g, (char) => HIDE[char] as string);
}

/** Applies `change` to the parts of a line outside inline code spans. */
function outsideInlineCode(line: string, change: (text: string) => string): string {
	if (!line.includes('{')) return line;
	return line
		.split(/(`+[^`]*`+)/)
		.map((part, index) => (index % 2 === 1 ? part : change(part)))
		.join('');
}

function expandInline(text: string, context: ShortcodeContext, line: number, unknown: ShortcodeResult['unknown']): string {
	const hugo = text.replace(HUGO, (whole: string, _open: string, escaped: string | undefined, closing: string, name: string, args: string, unescaped: string | undefined) => {
		// {{</* figure */>}} is how Hugo's own docs show a shortcode without running it.
		if (escaped && unescaped) return protect(whole.replace('/*', '').replace(/\s*\*\//, ' '));
		const expanded = closing ? undefined : hugoShortcode(name, parseArguments(args), context);
		if (expanded !== undefined) return expanded;
		const reason = closing
			? 'a closing shortcode without its opening one'
			: KNOWN_SHORTCODES.has(name)
				? `Carnet could not read its arguments or find the post it names`
				: `Hugo's ${name} shortcode is not one Carnet knows`;
		unknown.push({ line, text: whole, reason });
		return asCode(whole);
	});
	return hugo.replace(LIQUID, (whole: string, name: string, args: string) => {
		const expanded = liquidTag(name, args.trim(), context);
		if (expanded !== undefined) return expanded;
		const reason = name === 'post_url' || name === 'link' ? 'Carnet could not find the post it names' : `the Liquid tag ${name} is not one Carnet knows`;
		unknown.push({ line, text: whole, reason });
		return asCode(whole);
	});
}

// What Carnet cannot expand is shown as code: exactly as written, with no smart quotes or HTML read into it.
function asCode(text: string): string {
	const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
	return protect(`${ticks}${ticks.length > 1 ? ' ' : ''}${text}${ticks.length > 1 ? ' ' : ''}${ticks}`);
}

const KNOWN_SHORTCODES = new Set(['figure', 'youtube', 'vimeo', 'gist', 'ref', 'relref', 'highlight']);

interface Arguments {
	positional: string[];
	named: Record<string, string>;
}

function parseArguments(text: string): Arguments {
	const positional: string[] = [];
	const named: Record<string, string> = {};
	for (const match of text.matchAll(/(?:([\w-]+)=)?(?:"([^"]*)"|`([^`]*)`|([^\s"`]+))/g)) {
		const value = match[2] ?? match[3] ?? match[4] ?? '';
		if (match[1]) named[match[1]] = value;
		else positional.push(value);
	}
	return { positional, named };
}

function hugoShortcode(name: string, args: Arguments, context: ShortcodeContext): string | undefined {
	const { positional, named } = args;
	const link = (href: string, text: string) => `<a href="${escapeXml(href)}">${escapeXml(text)}</a>`;
	switch (name) {
		case 'figure': {
			const src = named.src;
			if (!src) return undefined;
			const caption = named.caption ?? named.title;
			const image = `<img src="${escapeXml(src)}" alt="${escapeXml(named.alt ?? caption ?? '')}"${named.width ? ` width="${escapeXml(named.width)}"` : ''}${named.height ? ` height="${escapeXml(named.height)}"` : ''}>`;
			const linked = named.link ? `<a href="${escapeXml(named.link)}">${image}</a>` : image;
			const figcaption = caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : '';
			return `<figure>${linked}${figcaption}</figure>`;
		}
		case 'youtube': {
			const id = named.id ?? positional[0];
			return id ? link(`https://www.youtube.com/watch?v=${encodeURIComponent(id)}`, named.title ?? context.labels.youtube) : undefined;
		}
		case 'vimeo': {
			const id = named.id ?? positional[0];
			return id ? link(`https://vimeo.com/${encodeURIComponent(id)}`, named.title ?? context.labels.vimeo) : undefined;
		}
		case 'gist': {
			const [user, id] = positional;
			return user && id ? link(`https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}`, context.labels.gist) : undefined;
		}
		case 'ref':
		case 'relref': {
			const target = named.path ?? positional[0];
			return target ? postRef(target, context) : undefined;
		}
		default:
			return undefined;
	}
}

function liquidTag(name: string, args: string, context: ShortcodeContext): string | undefined {
	if (name === 'post_url') return postRef(args, context);
	if (name === 'link' && /(?:^|\/)_posts\//.test(args)) return postRef(args, context);
	return undefined;
}

/**
 * The address of the post a `ref`, `relref`, `post_url` or `link` names by its file: its slug is the file
 * name's (without Jekyll's date prefix), and a dated permalink takes the date from that prefix.
 */
function postRef(target: string, context: ShortcodeContext): string | undefined {
	const [file = '', fragment] = target.replace(/^["']|["']$/g, '').split('#');
	const segments = file.replace(/\\/g, '/').split('/').filter(Boolean);
	let name = (segments.pop() ?? '').replace(/\.(?:md|markdown|mdx)$/i, '');
	if (name === 'index' || name === '_index') name = segments.pop() ?? '';
	const dated = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
	const slug = slugifySegment(dated ? (dated[2] as string) : name, context.locale);
	if (!slug) return undefined;
	const url = context.postUrl(slug, dated?.[1]);
	return url && (fragment ? `${url}#${fragment}` : url);
}
