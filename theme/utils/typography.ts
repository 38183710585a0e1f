import { ELEMENT_NODE, TEXT_NODE, parse, renderSync, walkSync, type Node } from 'ultrahtml';
import { oncePerKey } from './once-per-key.ts';

const NNBSP = '\u202F';

/** Elements whose text is code or not prose: typography never touches it. */
export const VERBATIM_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'math', 'svg']);

/**
 * French typography in plain text: a narrow no-break space (U+202F) replaces the space before « : ; ! ? »
 * and after « and before », so that these never start a line. Spaces are only replaced, never added,
 * except inside guillemets; a colon in "http://" or "10:30" is left alone.
 */
export function frenchSpacing(text: string): string {
	// Most text has no such punctuation: it is returned as is, without running the replacements.
	if (!HIGH_PUNCTUATION.test(text)) return text;
	return text
		.replace(/(?:[ \u00A0]|&nbsp;|&#160;)(?=[:;!?»])/g, NNBSP)
		.replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`)
		.replace(/([^\s\u00A0\u202F])[ \u00A0]?»/g, `$1${NNBSP}»`);
}

const HIGH_PUNCTUATION = /[:;!?«»]/;

/** Whether `locale` writes French, whose typography the theme applies; asked for every post, so remembered. */
export const isFrench: (locale: string) => boolean = oncePerKey((locale) => new Intl.Locale(locale).language === 'fr');

/**
 * `frenchSpacing` applied to the text of HTML outside code: for pages a site writes in Astro with the
 * `Page` layout. Post bodies get it from the Markdown processor instead (markdown/transforms.ts).
 */
export function frenchSpacingInHtml(html: string): string {
	const document = parse(html);
	walkSync(document, (node: Node) => {
		if (node.type !== TEXT_NODE || insideVerbatim(node)) return;
		node.value = frenchSpacing(node.value);
	});
	return renderSync(document);
}

function insideVerbatim(node: Node): boolean {
	for (let parent = node.parent; parent; parent = parent.parent) {
		if (parent.type === ELEMENT_NODE && VERBATIM_ELEMENTS.has(parent.name)) return true;
	}
	return false;
}
