import { ELEMENT_NODE, transformSync, walkSync, type ElementNode, type TransformerSync } from 'ultrahtml';
import sanitize from 'ultrahtml/transformers/sanitize';
import { unescapeXml } from './xml.ts';

/** Elements that feed readers do not run or show, and that have no place in syndicated content. */
const DROPPED_ELEMENTS = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea'];

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'action'];

/**
 * Prepares a post's rendered HTML for a feed: every link and media URL is made absolute against the
 * post's own URL (so `base` and relative paths resolve as they do on the page), and scripts, styles,
 * frames, forms, event handlers and `javascript:` URLs are removed. Feed readers show items outside
 * the site, where a relative URL points nowhere (the most common broken feed, astrowind#159).
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
	return transformSync(html, [sanitize({ dropElements: DROPPED_ELEMENTS }), absolutize(pageUrl)]).trim();
}

function absolutize(pageUrl: string): TransformerSync {
	return (document) => {
		walkSync(document, (node) => {
			if (node.type !== ELEMENT_NODE) return;
			const element = node as ElementNode;
			for (const name of Object.keys(element.attributes)) {
				if (/^on/i.test(name) || name.startsWith('data-astro')) delete element.attributes[name];
			}
			for (const name of URL_ATTRIBUTES) {
				const value = element.attributes[name];
				if (value === undefined) continue;
				const absolute = absoluteUrl(value, pageUrl);
				if (absolute === undefined) delete element.attributes[name];
				else element.attributes[name] = escapeAttribute(absolute);
			}
			const srcset = element.attributes.srcset;
			if (srcset !== undefined) element.attributes.srcset = escapeAttribute(absoluteSrcset(srcset, pageUrl));
		});
		return document;
	};
}

/** An absolute URL, or undefined for a `javascript:` URL, which must not survive. */
function absoluteUrl(value: string, base: string): string | undefined {
	const trimmed = unescapeXml(value.trim());
	if (/^javascript:/i.test(trimmed.replace(/[\s\u0000-\u001f]/g, ''))) return undefined;
	try {
		return new URL(trimmed, base).href;
	} catch {
		return trimmed;
	}
}

function absoluteSrcset(srcset: string, base: string): string {
	return srcset
		.split(',')
		.map((candidate) => {
			const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
			return [absoluteUrl(url, base) ?? '', ...descriptor].join(' ');
		})
		.filter((candidate) => candidate.trim() !== '')
		.join(', ');
}

// ultrahtml keeps attribute values as written in the HTML, entities included, and writes them back as they are.
function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
