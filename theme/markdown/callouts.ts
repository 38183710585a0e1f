import { h, isBlank, isElement, isText, type HastElement, type HastNode, type HastText } from './hast.ts';

/** The kinds of callout, as GitHub names them (`> [!NOTE]`). */
export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

// `[!NOTE]`, then `-` (folded) or `+` (foldable, open), then an optional title on the same line.
// FixIt's `~` after it (`[!TIP]~`) asks for no title of the author's: the kind's label stays.
const MARKER = /^\s*\[!([A-Za-z][\w-]{0,40})\]([+-]?)~?[ \t]*/;

/**
 * Obsidian's other kinds (and their aliases), and the callout each is shown as, as Material for MkDocs'
 * admonitions of those names are (admonitions.ts); their title is the kind's name, as Obsidian gives it.
 */
const OBSIDIAN_KINDS: Readonly<Record<string, CalloutKind>> = {
	...Object.fromEntries(['abstract', 'summary', 'tldr', 'info', 'todo', 'question', 'help', 'faq', 'example', 'quote', 'cite'].map((kind) => [kind, 'note' as const])),
	...Object.fromEntries(['hint', 'success', 'check', 'done'].map((kind) => [kind, 'tip' as const])),
	attention: 'warning',
	...Object.fromEntries(['failure', 'fail', 'missing', 'danger', 'error', 'bug'].map((kind) => [kind, 'caution' as const])),
};

/**
 * A blockquote that opens with `[!NOTE]` (GitHub's and Obsidian's syntax) as a callout:
 * `<aside class="carnet-callout carnet-callout--note" role="note">` with a title paragraph, or a
 * `<details>` whose `<summary>` is the title when the marker ends in `-` (closed) or `+` (open).
 * Its title is the rest of the marker's line, or the kind's label in the site's language. Obsidian's other
 * kinds (`[!INFO]`, `[!DANGER]`…) are shown as the nearest of these, titled by their name, and any other
 * kind as a note titled by its name, as Obsidian shows it. Anything else stays a blockquote.
 */
export function calloutFrom(blockquote: HastElement, labels: Readonly<Record<CalloutKind, string>>): HastElement | undefined {
	const found = openingOf(blockquote);
	if (!found) return undefined;
	const { first, paragraph, opening, marker, kind } = found;
	const children = blockquote.children ?? [];
	const written = marker[1] as string;
	const label = CALLOUT_KINDS.includes(written.toLowerCase() as CalloutKind) ? labels[kind] : `${written.charAt(0).toUpperCase()}${written.slice(1).toLowerCase()}`;

	const { title, rest } = splitFirstLine([{ type: 'text', value: opening.value.slice(marker[0].length) }, ...paragraph.children.slice(1)]);
	const heading = title.some((node) => !isBlank(node)) ? trimEnd(title) : [{ type: 'text', value: label }];
	const body: HastNode[] = [];
	if (rest.some((node) => !isBlank(node))) body.push(h('p', {}, trimStart(rest)));
	body.push(...children.slice(first + 1));

	const className = ['carnet-callout', `carnet-callout--${kind}`];
	const strong = h('strong', {}, heading);
	const fold = marker[2];
	if (fold) {
		return h('details', { className, ...(fold === '+' ? { open: true } : {}) }, [h('summary', { className: ['carnet-callout__title'] }, [strong]), text('\n'), ...body]);
	}
	return h('aside', { className, role: 'note' }, [h('p', { className: ['carnet-callout__title'] }, [strong]), text('\n'), ...body]);
}

/**
 * Whether `blockquote` is a callout, looking only at the start of its first paragraph: what calloutFrom
 * checks before it builds anything, for callers that must not copy a whole quote to ask.
 */
export function isCallout(blockquote: HastElement): boolean {
	return openingOf(blockquote) !== undefined;
}

/** The marker that opens a callout (`[!NOTE]`), with the paragraph it opens, or undefined. */
function openingOf(blockquote: HastElement): { first: number; paragraph: HastElement; opening: HastText; marker: RegExpExecArray; kind: CalloutKind } | undefined {
	const children = blockquote.children ?? [];
	const first = children.findIndex((child) => !isBlank(child));
	const paragraph = children[first];
	if (!isElement(paragraph, 'p')) return undefined;
	const opening = paragraph.children[0];
	if (!isText(opening)) return undefined;
	const marker = MARKER.exec(opening.value);
	const written = marker?.[1]?.toLowerCase() ?? '';
	// Any other kind is a note titled by its name, as Obsidian shows one it does not know (`[!warn]`).
	const kind = CALLOUT_KINDS.includes(written as CalloutKind) ? (written as CalloutKind) : (OBSIDIAN_KINDS[written] ?? 'note');
	if (!marker || !kind) return undefined;
	return { first, paragraph, opening, marker, kind };
}

function text(value: string): HastNode {
	return { type: 'text', value };
}

/** The inline nodes of a paragraph before its first line break, and those after. */
function splitFirstLine(nodes: HastNode[]): { title: HastNode[]; rest: HastNode[] } {
	for (let index = 0; index < nodes.length; index++) {
		const node = nodes[index];
		if (isElement(node, 'br')) return { title: nodes.slice(0, index), rest: nodes.slice(index + 1) };
		if (!isText(node)) continue;
		const newline = node.value.indexOf('\n');
		if (newline === -1) continue;
		return {
			title: [...nodes.slice(0, index), text(node.value.slice(0, newline))],
			rest: [text(node.value.slice(newline + 1)), ...nodes.slice(index + 1)],
		};
	}
	return { title: nodes, rest: [] };
}

function trimStart(nodes: HastNode[]): HastNode[] {
	const [first, ...others] = nodes;
	return isText(first) ? [text(first.value.trimStart()), ...others] : nodes;
}

function trimEnd(nodes: HastNode[]): HastNode[] {
	const last = nodes.at(-1);
	return isText(last) ? [...nodes.slice(0, -1), text(last.value.trimEnd())] : nodes;
}
