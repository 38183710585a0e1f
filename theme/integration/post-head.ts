import { FIELD_ALIASES, isBlankField } from '../schema.ts';
import { lineOfKey, type ParsedSource } from '../utils/front-matter.ts';
import type { HeadBlock } from '../markdown/head-blocks.ts';
import { postLocation, type PostFileContext } from './post-file.ts';

/**
 * Reads a Docusaurus post's `<head>` block (markdown/head-blocks.ts) into its front matter, as Docusaurus puts
 * it in the page's head: its canonical link is the post's `canonicalURL` and its `<meta name="description">`
 * the description, each when the front matter has none. Carnet writes each page's head itself, so every
 * other element is left out, with a warning naming its line, as is a canonical link or a description that
 * the front matter contradicts. The title is read later (applyHeadTitle()), once the body's heading has had
 * its say.
 */
export function applyHeadBlock(head: HeadBlock | undefined, data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	if (!head) return;
	const at = (line: number) => postLocation(context, source.bodyLine + line - 1);
	const { canonical, description } = head;
	if (canonical) {
		const key = FIELD_ALIASES.canonicalURL.find((name) => data[name] !== undefined && !isBlankField(data[name]));
		if (!/^https?:\/\/[^/\s]/i.test(canonical.href)) {
			context.warn(
				`${at(canonical.line)}: the canonical link of the post's <head> block, ${JSON.stringify(canonical.href)}, is left out: a canonical address is a full http(s) address, and the page keeps its own. ` +
					'Write the address in full (https://example.org/first-published-here/), or remove the link.',
			);
		} else if (key === undefined) data.canonicalURL = canonical.href;
		else if (data[key] !== canonical.href) {
			context.warn(
				`${at(canonical.line)}: the canonical link of the post's <head> block, ${JSON.stringify(canonical.href)}, is left out: the front matter's ${key} (line ${lineOfKey(source, key) ?? '?'}) says ${JSON.stringify(data[key])}, which the page's canonical link shows. ` +
					'Keep one of them.',
			);
		}
	}
	if (description) {
		const key = FIELD_ALIASES.description.find((name) => data[name] !== undefined && !isBlankField(data[name]));
		if (key === undefined) data.description = description.text;
		else if (data[key] !== description.text) {
			context.warn(
				`${at(description.line)}: the description of the post's <head> block, ${JSON.stringify(description.text)}, is left out: the front matter's ${key} (line ${lineOfKey(source, key) ?? '?'}) is the page's description. ` +
					'Keep one of them.',
			);
		}
	}
	for (const { written, line } of head.others) {
		context.warn(
			`${at(line)}: ${written} in the post's <head> block is left out: Carnet writes each page's head itself, and reads from the block only a canonical link, a <title> and a <meta name="description">. ` +
				'To add it to the head of every page, override the Head component (see Components in the README); otherwise remove it.',
		);
	}
}

/**
 * The `<title>` of a post's `<head>` block is its title when it has none of its own, from the front matter or
 * the heading that opens its body; one that differs from the post's title is left out, with a warning.
 */
export function applyHeadTitle(head: HeadBlock | undefined, data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	if (!head?.title) return;
	if (data.title === undefined || isBlankField(data.title)) data.title = head.title.text;
	else if (data.title !== head.title.text) {
		context.warn(
			`${postLocation(context, source.bodyLine + head.title.line - 1)}: the <title> of the post's <head> block, ${JSON.stringify(head.title.text)}, is left out: the post's title, ${JSON.stringify(data.title)}, names its page. ` +
				'Keep one of them.',
		);
	}
}
