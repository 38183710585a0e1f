import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

/** Feed files the theme writes, relative to the output folder. */
const FEED_FILES = ['rss.xml', 'tags/*/rss.xml'];

const PLACEHOLDER = /<enclosure url="([^"]+)" length="0"/g;

/**
 * Feed enclosures point at the social-image JPEG, which Astro encodes after every page and endpoint
 * has rendered, so feeds are written with `length="0"` and this fills in each file's real size once
 * the build is done. Lengths stay 0 in `astro dev`, which encodes images on request.
 */
export async function fillEnclosureLengths(outDir: URL, siteBase: string): Promise<number> {
	const dist = fileURLToPath(outDir);
	const feeds = await glob(FEED_FILES, { cwd: dist, absolute: true });
	let filled = 0;
	for (const feed of feeds) {
		const xml = await readFile(feed, 'utf8');
		const urls = new Set([...xml.matchAll(PLACEHOLDER)].map((match) => match[1] as string));
		const sizes = new Map<string, number>();
		for (const url of urls) {
			const file = fileForUrl(decodeXml(url), siteBase, dist);
			const size = file && (await stat(file).catch(() => undefined))?.size;
			if (size) sizes.set(url, size);
		}
		if (sizes.size === 0) continue;
		const patched = xml.replace(PLACEHOLDER, (match, url: string) => {
			const size = sizes.get(url);
			if (size === undefined) return match;
			filled++;
			return `<enclosure url="${url}" length="${size}"`;
		});
		await writeFile(feed, patched);
	}
	return filled;
}

function fileForUrl(url: string, siteBase: string, dist: string): string | undefined {
	if (!url.startsWith(siteBase)) return undefined;
	return path.join(dist, decodeURIComponent(url.slice(siteBase.length).split(/[?#]/)[0] ?? ''));
}

function decodeXml(text: string): string {
	return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
