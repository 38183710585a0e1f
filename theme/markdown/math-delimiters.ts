import { fencedLines, outsideCodeSpans } from './fences.ts';

/**
 * LaTeX's math delimiters, which Hugo's math passthrough, Pandoc, MathJax and Blowfish's and Chirpy's posts
 * use, as the `$…$` and `$$…$$` Carnet's math reads, each line on its line: `\(x^2\)` within a line; a
 * `\[` line and a `\]` line around a formula; `\[…\]` within a line when it holds a command (`\[\sum_i\]`),
 * as a bare `\[` is how Markdown writes a bracket. `\label{…}`, which only LaTeX numbers, is left out of
 * formulas written so (or between `$$` lines). Code is left alone.
 */
export function readLatexDelimiters(body: string): string {
	if (!body.includes('\\(') && !body.includes('\\[') && !body.includes('\\label')) return body;
	const lines = body.split('\n');
	const code = fencedLines(lines);
	let display = false;
	return lines
		.map((line, index) => {
			if (code[index]) return line;
			const trimmed = line.trim();
			if (trimmed === '\\[' || trimmed === '\\]' || trimmed === '$$') {
				display = trimmed === '$$' ? !display : trimmed === '\\[';
				return line.replace(trimmed, () => '$$');
			}
			if (display) return withoutLabels(line);
			return outsideCodeSpans(line, inlineMath);
		})
		.join('\n');
}

/** `\(…\)`, and `\[…\]` that holds a command, within a line, as `$…$` and `$$…$$`: one pass, whatever the line. */
function inlineMath(text: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const paren = text.indexOf('\\(', from);
		const bracket = text.indexOf('\\[', from);
		const start = paren === -1 ? bracket : bracket === -1 ? paren : Math.min(paren, bracket);
		if (start === -1) break;
		const round = start === paren;
		const end = text.indexOf(round ? '\\)' : '\\]', start + 2);
		// No closing delimiter after this one: none after any later one of its kind either.
		if (end === -1) {
			out += text.slice(from, start + 2);
			from = start + 2;
			if (text.indexOf(round ? '\\[' : '\\(', from) === -1) break;
			continue;
		}
		const formula = text.slice(start + 2, end);
		if (formula.trim() === '' || (!round && !/\\[a-zA-Z]/.test(formula))) {
			out += text.slice(from, start + 2);
			from = start + 2;
			continue;
		}
		const fence = round ? '$' : '$$';
		out += `${text.slice(from, start)}${fence}${withoutLabels(formula).trim()}${fence}`;
		from = end + 2;
	}
	return out + text.slice(from);
}

function withoutLabels(formula: string): string {
	return formula.includes('\\label') ? formula.replace(/\\label\{[^{}\n]*\}\s?/g, '') : formula;
}
