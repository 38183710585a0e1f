import { summaryOf } from '../utils/summary.ts';
import { escapeXml } from '../utils/xml.ts';
import { parseMdx } from './mdx-imports.ts';
import { mdxHtmlComments } from './vite-plugin-mdx-text.ts';

type MdxNode = { type: string; name?: string | null; value?: string; depth?: number; children?: MdxNode[] };

// An MDX comment that is a summary divider (`{/* truncate */}`, Docusaurus's), as summaryOf() reads its HTML comment.
const DIVIDER_COMMENT = /^\s*\/\*\s*(more|truncate|excerpt)\s*\*\/\s*$/i;
// The delimiter row under a GFM table's header (`| --- | :-: |`), which the MDX parser here reads as a paragraph.
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * The summary of an MDX post that has no description, as a Markdown post's (utils/summary.ts): from the prose of
 * its body, read as the MDX compiler reads it, without its imports, exports and expressions. The text of JSX
 * elements is prose (`<Callout>Text</Callout>`). Undefined for a body the compiler cannot read, whose error says
 * where, and for one without such text.
 */
export function mdxSummaryOf(body: string, separator?: string): string | undefined {
	// HTML comments (`<!-- truncate -->`) are read as MDX comments, as the file is loaded for the compiler; the
	// line before keeps a body that opens with a `---` rule from being read as front matter.
	const readable = body.includes('<!--') ? mdxHtmlComments(`\n${body}`).slice(1) : body;
	const tree = parseMdx<MdxNode>(readable);
	return tree ? summaryOf(htmlOf(tree), separator) : undefined;
}

/** The HTML summaryOf() reads of an MDX tree: its blocks and their text, without what renders no prose. */
function htmlOf(node: MdxNode): string {
	const inner = () => (node.children ?? []).map(htmlOf).join('');
	switch (node.type) {
		case 'text':
			return escapeXml(node.value ?? '');
		case 'inlineCode':
			return `<code>${escapeXml(node.value ?? '')}</code>`;
		case 'code':
			return `<pre>${escapeXml(node.value ?? '')}</pre>\n`;
		case 'paragraph':
			return isTable(node) ? '<table></table>\n' : `<p>${inner()}</p>\n`;
		case 'heading':
			return `<h${node.depth ?? 1}>${inner()}</h${node.depth ?? 1}>\n`;
		case 'thematicBreak':
			return '<hr>\n';
		case 'list':
			return `<ul>${inner()}</ul>\n`;
		case 'listItem':
			return `<li>${inner()}</li>\n`;
		case 'blockquote':
			return `<blockquote>${inner()}</blockquote>\n`;
		case 'break':
			return ' ';
		case 'mdxFlowExpression':
			return DIVIDER_COMMENT.test(node.value ?? '') ? `<!--${DIVIDER_COMMENT.exec(node.value ?? '')?.[1]}-->\n` : '';
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return jsxElementHtml(node, inner());
		case 'mdxjsEsm':
		case 'mdxTextExpression':
		case 'image':
		case 'imageReference':
		case 'definition':
			return '';
		default:
			return inner();
	}
}

// An HTML element keeps its name, so that a `<p>` is a paragraph and a `<script>` unseen; a component is a block
// or a run of text around its children.
function jsxElementHtml(node: MdxNode, inner: string): string {
	const name = node.name ?? '';
	if (/^[a-z][a-z0-9]*$/.test(name)) return `<${name}>${inner}</${name}>`;
	return node.type === 'mdxJsxFlowElement' ? `<div>${inner}</div>\n` : `<span>${inner}</span>`;
}

function isTable(paragraph: MdxNode): boolean {
	const [first] = paragraph.children ?? [];
	if (first?.type !== 'text' || !first.value?.trimStart().startsWith('|')) return false;
	const secondLine = first.value.split('\n')[1];
	return secondLine !== undefined && DELIMITER_ROW.test(secondLine);
}
