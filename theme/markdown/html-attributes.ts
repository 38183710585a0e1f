// One attribute as HTML writes it: a name, and a value in double or single quotes, or bare.
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The attributes written in `text` (what follows a tag's name, or the arguments of a shortcode or a
 * directive written like them: `src="a.png" alt='A' width=300`), by lower-case name, their entities read.
 */
export function readAttributes(text: string): Map<string, string> {
	const attributes = new Map<string, string>();
	for (const [, name, double, single, bare] of text.matchAll(ATTRIBUTE)) {
		if (name) attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
	}
	return attributes;
}

function decodeEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[name] as string);
}
