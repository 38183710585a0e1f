const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a URL from options or front matter is safe to put in an `href`: an http(s): or mailto: URL, or,
 * with `relative`, a path on the site. It is read the way browsers read it (the URL parser drops tabs and
 * line breaks, so `java\tscript:` is `javascript:`), which a pattern on the raw text would miss.
 */
export function isSafeLink(value: string, options: { relative?: boolean } = {}): boolean {
	try {
		const url = options.relative ? new URL(value, 'https://relative.invalid/') : new URL(value);
		return SAFE_PROTOCOLS.has(url.protocol);
	} catch {
		return false;
	}
}

// Schemes whose links run what they hold on the site when followed: script, or a page made of the URL.
const SCRIPTING_PROTOCOLS = new Set(['javascript:', 'vbscript:', 'data:']);

/**
 * The scheme of `value` (`javascript:`, `vbscript:`, `data:`) when following it as a link would run script or
 * open a page made of the URL itself; undefined for any other address. Read the way browsers read it, as
 * isSafeLink() is (`java\tscript:` and ` JavaScript:` are `javascript:`).
 */
export function scriptingScheme(value: string): string | undefined {
	if (!value.includes(':')) return undefined;
	try {
		const { protocol } = new URL(value, 'https://relative.invalid/');
		return SCRIPTING_PROTOCOLS.has(protocol) ? protocol : undefined;
	} catch {
		return undefined;
	}
}

// A MIME type's essence: a type and a subtype of HTTP token code points, as the MIME Sniffing standard reads one.
const IMAGE_ESSENCE = /^image\/[\w!#$%&'*+.^`|~-]+$/;

/**
 * Whether `value` is a data: address of a picture other than SVG (`data:image/png;base64,…`), which runs no
 * script wherever it is loaded or opened: its MIME type read as the Fetch standard's data: URL processor reads
 * it, up to the first `,`, trimmed, in any case. An SVG picture may hold script; any other type is a page's.
 */
export function isDataPicture(value: string): boolean {
	if (scriptingScheme(value) !== 'data:') return false;
	const { href } = new URL(value);
	const essence = (href.slice('data:'.length).split(',')[0] as string).split(';')[0]?.trim().toLowerCase() ?? '';
	return IMAGE_ESSENCE.test(essence) && essence !== 'image/svg+xml';
}

// What a URL cannot hold as written: absoluteHref() and linkHref() encode it.
const UNWRITABLE = /[^\x21-\x7E]|["<>\\^`{|}]/;

/**
 * An absolute URL with the characters a URL cannot hold as written (spaces, letters outside ASCII, quotes,
 * `<`) written as browsers send them (`new URL(value).href`: `https://exemple.fr/caf%C3%A9%20cr%C3%A8me/`), as
 * an `href`, a feed and JSON-LD must hold them. Any other value, and one that is no absolute URL, is
 * returned as written.
 */
export function absoluteHref(value: string): string {
	if (!UNWRITABLE.test(value)) return value;
	try {
		return new URL(value).href;
	} catch {
		return value;
	}
}

/**
 * A link from the options as an `href` holds it: an absolute URL as absoluteHref() writes it, a path with its
 * spaces, quotes and other such characters percent-encoded as browsers send them (`/my notes/` →
 * `/my%20notes/`). Any other value is returned as written.
 */
export function linkHref(value: string): string {
	if (!UNWRITABLE.test(value) || !value.startsWith('/')) return absoluteHref(value);
	const url = new URL(value, 'https://relative.invalid/');
	return url.pathname + url.search + url.hash;
}

/**
 * Whether `value` is a protocol-relative address (`//host/x`, or `\\host` as browsers read a backslash), which
 * leaves the site for another host, read the way browsers read it: leading spaces and control characters
 * dropped, tabs and line breaks removed.
 */
export function isProtocolRelative(value: string): boolean {
	return /^[/\\]{2}/.test(value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
}

/** The error for a protocol-relative link, with the https: URL to write in its place. */
export function protocolRelativeError(value: string): string {
	return `${LINK_ERROR}; //host/… is another site, reached with the scheme of the page: write ${new URL(value, 'https://relative.invalid/').href}`;
}

export const ABSOLUTE_LINK_ERROR = 'expected an http(s): or mailto: URL such as https://example.com';
export const LINK_ERROR = 'expected a path such as /about/, or an http(s): or mailto: URL';
