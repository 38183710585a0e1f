import { outsideCodeSpans, verbatimLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';

// remark-directive's leaf directives, each alone on its line: `::github{repo="saicaca/fuwari"}` (Fuwari's
// repository card), `::link{url="…" text="…"}`. Two colons only: three open a container (admonitions.ts).
const LEAF = /^([ \t]{0,3})::([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{([^}\n]*)\})?[ \t]*\r?$/;
// Fuwari's inline spoiler, `:spoiler[hidden **text**]`, not against a word or a colon.
const SPOILER = /(?<![\p{L}\p{N}_:]):spoiler\[([^\]\n]{1,1000})\]/gu;
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
// A GitHub user's or organisation's name: letters, digits and single hyphens inside, at most 39.
const GITHUB_USER = /^[A-Za-z\d](?:-?[A-Za-z\d]){0,38}$/;
// An inline component as Nuxt Content (MDC) and remark-directive write it, with its text or its props:
// `:badge[New]{color="blue"}`, `:read-more{to="/docs"}`; after a space, an opening parenthesis or the line's
// start (not `a:hover{`, `{'k':v[0]}`), its props written as attributes (not CSS's `:hover{color:red}`).
const INLINE = /(?<![^\s(]):([A-Za-z][\w-]{0,60})(\[[^[\]\n]{0,1000}\])?(\{[^{}\n]{0,1000}\})?/gu;
const INLINE_HINT = /(?<![^\s(]):[A-Za-z][\w-]{0,60}[[{]/u;

export interface DirectivesResult {
	body: string;
	/** The directives shown as written, with their line (1 = the first of `body`) and why. */
	unread: { line: number; text: string; reason: string; leftOut?: true }[];
}

/**
 * remark-directive's syntax as Fuwari and other Astro blogs write it, each line on its line: a repository
 * card (`::github{repo="owner/name"}`) becomes a link to the repository, a link card (`::link{url text}`) a
 * link, and an inline spoiler (`:spoiler[…]`) a `<span class="carnet-spoiler">` that hides its text until it
 * is pointed at or focused. Other leaf directives, and inline components with text or props
 * (`:badge[New]{color="blue"}`), are reported, as their component is not Carnet's. Code is left alone.
 */
export function readDirectives(body: string): DirectivesResult {
	if (!body.includes('::') && !INLINE_HINT.test(body)) return { body, unread: [] };
	const unread: DirectivesResult['unread'] = [];
	const inlineNames = new Set<string>();
	const lines = body.split('\n');
	const code = verbatimLines(lines, /^[ \t]{0,3}::[A-Za-z]|:[A-Za-z][\w-]*[[{]/, { html: false });
	// HTML blocks too, for the inline components: a `<style>` (`:root{…}`) or a `<script>` holds none.
	const html = INLINE_HINT.test(body) ? verbatimLines(lines, INLINE_HINT) : code;
	const read = lines.map((line, index) => {
		if (code.has(index)) return line;
		const leaf = LEAF.exec(line);
		// A line of two colons and a word alone (`::selection`, in a post about CSS) names no component.
		if (leaf && (leaf[3] !== undefined || leaf[4] !== undefined)) {
			const read = leafAsMarkdown(leaf[2] as string, leaf[3], attributes(leaf[4] ?? ''));
			if (typeof read === 'string') return `${leaf[1]}${read}`;
			unread.push({ line: index + 1, text: line.trim(), reason: read.reason });
			// In code, as an unknown shortcode is shown: as prose, its quotes would be curled and its brackets read.
			return `${leaf[1]}${asCodeSpan(line.trim())}`;
		}
		if (!INLINE_HINT.test(line)) return line;
		return outsideCodeSpans(line, (part) => {
			for (const [written, name, text, props] of part.matchAll(INLINE)) {
				// A name alone (`:hover`, `:root`) is no component; a spoiler is read below. Each is reported once.
				if (written === `:${name}` || name === 'spoiler' || inlineNames.has(name as string) || html.has(index)) continue;
				if (text === undefined && props !== undefined && !/^\{\s*(?:[.#][\w-]|[\w-]+\s*=)/.test(props)) continue;
				inlineNames.add(name as string);
				unread.push({ line: index + 1, text: written, reason: `:${name} is an inline component (Nuxt Content's, remark-directive's) that Carnet does not have. Replace it with Markdown or HTML` });
			}
			return part.includes(':spoiler[') ? part.replace(SPOILER, '<span class="carnet-spoiler" tabindex="0">$1</span>') : part;
		});
	});
	return { body: read.join('\n'), unread };
}

function attributes(written: string): Record<string, string> {
	return Object.fromEntries([...readAttributes(written)].map(([name, value]) => [name, value.trim()]));
}

/** A leaf directive as a Markdown line, or why it is shown as written. */
function leafAsMarkdown(name: string, label: string | undefined, named: Record<string, string>): string | { reason: string } {
	const text = (value: string) => value.replace(/[[\]\\]/g, '\\$&');
	if (name === 'github') {
		// astro-theme-cactus's card names a user or an organisation (`::github{user="withastro"}`) as Fuwari's names a repository.
		if (named.repo === undefined && named.user !== undefined) {
			if (!GITHUB_USER.test(named.user)) return { reason: `its user is ${JSON.stringify(named.user)}, not a GitHub user name. Write it as user="name"` };
			return `[${text(label || named.user)}](https://github.com/${named.user})`;
		}
		const repository = named.repo ?? '';
		if (!REPOSITORY.test(repository)) {
			return { reason: named.repo === undefined ? 'it names no repository or user. Write it as repo="owner/name" or user="name"' : `its repo is ${JSON.stringify(repository)}, not owner/name. Write it as repo="owner/name"` };
		}
		return `[${text(label || repository)}](https://github.com/${repository})`;
	}
	if (name === 'link' || ((name === 'card' || name === 'linkcard') && (named.url ?? named.href ?? named.link) !== undefined)) {
		const url = named.url ?? named.href ?? named.link ?? '';
		if (!/^https?:\/\/[^\s<>()]+$/i.test(url)) return { reason: `its url is ${JSON.stringify(url)}, not a web address. Write a Markdown link instead: [text](https://…)` };
		return `[${text(label || named.text || named.title || url)}](${url})`;
	}
	return { reason: `::${name} is a remark-directive component that Carnet does not have. Replace it with Markdown or HTML` };
}

/** `text` as a Markdown code span, its backticks inside it kept (a longer run of them around it). */
function asCodeSpan(text: string): string {
	const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
	return ticks.length > 1 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}
