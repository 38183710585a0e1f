import { generatedHeadingId } from '../utils/heading-ids.ts';
import { verbatimLines } from './fences.ts';

// An image with Hashnode's alignment written after its address, inside the parentheses.
// The alt text holds no `![`, where another image starts: a line of a thousand unclosed ones is read in linear time.
const ALIGNED_IMAGE = /(!\[(?:[^\]\n!]|!(?!\[))*\]\(\s*<?[^\s()<>]+>?)\s+align="(?:left|center|right)"\s*\)/g;
// Hashnode's embed, `%[https://youtu.be/x]`, on a line of its own.
const EMBED = /^(\s{0,3})%\[(https?:\/\/[^\s\]]+)\]\s*$/;
// A link to a heading, as Hashnode names headings (`## Conclusion` is #heading-conclusion), and the name.
const HEADING_LINK = /\]\(#heading-([^\s()]*)/g;
// An ATX heading's text, with its closing hashes (atxHeadingText()).
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
// A link or an image, whose text is what a heading's id is made of. No bracket inside: one pass over the line.
const INLINE_LINK = /!?\[([^[\]]*)\]\([^()]*\)/g;

/**
 * Whether a post comes from Hashnode: its front matter has Hashnode's `cuid` or `datePublished`, or its body
 * Hashnode's embeds (an image from Hashnode's CDN is hot-linked by other blogs too).
 */
export function isFromHashnode(data: Readonly<Record<string, unknown>>, body: string): boolean {
	return data.cuid !== undefined || data.datePublished !== undefined || /^\s{0,3}%\[https?:\/\//m.test(body);
}

/**
 * Markdown as Hashnode writes it in its GitHub backups and exports, made Markdown every processor reads, each
 * line on its line: an image's `align="center"` after its address (which makes CommonMark read no image
 * at all, and show the address as text) is left out; an embed, `%[https://…]`, becomes a link to what it
 * shows; and in a post from Hashnode (`hashnode`: isFromHashnode()), a link to
 * `#heading-conclusion` goes to `#conclusion`, as Carnet names the heading, and one to `#heading-prerequis`
 * to the heading "Prérequis", `#prérequis` (headingLinkTargets()). Code is left alone.
 */
export function readHashnodeMarkdown(body: string, hashnode: boolean): string {
	if (!body.includes('align="') && !body.includes('%[') && !(hashnode && body.includes('(#heading-'))) return body;
	// A heading that starts with "Heading" has an id that starts so: links to it are the post's own.
	const headingLinks = hashnode && !/^ {0,3}#{1,6}[ \t]+heading\b/im.test(body);
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /align="|%\[|\(#heading-/);
	const targets = headingLinks && body.includes('(#heading-') ? headingLinkTargets(lines.filter((_line, index) => !verbatim.has(index))) : undefined;
	return lines
		.map((line, index) => {
			if (verbatim.has(index)) return line;
			const embed = EMBED.exec(line);
			if (embed) return `${embed[1]}<${embed[2]}>`;
			const aligned = line.replace(ALIGNED_IMAGE, '$1)');
			return targets ? aligned.replace(HEADING_LINK, (_link, name: string) => `](#${targets.get(name) ?? name}`) : aligned;
		})
		.join('\n');
}

/**
 * The id Carnet gives each heading of `lines` (github-slugger's, as Astro's Markdown names headings, a repeated
 * one numbered `-1`, `-2`…) by the name Hashnode gives it. Hashnode folds accents ("Prérequis" is
 * `prerequis`, "Défis d'Exécution" `defis-dexecution`); both that name and the one without the letters it
 * could not write in ASCII (`prrequis`) are mapped, the first heading that has a name keeping it.
 */
function headingLinkTargets(lines: readonly string[]): Map<string, string> {
	const targets = new Map<string, string>();
	const taken = new Set<string>();
	for (const line of lines) {
		const written = ATX_HEADING.exec(line)?.[1];
		if (written === undefined) continue;
		const plain = atxHeadingText(written).replace(INLINE_LINK, '$1');
		const first = generatedHeadingId(plain);
		let id = first;
		for (let suffix = 1; taken.has(id); suffix += 1) id = `${first}-${suffix}`;
		taken.add(id);
		for (const name of [hashnodeSlug(plain.normalize('NFD').replace(/\p{M}/gu, '')), hashnodeSlug(plain)]) {
			if (name !== '' && !targets.has(name)) targets.set(name, id);
		}
	}
	return targets;
}

/** The name Hashnode gives a heading of ASCII text: lower case, letters and digits, a dash between words. */
function hashnodeSlug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z\d\s-]/g, '')
		.trim()
		.replace(/[\s-]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** An ATX heading's text without its closing hashes (`## Title ##`), which CommonMark reads after a space only. */
function atxHeadingText(written: string): string {
	const text = written.trimEnd();
	let end = text.length;
	while (end > 0 && text[end - 1] === '#') end -= 1;
	const open = text.slice(0, end);
	return open === '' || open.endsWith(' ') || open.endsWith('\t') ? open.trimEnd() : text;
}
