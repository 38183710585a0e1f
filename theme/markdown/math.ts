import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { classNames, isBlank, isElement, plain, textOf, type HastElement, type HastNode, type MdastNode } from './hast.ts';

/** What KaTeX writes: MathML only, or its HTML rendering with MathML for assistive technologies. */
export type MathOutput = 'mathml' | 'htmlAndMathml';

/**
 * `$…$` or `$$…$$` as KaTeX renders it. MathML only by default: browsers lay MathML out themselves
 * (MathML Core), feed readers keep it, and it needs no stylesheet, font or `style` attribute, which KaTeX's
 * HTML rendering puts on every formula (and a Content-Security-Policy without 'unsafe-inline' blocks).
 * A formula KaTeX cannot read is shown in red as its source (`throwOnError: false`) rather than
 * failing the build.
 */
export function renderMath(tex: string, display: boolean, output: MathOutput = 'mathml'): HastNode[] {
	const html = katex.renderToString(tex, { displayMode: display, output, throwOnError: false, strict: 'ignore' });
	return fromHtml(html, { fragment: true }).children.map((node) => plain(node as HastNode));
}

/**
 * The element a math node becomes: `<code class="math-inline">` (both processors' inline math) or a
 * `<pre>` holding `<code class="math-display">` (display math). Anything else is left alone.
 */
export function mathFrom(element: HastElement, output: MathOutput = 'mathml'): HastNode[] | undefined {
	if (element.tagName === 'code' && classNames(element).includes('math-inline')) return renderMath(textOf(element), false, output);
	if (element.tagName !== 'pre') return undefined;
	const inner = element.children.filter((child) => !isBlank(child));
	const code = inner[0];
	if (inner.length !== 1 || !isElement(code, 'code') || !classNames(code).includes('math-display')) return undefined;
	return renderMath(textOf(code).replace(/\n$/, ''), true, output);
}

/**
 * Inline math by Pandoc's rule, which keeps prices in prose as text: the opening `$` is followed by a
 * non-space, the closing `$` follows a non-space and is not followed by a digit. Both processors parse
 * `$` like a code span, so "entre 5 $ et 10 $" would otherwise be a formula. `source` is the document
 * the node's offsets point into; the node is returned as text when it breaks the rule.
 */
export function textForFalseMath(node: MdastNode, source: string): MdastNode | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return undefined;
	const written = source.slice(start, end);
	if (!written.startsWith('$') || written.startsWith('$$')) return undefined;
	const inner = written.slice(1, -1);
	if (!/^\s|\s$/.test(inner) && !/^\d/.test(source.slice(end, end + 1))) return undefined;
	return { type: 'text', value: written };
}
