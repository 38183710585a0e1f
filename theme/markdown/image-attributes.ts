import { outsideCode, outsideCodeSpans } from './fences.ts';

// `![alt](src){#id .class width=50% fig-alt="…"}`: Pandoc's and Quarto's attributes after an image (not
// kramdown's `{: …}`, markdown/kramdown-attributes.ts), each an id, a class or a key with its value.
// Attributes are apart by white space, which no value without quotes holds: one way to read each.
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))`;
const ATTRIBUTES = String.raw`\{\s*(${ATTRIBUTE}(?:\s+${ATTRIBUTE})*)\s*\}`;
const IMAGE_WITH_ATTRIBUTES = new RegExp(String.raw`(!\[([^\]\n]*)\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\))${ATTRIBUTES}`, 'g');
// `[a link](https://…){target="_blank"}` and a bracketed span, `[small caps]{.smallcaps}` (Pandoc, Quarto, Nuxt's MDC).
// Lengths are bounded, so that thousands of unclosed `[a](b` are read in one pass.
const LINK_WITH_ATTRIBUTES = new RegExp(String.raw`((?<!!)\[[^\]\n]{0,500}\]\([^()\n]{0,1000}(?:\([^()\n]{0,500}\)[^()\n]{0,500}){0,3}\))${ATTRIBUTES}`, 'g');
const SPAN = new RegExp(String.raw`(?<![!\]\\])\[([^\]\n]{0,500})\]${ATTRIBUTES}`, 'g');
// Emphasis and code spans with attributes: `**bold**{.red}` (Nuxt's MDC), `` `print()`{.python} `` (Pandoc, MDC).
const EMPHASIS_WITH_ATTRIBUTES = new RegExp(String.raw`((\*{1,3}|_{1,3})[^\s*_][^*_\n]{0,500}?\2)${ATTRIBUTES}`, 'g');
const CODE_WITH_ATTRIBUTES = new RegExp(String.raw`(\`+)([^\`\n]{1,1000}?)\1${ATTRIBUTES}`, 'g');
const HINT = /[)\]*_`]\{/;

/**
 * Pandoc's and Quarto's attributes after an image, which Markdown shows as text (`{width=50%}` after the
 * picture), are left out; the alt text they give (`fig-alt="…"`) is the image's when it has none. So are
 * those after a link (`{target="_blank"}`), and a bracketed span's (`[text]{.smallcaps}` is its text). Code is
 * left alone; every line keeps its number. So are those after emphasis and code spans (`**bold**{.red}`,
 * `` `print()`{.python} ``), whose text is kept.
 */
export function withoutImageAttributes(body: string): string {
	if (!HINT.test(body)) return body;
	return outsideCode(body, HINT, (line) =>
		HINT.test(line)
			? outsideCodeSpans(line.replace(CODE_WITH_ATTRIBUTES, '$1$2$1'), (part) =>
					part.replace(IMAGE_WITH_ATTRIBUTES, imageWithoutAttributes).replace(LINK_WITH_ATTRIBUTES, '$1').replace(SPAN, '$1').replace(EMPHASIS_WITH_ATTRIBUTES, '$1'),
				)
			: line,
	);
}

function imageWithoutAttributes(_whole: string, image: string, alt: string, attributes: string): string {
	const given = /(?:^|\s)(?:fig-alt|alt)=(?:"([^"\n]*)"|'([^'\n]*)'|(\S+))/.exec(attributes);
	const text = given?.[1] ?? given?.[2] ?? given?.[3];
	return alt.trim() === '' && text ? image.replace(/^!\[[^\]\n]*\]/, `![${text.replace(/[[\]\\]/g, '\\$&')}]`) : image;
}
