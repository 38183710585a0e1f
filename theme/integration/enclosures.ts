import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { unescapeXml } from '../utils/xml.ts';

/** Feed files the theme writes, relative to the output folder. */
const XML_FEEDS = ['rss.xml', 'atom.xml', 'tags/*/rss.xml'];
const JSON_FEEDS = ['feed.json'];

// RSS writes <enclosure url="…" length="0" …>, Atom <link rel="enclosure" href="…" length="0" …>.
const XML_PLACEHOLDER = /(<(?:enclosure url|link rel="enclosure" href)=")([^"]+)(" length=")0"/g;

/**
 * Feed enclosures point at the social-image JPEG, which Astro encodes after every page and endpoint
 * has rendered, so feeds are written with a length of 0 and this fills in each file's real size once
 * the build is done. Lengths stay 0 in `astro dev`, which encodes images on request.
 */
export async function fillEnclosureLengths(outDir: URL, siteBase: string): Promise<number> {
	const dist = fileURLToPath(outDir);
	const sizeOf = fileSizes(dist, siteBase);
	let filled = 0;
	for (const feed of await glob(XML_FEEDS, { cwd: dist, absolute: true })) {
		const xml = await readFile(feed, 'utf8');
		const sizes = new Map<string, number | undefined>();
		for (const match of xml.matchAll(XML_PLACEHOLDER)) sizes.set(match[2] as string, await sizeOf(unescapeXml(match[2] as string)));
		const patched = xml.replace(XML_PLACEHOLDER, (match, head: string, url: string, tail: string) => {
			const size = sizes.get(url);
			if (!size) return match;
			filled++;
			return `${head}${url}${tail}${size}"`;
		});
		if (patched !== xml) await writeFile(feed, patched);
	}
	for (const feed of await glob(JSON_FEEDS, { cwd: dist, absolute: true })) {
		const document = JSON.parse(await readFile(feed, 'utf8')) as { items?: { attachments?: { url: string; size_in_bytes?: number }[] }[] };
		for (const attachment of (document.items ?? []).flatMap((item) => item.attachments ?? [])) {
			if (attachment.size_in_bytes !== 0) continue;
			const size = await sizeOf(attachment.url);
			if (!size) continue;
			attachment.size_in_bytes = size;
			filled++;
		}
		await writeFile(feed, JSON.stringify(document));
	}
	return filled;
}

/** Sizes of this site's built files by absolute URL, each file read once. */
function fileSizes(dist: string, siteBase: string): (url: string) => Promise<number | undefined> {
	const cache = new Map<string, Promise<number | undefined>>();
	return (url) => {
		if (!url.startsWith(siteBase)) return Promise.resolve(undefined);
		let size = cache.get(url);
		if (!size) {
			const file = path.join(dist, decodeURIComponent(url.slice(siteBase.length).split(/[?#]/)[0] ?? ''));
			size = stat(file).then((found) => found.size, () => undefined);
			cache.set(url, size);
		}
		return size;
	};
}
