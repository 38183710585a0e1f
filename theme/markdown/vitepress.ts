import { outsideCodeSpans, verbatimLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';

// VitePress's and VuePress's <Badge>: its text in an attribute (`<Badge type="tip" text="v2" />`) or between its tags.
const BADGE = /<Badge\b((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(?:\/>|>([^<]*)<\/Badge\s*>)/g;
const KINDS = new Set(['tip', 'warning', 'danger']);
// `<!--@include: ./parts/basics.md-->`, `<<< @/snippets/snippet.js{2}`: text taken from other files.
const INCLUDE = /<!--\s*@include:\s*([^\s>]{1,500}?)\s*-->/;
const SNIPPET = /^\s{0,3}<<<\s+(\S+)/;
// VuePress 2's code import, a block of its own line: `@[code](../foo.ts)`, `@[code{4-15} ts{3}:no-line-numbers](./foo.ts)`.
const CODE_IMPORT = /^(\s{0,3})@\[code(?=[\]{ \t])[^\]\n]*\]\(([^)\n]*)\)/;

export interface VitepressResult {
	body: string;
	/** What is left out or shown as written, with its line (1 = the first of `body`). */
	unread: { line: number; text: string; reason: string; leftOut?: true }[];
}

/**
 * VitePress's and VuePress's Markdown, each line on its line: a slot's `<template #name>`, which hid what
 * it holds, is a `<div>` (withoutSlotTemplates()); a `<Badge>` (which browsers would show as an
 * unknown, empty element, its text lost) becomes a badge of Carnet's, `<span class="carnet-badge">`; an
 * include of another file's text (`<!--@include: …-->`, a comment to any other reader) and a code snippet
 * imported from a file (`<<< @/…`, VuePress's `@[code](…)`, shown as written rather than as a link) are reported,
 * as Carnet does not read other files into a post. Code is left alone.
 */
export function readVitepressMarkdown(written: string): VitepressResult {
	const body = withoutSlotTemplates(written);
	if (!body.includes('<Badge') && !body.includes('@include') && !body.includes('<<<') && !body.includes('@[code')) return { body, unread: [] };
	const unread: VitepressResult['unread'] = [];
	// Raw HTML is where a <Badge> is, and an include a comment: only code is left alone.
	const lines = body.split('\n');
	const code = verbatimLines(lines, /<Badge|@include|<<<|@\[code/, { html: false });
	const read = lines.map((line, index) => {
		if (code.has(index)) return line;
		const include = INCLUDE.exec(line);
		if (include) unread.push({ line: index + 1, text: include[0], reason: `it includes the text of ${include[1]}, which Carnet does not read into a post; paste the text there`, leftOut: true });
		const snippet = SNIPPET.exec(line);
		if (snippet) unread.push({ line: index + 1, text: line.trim(), reason: importReason(snippet[1] as string) });
		const codeImport = CODE_IMPORT.exec(line);
		if (codeImport) {
			unread.push({ line: index + 1, text: line.trim(), reason: importReason(codeImport[2] as string) });
			// Shown as written: Markdown would read it as an @ and a link named "code" to the file.
			return `${codeImport[1]}@\\${line.slice((codeImport[1] as string).length + 1)}`;
		}
		if (!line.includes('<Badge')) return line;
		// Outside code spans: `<Badge text="x" />` shows the component's source.
		return outsideCodeSpans(line, (part) => part.replace(BADGE, badge));
	});
	return { body: read.join('\n'), unread };
}

function importReason(file: string): string {
	return `it imports code from ${file}, which Carnet does not read into a post; paste the code in a fenced block (\`\`\`)`;
}

/** A <Badge> as a badge of Carnet's, or as written when it has no text. */
function badge(whole: string, attributes: string, inner: string | undefined): string {
	const written = readAttributes(attributes);
	const text = inner ?? written.get('text');
	if (text === undefined || text.trim() === '') return whole;
	const type = written.get('type');
	const kind = type !== undefined && KINDS.has(type) ? ` carnet-badge--${type}` : '';
	return `<span class="carnet-badge${kind}">${text.trim().replace(/</g, '&lt;')}</span>`;
}

// A Vue component's slot, `<template #info>`, `<template v-slot:info>` or `<template slot="info">`: HTML
// keeps what a <template> holds out of the page, so its text was hidden.
const TEMPLATE_TAG = /<template\b((?:[^>"']|"[^"]{0,500}"|'[^']{0,500}'){0,500})>|<\/template\s*>/gi;
const SLOT = /^\s+(?:#[\w-]+|v-slot\b|slot\s*=)/;

/**
 * Vue's slot templates (VuePress, VitePress, Nuxt Content) as `<div>`s, whose content browsers show, as the
 * component around them (an unknown element) shows its own; each line on its line, and no line made blank,
 * which would end the HTML block. Another <template> and code are left alone.
 */
function withoutSlotTemplates(body: string): string {
	if (!body.includes('<') || !/<template\s+(?:#|v-slot|slot)/i.test(body)) return body;
	const lines = body.split('\n');
	const code = verbatimLines(lines, /<template/i, { html: false });
	const open: boolean[] = [];
	return lines
		.map((line, index) => {
			if (code.has(index) || !/<\/?template/i.test(line)) return line;
			return outsideCodeSpans(line, (part) =>
				part.replace(TEMPLATE_TAG, (tag: string, attributes: string | undefined) => {
					if (attributes !== undefined) {
						const slot = SLOT.test(attributes);
						open.push(slot);
						return slot ? '<div>' : tag;
					}
					return open.pop() ? '</div>' : tag;
				}),
			);
		})
		.join('\n');
}
