import { textForFalseMath } from '../markdown/math.ts';
import { BEFORE_CLOSING_MARK, joinAroundLeftOut, summaryOf } from '../utils/summary.ts';
import { escapeXml } from '../utils/xml.ts';
import type { MarkdownSyntax } from './markdown.ts';
import { parseMdx } from './mdx-imports.ts';
import { mdxHtmlComments } from './vite-plugin-mdx-text.ts';

type MdxNode = {
	type: string;
	name?: string | null;
	value?: string;
	depth?: number;
	children?: MdxNode[];
	position?: { start: { offset?: number }; end: { offset?: number } };
	data?: { estree?: unknown };
};

// An MDX comment that is a summary divider (`{/* truncate */}`, Docusaurus's), as summaryOf() reads its HTML comment.
const DIVIDER_COMMENT = /^\s*\/\*\s*(more|truncate|excerpt)\s*\*\/\s*$/i;

/**
 * The summary of an MDX post that has no description, as a Markdown post's (utils/summary.ts): from the prose of
 * its body, read as the MDX compiler reads it with the site's `syntax` (GFM and math, as a Markdown post's), without
 * its imports and exports. The text of JSX elements is prose (`<Callout>Text</Callout>`), and so is a string
 * written as an expression (`{"text"}`); other expressions are left out (withExpressionsRead()). Undefined for a body
 * the compiler cannot read, whose error says where, and for one without such text.
 */
export function mdxSummaryOf(body: string, separator?: string, syntax: MarkdownSyntax = { gfm: true, math: true }): string | undefined {
	// HTML comments (`<!-- truncate -->`) are read as MDX comments, as the file is loaded for the compiler; the
	// line before keeps a body that opens with a `---` rule from being read as front matter.
	const readable = body.includes('<!--') ? mdxHtmlComments(`\n${body}`).slice(1) : body;
	const tree = parseMdx<MdxNode>(readable, syntax);
	return tree ? summaryOf(htmlOf(tree, readable), separator) : undefined;
}

/**
 * The HTML summaryOf() reads of an MDX tree: its blocks and their text, without what renders no prose, as the
 * processor renders a Markdown post (footnote marks and math left out by summaryOf()). `source` is the text the
 * tree's offsets point into.
 */
function htmlOf(node: MdxNode, source: string): string {
	const inner = () => withExpressionsRead(node.children ?? []).map((child) => htmlOf(child, source)).join('');
	switch (node.type) {
		case 'text':
			return escapeXml(node.value ?? '');
		case 'inlineCode':
			return `<code>${escapeXml(node.value ?? '')}</code>`;
		case 'code':
			return `<pre>${escapeXml(node.value ?? '')}</pre>\n`;
		case 'paragraph':
			return `<p>${inner()}</p>\n`;
		case 'table':
			return '<table></table>\n';
		case 'delete':
			return `<del>${inner()}</del>`;
		case 'inlineMath': {
			// A `$` pair the theme shows as text, as Pandoc reads a price (markdown/math.ts).
			const text = textForFalseMath(node, source);
			return text ? escapeXml(text.value ?? '') : `<math><annotation encoding="application/x-tex">${escapeXml(node.value ?? '')}</annotation></math>`;
		}
		case 'math':
			return '<math></math>\n';
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
		case 'mdxFlowExpression': {
			if (DIVIDER_COMMENT.test(node.value ?? '')) return `<!--${DIVIDER_COMMENT.exec(node.value ?? '')?.[1]}-->\n`;
			const literal = literalText(node);
			return literal ? `<p>${escapeXml(literal)}</p>\n` : '';
		}
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return jsxElementHtml(node, inner());
		case 'mdxjsEsm':
		case 'mdxTextExpression':
		case 'footnoteReference':
		case 'footnoteDefinition':
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

/**
 * `children` with their `{…}` expressions as a reader sees them: a string or a number written as a literal is
 * its text; a comment shows nothing, nor does anything else in the summary, whose value exists only as the page
 * renders (`{frontmatter.title}`, `{1 + 1}`). Its space goes with it, and a clause mark before one after it
 * ("line of {x}." reads "line of."), as around a formula left out (joinAroundLeftOut()). Left out rather than
 * ending the summary there: the words after it are the author's too, and an expression opening a paragraph would
 * leave nothing.
 */
function withExpressionsRead(children: MdxNode[]): MdxNode[] {
	const read: MdxNode[] = [];
	let gap = false;
	for (const child of children) {
		const literal = child.type === 'mdxTextExpression' ? literalText(child) : undefined;
		if (child.type === 'mdxTextExpression' && literal === undefined) {
			gap = true;
			continue;
		}
		const node = literal === undefined ? child : { type: 'text', value: literal };
		const previous = read.at(-1);
		if (node.type === 'text' && previous?.type === 'text') {
			read[read.length - 1] = { type: 'text', value: gap ? joinAroundLeftOut(previous.value ?? '', node.value ?? '') : `${previous.value ?? ''}${node.value ?? ''}` };
		} else if (gap && node.type === 'text') {
			// After an element ("**bold** {x}."), or opening the paragraph ("{count}, said…"), where a mark has no clause.
			read.push({ type: 'text', value: previous ? (node.value ?? '').replace(BEFORE_CLOSING_MARK, '') : joinAroundLeftOut('', node.value ?? '') });
		} else {
			read.push(node);
		}
		gap = false;
	}
	const last = read.at(-1);
	// Ending its paragraph: "copies, {x}" reads "copies".
	if (gap && last?.type === 'text') read[read.length - 1] = { type: 'text', value: joinAroundLeftOut(last.value ?? '', '') };
	return read;
}

/**
 * The text React shows of an expression that is a string or a number written as a literal (`{"text"}`, `{'text'}`,
 * a template without `${}`, `{2024}`), read from the tree acorn made of it; undefined for any other.
 */
function literalText(node: MdxNode): string | undefined {
	const program = node.data?.estree as { body?: { type: string; expression?: Literal }[] } | undefined;
	const [statement, ...others] = program?.body ?? [];
	if (statement?.type !== 'ExpressionStatement' || others.length > 0 || !statement.expression) return undefined;
	const { expression } = statement;
	if (expression.type === 'Literal' && (typeof expression.value === 'string' || typeof expression.value === 'number')) return String(expression.value);
	if (expression.type === 'TemplateLiteral' && expression.expressions?.length === 0) return expression.quasis?.[0]?.value.cooked ?? undefined;
	return undefined;
}

type Literal = { type: string; value?: unknown; expressions?: unknown[]; quasis?: { value: { cooked?: string | null } }[] };
