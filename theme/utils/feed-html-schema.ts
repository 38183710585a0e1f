import type { Schema } from 'hast-util-sanitize';

/**
 * What a feed item's HTML may contain, for hast-util-sanitize (the engine of rehype-sanitize): an
 * allowlist, so that anything not named here is left out, whatever its case, namespace or spelling.
 * Elements not listed are unwrapped (their text is kept); those in `strip` go with their content.
 * Property names are hast's (`srcSet`, `ariaDescribedBy`); MathML attributes keep their own names.
 */
const TEXT = ['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'rp', 'rt', 'ruby'];
const BLOCKS = ['address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'ul'];
const TABLES = ['caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'];
const MEDIA = ['audio', 'img', 'picture', 'source', 'track', 'video'];
// MathML Core's presentation elements. annotation-xml is left out: it may hold HTML, which is where
// namespace confusion attacks live.
const MATHML = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mmultiscripts', 'mprescripts', 'none', 'merror'];
const MATHML_ATTRIBUTES = ['display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathsize', 'stretchy', 'fence', 'separator', 'symmetric', 'largeop', 'movablelimits', 'accent', 'accentunder', 'form', 'lspace', 'rspace', 'minsize', 'maxsize', 'linethickness', 'notation', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines', 'frame', 'width', 'height', 'depth', 'voffset', 'encoding'];

export const FEED_HTML_SCHEMA: Schema = {
	tagNames: [...TEXT, ...BLOCKS, ...TABLES, ...MEDIA, ...MATHML, 'input'],
	attributes: {
		'*': ['id', 'className', 'lang', 'dir', 'title', 'ariaLabel', 'ariaDescribedBy', 'ariaLabelledBy', 'ariaHidden', 'role'],
		a: ['href', 'hrefLang', 'rel', 'dataFootnoteRef', 'dataFootnoteBackref'],
		img: ['src', 'srcSet', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
		source: ['src', 'srcSet', 'sizes', 'type', 'media', 'width', 'height'],
		video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsInline', 'preload'],
		audio: ['src', 'controls', 'loop', 'muted', 'preload'],
		track: ['src', 'kind', 'srcLang', 'label', 'default'],
		blockquote: ['cite'],
		q: ['cite'],
		del: ['cite', 'dateTime'],
		ins: ['cite', 'dateTime'],
		time: ['dateTime'],
		data: ['value'],
		details: ['open'],
		ol: ['start', 'reversed', 'type'],
		li: ['value'],
		section: ['dataFootnotes'],
		pre: ['dataLanguage'],
		td: ['colSpan', 'rowSpan', 'headers', 'align'],
		th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr', 'align'],
		col: ['span'],
		colgroup: ['span'],
		// GFM task lists: a disabled checkbox that shows whether the task is done.
		input: [['type', 'checkbox'], ['disabled', true], 'checked'],
		...Object.fromEntries(MATHML.map((name) => [name, MATHML_ATTRIBUTES])),
		math: [...MATHML_ATTRIBUTES, ['xmlns', 'http://www.w3.org/1998/Math/MathML']],
	},
	required: { input: { type: 'checkbox', disabled: true } },
	protocols: {
		href: ['http', 'https', 'mailto'],
		src: ['http', 'https'],
		cite: ['http', 'https'],
		poster: ['http', 'https'],
	},
	ancestors: {
		tbody: ['table'],
		thead: ['table'],
		tfoot: ['table'],
		tr: ['table'],
		td: ['table'],
		th: ['table'],
		caption: ['table'],
		col: ['table'],
		colgroup: ['table'],
		source: ['picture', 'video', 'audio'],
		track: ['video', 'audio'],
		summary: ['details'],
		li: ['ol', 'ul'],
	},
	// Feeds are read outside the site, where ids cannot clash with its scripts; footnote links need them as they are.
	clobber: [],
	clobberPrefix: '',
	strip: ['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'svg', 'annotation-xml', 'textarea', 'select', 'title', 'xmp', 'noembed', 'plaintext', 'head'],
	allowComments: false,
	allowDoctypes: false,
};

/**
 * What a figure caption's own HTML may hold in the page (ox-hugo's `<span class="figure-number">`): the feed's
 * text-level elements and their attributes, so that it stays in the caption's paragraph and runs no script.
 */
export const CAPTION_HTML_SCHEMA: Schema = { ...FEED_HTML_SCHEMA, tagNames: TEXT };
