import { outsideCode } from './fences.ts';

// An image with Hashnode's alignment written after its address, inside the parentheses.
// The alt text holds no `![`, where another image starts: a line of a thousand unclosed ones is read in linear time.
const ALIGNED_IMAGE = /(!\[(?:[^\]\n!]|!(?!\[))*\]\(\s*<?[^\s()<>]+>?)\s+align="(?:left|center|right)"\s*\)/g;
// Hashnode's embed, `%[https://youtu.be/x]`, on a line of its own.
const EMBED = /^(\s{0,3})%\[(https?:\/\/[^\s\]]+)\]\s*$/;
// A link to a heading, as Hashnode names headings (`## Conclusion` is #heading-conclusion).
const HEADING_LINK = /\]\(#heading-/g;

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
 * `#heading-conclusion` goes to `#conclusion`, as Carnet names the heading. Code is left alone.
 */
export function readHashnodeMarkdown(body: string, hashnode: boolean): string {
	if (!body.includes('align="') && !body.includes('%[') && !(hashnode && body.includes('(#heading-'))) return body;
	// A heading that starts with "Heading" has an id that starts so: links to it are the post's own.
	const headingLinks = hashnode && !/^ {0,3}#{1,6}[ \t]+heading\b/im.test(body);
	return outsideCode(body, /align="|%\[|\(#heading-/, (line) => {
		const embed = EMBED.exec(line);
		if (embed) return `${embed[1]}<${embed[2]}>`;
		const aligned = line.replace(ALIGNED_IMAGE, '$1)');
		return headingLinks ? aligned.replace(HEADING_LINK, '](#') : aligned;
	});
}
