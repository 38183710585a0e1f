// What each built page costs a reader on a desktop browser: its HTML, the scripts and stylesheets it
// loads, and the one file per image that a 1280px-wide window at 1x picks from its srcset.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { glob } from 'tinyglobby';
import { chosenImageUrl } from './srcset.mjs';

const KINDS = ['html', 'js', 'css', 'images'];
const NOT_SCRIPT = /json|template|text\/(?!javascript)/;

/** How many HTML pages a build wrote. */
export async function countPages(dist) {
	return (await glob('**/*.html', { cwd: dist })).length;
}

/** Median and max per page of each kind of bytes, the heaviest page, and the same grouped by route. */
export async function measurePages(dist, site) {
	const files = (await glob('**/*.html', { cwd: dist })).sort();
	const sizeOf = fileSizes(dist, new URL(site).origin);
	const pages = files.map((file) => ({ path: file, route: routeOf(file), ...weighPage(dist, file, sizeOf) }));
	const total = (page) => page.html + page.externalJs + page.externalCss + page.images;
	const heaviest = pages.reduce((top, page) => (top && total(top) >= total(page) ? top : page), undefined);
	const routes = {};
	for (const page of pages) (routes[page.route] ??= []).push(page);
	return {
		perPage: summarise(pages),
		largestPage: heaviest && { path: heaviest.path, bytes: total(heaviest) },
		byRoute: Object.fromEntries(
			Object.entries(routes).map(([route, group]) => [route, { pages: group.length, maxBytes: Math.max(...group.map(total)) }]),
		),
		unresolved: [...new Set(pages.flatMap((page) => page.unresolved))],
	};
}

function weighPage(dist, file, sizeOf) {
	const html = readFileSync(path.join(dist, file), 'utf8');
	// htmlparser2 rather than parse5: the counts are the same and it is several times faster on 10,000 pages.
	const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: false } });
	const pageUrl = `/${file}`;
	const unresolved = [];
	const bytesOf = (url) => {
		const size = url ? sizeOf(url, pageUrl) : undefined;
		if (size === undefined) unresolved.push(url);
		return size ?? 0;
	};
	let externalJs = 0;
	let inlineJs = 0;
	$('script').each((_, element) => {
		if (NOT_SCRIPT.test($(element).attr('type') ?? '')) return;
		const src = $(element).attr('src');
		if (src) externalJs += bytesOf(src);
		else inlineJs += Buffer.byteLength($(element).text());
	});
	let externalCss = 0;
	let inlineCss = 0;
	$('link[rel~="stylesheet"]').each((_, element) => (externalCss += bytesOf($(element).attr('href'))));
	$('style').each((_, element) => (inlineCss += Buffer.byteLength($(element).text())));
	let images = 0;
	$('img').each((_, element) => {
		const img = $(element);
		const picture = img.parent('picture');
		const sources = picture.length ? picture.children('source').toArray().map((source) => $(source).attr()) : [];
		images += bytesOf(chosenImageUrl(sources, img.attr()));
	});
	return { html: Buffer.byteLength(html), js: externalJs + inlineJs, css: externalCss + inlineCss, images, externalJs, externalCss, unresolved };
}

/** Sizes of the site's own files by URL (absolute, root-relative or relative to the page), each file read once. */
function fileSizes(dist, origin) {
	const cache = new Map();
	return (url, pageUrl) => {
		const resolved = new URL(url, `${origin}${pageUrl}`);
		if (resolved.origin !== origin) return undefined;
		const file = path.join(dist, decodeURIComponent(resolved.pathname));
		if (!cache.has(file)) {
			try {
				cache.set(file, statSync(file).size);
			} catch {
				cache.set(file, undefined);
			}
		}
		return cache.get(file);
	};
}

/** The page's route, from its output path: posts/x/index.html is a post, tags/x/page/2/index.html a tag page. */
function routeOf(file) {
	const segments = file.split('/').slice(0, -1);
	if (segments.length === 0) return file === 'index.html' ? 'home' : file.replace(/\.html$/, '');
	if (segments[0] === 'page') return 'home';
	if (segments[0] === 'tags' && segments.length > 1) return 'tag';
	return segments[0];
}

function summarise(pages) {
	return Object.fromEntries(KINDS.map((kind) => [kind, stats(pages.map((page) => page[kind]))]));
}

function stats(values) {
	if (values.length === 0) return { median: 0, max: 0 };
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
	return { median, max: sorted[sorted.length - 1] };
}
