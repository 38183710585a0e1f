import { isDataPicture, scriptingScheme } from '../utils/links.ts';
import type { Tag, TagAttribute } from './html-tags.ts';

/** How an attribute would run script on the site, and what to write instead. */
export type ScriptRisk = { when: string; instead: string };

// The attributes whose value is an address the browser follows or loads.
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'codebase', 'ping']);
// The element and attribute pairs whose data: address opens a page or a script (an <img>'s is a picture).
const DOCUMENT_SOURCES = new Set(['iframe src', 'frame src', 'object data', 'embed src', 'script src']);

const CLICKED: ScriptRisk = { when: 'when clicked', instead: 'link to a page instead' };
const SENT: ScriptRisk = { when: 'when the form is sent', instead: 'send it to a page instead' };
const LOADED: ScriptRisk = { when: 'when loaded', instead: 'name a file instead' };
const REFRESHED: ScriptRisk = { when: 'when the page is opened', instead: 'redirect to a page instead' };
const ANIMATED: ScriptRisk = { when: 'when clicked, as the address its animation gives a link', instead: 'link to a page instead' };
const BASED: ScriptRisk = { when: "as the address its <base> makes every address of the page relative to, the theme's own scripts' included", instead: 'leave the <base> out' };

// SVG's animations and the attributes that give the values they set: `<set attributeName="href" to="javascript:…">`
// makes a link of one. Any attribute they animate is taken for an address: none other has a scripting scheme.
const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);
const ANIMATED_VALUES = new Set(['values', 'to', 'from', 'by']);

/**
 * How a value written over `from` to `to` of `tag` would run script, through an attribute it writes or is part
 * of, by the HTML standard's rules: an event handler (`onclick`, any `on…`), a link, a form's or a frame's
 * address with a javascript:, vbscript: or data: scheme (`java&#9;script:` is one, as the URL parser reads it),
 * a meta refresh to one, an embedded page's markup (`srcdoc`), an SVG animation's value with such a scheme, and any
 * `<base>` address, which the theme's own root-relative scripts would be loaded from; undefined if it would not. Attributes the
 * value is no part of are the post's own, as written.
 */
export function scriptInTag(tag: Tag, from: number, to: number): ScriptRisk | undefined {
	for (const attribute of tag.attributes) {
		if (attribute.to <= from || attribute.from >= to) continue;
		const risk = attributeRisk(tag, attribute);
		if (risk !== undefined) return risk;
	}
	return undefined;
}

function attributeRisk(tag: Tag, { name, value }: TagAttribute): ScriptRisk | undefined {
	if (name.startsWith('on')) return { when: `as the code of its ${name} attribute`, instead: 'write the code in the post itself' };
	// An srcdoc page shares the site's origin: any markup in it may run script.
	if (name === 'srcdoc') return value.includes('<') ? { when: 'in the page its srcdoc attribute embeds', instead: "write the page's HTML in the post itself" } : undefined;
	if (tag.element === 'meta' && (name === 'content' || name === 'http-equiv')) return refreshRisk(tag);
	if (tag.element === 'base' && name === 'href') return BASED;
	// `values` is a list, parted by `;`. A picture's data: address (an <image>'s, animated) runs no script, even in a link.
	if (ANIMATIONS.has(tag.element) && ANIMATED_VALUES.has(name)) return value.split(';').some((part) => scriptingScheme(part) !== undefined && !isDataPicture(part)) ? ANIMATED : undefined;
	if (!URL_ATTRIBUTES.has(name)) return undefined;
	const scheme = scriptingScheme(value);
	if (scheme === undefined) return undefined;
	if (tag.element === 'a' || tag.element === 'area') return CLICKED;
	if (name === 'action' || name === 'formaction') return SENT;
	return scheme !== 'data:' || DOCUMENT_SOURCES.has(`${tag.element} ${name}`) ? LOADED : undefined;
}

// The HTML standard's shared declarative refresh steps: a time, `;` or `,`, then the address, after `url=` and
// in quotes where written so. A content with no time is no refresh, but is read the same, to be safe.
const REFRESH = /^[\t\n\f\r ]*[\d.]*[\t\n\f\r ]*[;,]?[\t\n\f\r ]*(?:url[\t\n\f\r ]*=[\t\n\f\r ]*)?([\s\S]*)$/i;

function refreshRisk(tag: Tag): ScriptRisk | undefined {
	const equiv = tag.attributes.find((attribute) => attribute.name === 'http-equiv');
	const content = tag.attributes.find((attribute) => attribute.name === 'content');
	if (equiv?.value.toLowerCase() !== 'refresh' || content === undefined) return undefined;
	let address = REFRESH.exec(content.value)?.[1] ?? '';
	const quote = address.charAt(0);
	if (quote === '"' || quote === "'") {
		const close = address.indexOf(quote, 1);
		address = address.slice(1, close === -1 ? undefined : close);
	}
	return scriptingScheme(address) === undefined ? undefined : REFRESHED;
}
