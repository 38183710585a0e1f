import { generatedHeadingId } from '../utils/heading-ids.ts';
import { outsideCodeSpans, verbatimLines } from './fences.ts';
import { withoutAttributeList } from './heading-attributes.ts';
import { readTag } from './html-tags.ts';

// An image with Hashnode's alignment written after its address, inside the parentheses.
// The alt text holds no `![`, where another image starts: a line of a thousand unclosed ones is read in linear time.
const ALIGNED_IMAGE = /(!\[(?:[^\]\n!]|!(?!\[))*\]\(\s*<?[^\s()<>]+>?)\s+align="(?:left|center|right)"\s*\)/g;
// Hashnode's embed, `%[https://youtu.be/x]`, on a line of its own.
const EMBED = /^(\s{0,3})%\[(https?:\/\/[^\s\]]+)\]\s*$/;
// A link to a part of the page: its destination up to the `)`, in angle brackets (`<#My Heading>`) or not,
// spaces and all as Typora writes them (`#My Heading`), with the title after it. No bracket inside: one pass over the line.
const FRAGMENT_LINK = /\]\(\s*(<#[^<>()[\]\n]*>[^()[\]\n]*|#[^()[\]\n]*)\)/g;
// A reference definition to a part of the page (`[r]: #HTML`, `[r]: <#My Heading> "Title"`): its label, its destination, its title.
const FRAGMENT_DEFINITION = /^( {0,3}\[[^[\]\n]+\]:[ \t]*)(<#[^<>\n]*>|#[^\s<>]*)((?:[ \t]+\S.*)?)$/;
// The ids attribute lists give (`{#setup}`, `{: #setup .lead}`), which a link names as written; HTML's are read by writtenIds().
const ATTRIBUTE_LIST_ID = /\{:?\s*(?:[^{}\n#]*\s)?#([^\s{}#]+)[^{}\n]*\}/g;
const TAG_START = /<[A-Za-z]/g;
const FRAGMENT_DEFINITION_HINT = /^ {0,3}\[[^[\]\n]+\]:[ \t]*<?#/m;
// An ATX heading's text, with its closing hashes (atxHeadingText()).
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
// A link or an image, whose text is what a heading's id is made of. No bracket inside: one pass over the line.
const INLINE_LINK = /!?\[([^[\]]*)\]\([^()]*\)/g;

/**
 * Whether a post comes from Hashnode: its front matter has Hashnode's `cuid` or `datePublished`, or its body
 * Hashnode's embeds (an image from Hashnode's CDN is hot-linked by other blogs too).
 */
export function isFromHashnode(data: Readonly<Record<string, unknown>>, body: string): boolean {
	return data.cuid !== undefined || data.datePublished !== undefined || (body.includes('%[') && /^\s{0,3}%\[https?:\/\//m.test(body));
}

/**
 * Markdown as Hashnode writes it in its GitHub backups and exports, made Markdown every processor reads, each
 * line on its line: an image's `align="center"` after its address (which makes CommonMark read no image
 * at all, and show the address as text) is left out; an embed, `%[https://…]`, becomes a link to what it
 * shows; and links to the post's headings go to the ids Carnet gives them (pageHeadings()). In a post from
 * Hashnode (`hashnode`: isFromHashnode()), `#heading-conclusion` goes to `#conclusion`, and `#heading-prerequis`
 * to the heading "Prérequis", `#prérequis`. In any post, a link that names no id of the page but a heading's
 * in other letter cases or by its text, as Typora finds them (`#HTML` for `### HTML`, `#My Heading`), goes to
 * the heading; one that names nothing is left as written. Code is left alone.
 */
export function readHashnodeMarkdown(body: string, hashnode: boolean): string {
	const fragments = body.includes('](#') || body.includes('](<#') || (body.includes(']:') && FRAGMENT_DEFINITION_HINT.test(body));
	if (!body.includes('align="') && !body.includes('%[') && !fragments) return body;
	// A heading that starts with "Heading" has an id that starts so: links to it are the post's own.
	const hashnodeLinks = hashnode && !/^ {0,3}#{1,6}[ \t]+heading\b/im.test(body);
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /align="|%\[|\]\(<?#|\]:[ \t]*<?#/);
	const headings = fragments ? pageHeadings(lines.filter((_line, index) => !verbatim.has(index)), hashnodeLinks) : undefined;
	return lines
		.map((line, index) => {
			if (verbatim.has(index)) return line;
			const embed = EMBED.exec(line);
			if (embed) return `${embed[1]}<${embed[2]}>`;
			const aligned = line.replace(ALIGNED_IMAGE, '$1)');
			if (!headings) return aligned;
			const definition = FRAGMENT_DEFINITION.exec(aligned);
			if (definition) {
				const [, label, destination, title] = definition as unknown as [string, string, string, string];
				const id = headingLinkTarget(destination.startsWith('<') ? destination.slice(2, -1) : destination.slice(1), headings, hashnodeLinks);
				return id === undefined ? aligned : `${label}#${id}${title}`;
			}
			const linked = (text: string) =>
				text.replace(FRAGMENT_LINK, (link, destination: string) => {
					const { fragment, title } = fragmentAndTitle(destination);
					const id = headingLinkTarget(fragment, headings, hashnodeLinks);
					return id === undefined ? link : `](#${id}${title})`;
				});
			return aligned.includes('](') ? outsideCodeSpans(aligned, linked) : aligned;
		})
		.join('\n');
}

/** The ids of a post's headings and elements, as headingLinkTarget() reads links by. */
interface PageHeadings {
	/** Every id the page has: its headings' and the ones its HTML and attribute lists write. */
	ids: Set<string>;
	/** Each heading's id by its id in lower case. */
	byLowerCase: Map<string, string>;
	/** Each heading's id by the name Hashnode gives it. */
	byHashnodeName: Map<string, string>;
}

/**
 * The id Carnet gives each heading of `lines` (its attribute list's, or github-slugger's, as Astro's Markdown
 * names headings, a repeated one numbered `-1`, `-2`…), and the ids the lines write. Hashnode folds accents
 * ("Prérequis" is `prerequis`, "Défis d'Exécution" `defis-dexecution`); both that name and the one without the
 * letters it could not write in ASCII (`prrequis`) are mapped, the first heading that has a name keeping it,
 * in a post whose links name them (`hashnodeLinks`).
 */
function pageHeadings(lines: readonly string[], hashnodeLinks: boolean): PageHeadings {
	const headings: PageHeadings = { ids: new Set(), byLowerCase: new Map(), byHashnodeName: new Map() };
	const taken = new Set<string>();
	// How many times each generated id was repeated, as github-slugger counts them: numbering a repeat from -1 each time took time with the square of the repeats.
	const repeats = new Map<string, number>();
	for (const line of lines) {
		for (const id of writtenIds(line)) headings.ids.add(id);
		const written = ATX_HEADING.exec(line)?.[1];
		if (written === undefined) continue;
		const text = atxHeadingText(written);
		const listed = withoutAttributeList(text);
		const plain = listed.replace(INLINE_LINK, '$1');
		const own = listed === text ? undefined : text.slice(listed.length).matchAll(ATTRIBUTE_LIST_ID).next().value?.[1];
		const first = own ?? generatedHeadingId(plain);
		let id = first;
		if (own === undefined) {
			let count = repeats.get(first) ?? 0;
			while (taken.has(id)) {
				count += 1;
				id = `${first}-${count}`;
			}
			repeats.set(first, count);
		}
		taken.add(id);
		headings.ids.add(id);
		if (!headings.byLowerCase.has(id.toLowerCase())) headings.byLowerCase.set(id.toLowerCase(), id);
		if (!hashnodeLinks) continue;
		for (const name of [hashnodeSlug(plain.normalize('NFD').replace(/\p{M}/gu, '')), hashnodeSlug(plain)]) {
			if (name !== '' && !headings.byHashnodeName.has(name)) headings.byHashnodeName.set(name, id);
		}
	}
	return headings;
}

/**
 * The ids `line` writes: its tags' `id` and `name`, read as HTML's tokenizer reads them (`<a name=Top>`, quoted
 * or not), and its attribute lists'. A tag the line leaves open ends the reading, which stays one pass.
 */
function writtenIds(line: string): string[] {
	const ids = line.includes('{') ? [...line.matchAll(ATTRIBUTE_LIST_ID)].map((match) => match[1] as string) : [];
	if (!line.includes('<')) return ids;
	TAG_START.lastIndex = 0;
	for (let start = TAG_START.exec(line)?.index; start !== undefined; start = TAG_START.exec(line)?.index) {
		const tag = readTag(line, start);
		for (const { name, value } of tag.attributes) if ((name === 'id' || name === 'name') && value !== '') ids.push(value);
		if (tag.end === -1) break;
		TAG_START.lastIndex = tag.end;
	}
	return ids;
}

/** The heading a link to `#fragment` is meant for, when it is not the id it names; undefined to leave the link as written. */
function headingLinkTarget(fragment: string, headings: PageHeadings, hashnodeLinks: boolean): string | undefined {
	if (hashnodeLinks && fragment.startsWith('heading-')) {
		const name = fragment.slice('heading-'.length);
		return headings.byHashnodeName.get(name) ?? name;
	}
	if (headings.ids.has(fragment)) return undefined;
	const text = decodedFragment(fragment);
	return headings.byLowerCase.get(text.toLowerCase()) ?? headings.byLowerCase.get(generatedHeadingId(text.trim()));
}

/** A link's destination (`#x`, `<#My Heading>`, `#x "Title"`) as its fragment, without its `#`, and its title, with the space before it. */
function fragmentAndTitle(destination: string): { fragment: string; title: string } {
	const text = destination.trimEnd();
	const close = text.startsWith('<') ? text.indexOf('>') : -1;
	if (close !== -1) return { fragment: text.slice(2, close), title: text.slice(close + 1) };
	// Found from the end: a quote that opens a title follows a space.
	const open = text.endsWith('"') ? text.lastIndexOf('"', text.length - 2) : -1;
	if (open > 1 && /\s/.test(text.charAt(open - 1))) return { fragment: text.slice(1, open).trimEnd(), title: ` ${text.slice(open)}` };
	return { fragment: text.slice(1), title: '' };
}

/** A fragment as its heading's text: `My%20Heading` is `My Heading`; one with a malformed escape as written. */
function decodedFragment(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
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
