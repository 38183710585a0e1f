import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { repoRoot } from './sites.ts';

export type Policy = Map<string, string[]>;

/**
 * The Content-Security-Policy that theme/README.md tells site owners to serve, as written there: the
 * first one, or with `comments` the one for sites with giscus comments (the second).
 */
export function documentedPolicy(options: { comments?: boolean } = {}): { header: string; policy: Policy } {
	const readme = readFileSync(path.join(repoRoot, 'theme/README.md'), 'utf8');
	const headers = [...readme.matchAll(/^\s*Content-Security-Policy: (.+)$/gm)].map((match) => match[1]?.trim());
	const header = headers[options.comments ? 1 : 0];
	if (!header) throw new Error('theme/README.md documents no Content-Security-Policy header');
	return { header, policy: parsePolicy(header) };
}

export function parsePolicy(header: string): Policy {
	const policy: Policy = new Map();
	for (const directive of header.split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (name) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

export const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function sources(policy: Policy, directive: string): string[] {
	return policy.get(directive) ?? policy.get('default-src') ?? [];
}

function sameOrigin(url: string, origin: string): boolean {
	return new URL(url, `${origin}/`).origin === origin;
}

/**
 * What a page would have blocked under `policy` when served from `origin`: inline scripts and styles
 * whose hash is not allowed, event handlers, javascript: URLs, and scripts, stylesheets and images from
 * elsewhere than 'self' when that is all the policy allows. It also returns the hashes the page used,
 * so that a test can tell that none of the policy's hashes is stale.
 */
export function checkPage(html: string, policy: Policy, origin: string): { violations: string[]; used: string[] } {
	const $ = cheerio.load(html);
	const violations: string[] = [];
	const used: string[] = [];
	const scriptSources = sources(policy, 'script-src');
	const styleSources = sources(policy, 'style-src');
	const imageSources = sources(policy, 'img-src');
	$('script').each((_, element) => {
		const script = $(element);
		const src = script.attr('src');
		const type = script.attr('type');
		// JSON-LD and other data blocks are never run, and CSP does not apply to them.
		if (type && !/^(?:module|text\/javascript|application\/javascript)$/i.test(type)) return;
		if (src) {
			if (!sameOrigin(src, origin) || !scriptSources.includes("'self'")) violations.push(`script from ${src}`);
			return;
		}
		const hash = sha256(script.html() ?? '');
		used.push(hash);
		if (!scriptSources.includes(hash) && !scriptSources.includes("'unsafe-inline'")) violations.push(`inline script ${hash}: ${(script.html() ?? '').slice(0, 60)}`);
	});
	$('style').each((_, element) => {
		const hash = sha256($(element).html() ?? '');
		used.push(hash);
		if (!styleSources.includes(hash) && !styleSources.includes("'unsafe-inline'")) violations.push(`inline style ${hash}`);
	});
	$('[style]').each((_, element) => {
		const value = $(element).attr('style') ?? '';
		const hash = sha256(value);
		used.push(hash);
		const allowed = styleSources.includes("'unsafe-inline'") || (styleSources.includes("'unsafe-hashes'") && styleSources.includes(hash));
		if (!allowed) violations.push(`style attribute "${value}" ${hash}`);
	});
	$('*').each((_, element) => {
		for (const [name, value] of Object.entries((element as unknown as { attribs: Record<string, string> }).attribs)) {
			if (/^on/i.test(name)) violations.push(`event handler ${name}="${value}"`);
			if (/^(?:href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(value)) violations.push(`javascript: URL in ${name}`);
		}
	});
	$('link[rel~="stylesheet"]').each((_, element) => {
		const href = $(element).attr('href') ?? '';
		if (!sameOrigin(href, origin) || !styleSources.includes("'self'")) violations.push(`stylesheet from ${href}`);
	});
	$('img[src], source[srcset], img[srcset]').each((_, element) => {
		const urls = [$(element).attr('src'), ...($(element).attr('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0])];
		for (const url of urls) {
			if (url && (!sameOrigin(url, origin) || !imageSources.includes("'self'"))) violations.push(`image from ${url}`);
		}
	});
	return { violations, used };
}
