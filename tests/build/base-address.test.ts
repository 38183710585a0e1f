import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, stripAnsi, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A `base` as a folder name may be written, with a space and an accent: addresses carry it encoded. Images in
// public/ are published under it; an image Astro optimises cannot be (site-address.ts, checkBase()).
const BASE = '/my blög/';
const ENCODED = '/my%20bl%C3%B6g/';
const run = promisify(execFile);
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('base-address', {
		'astro.config.mjs': astroConfig(
			{ title: 'Base', timeZone: 'UTC', navigation: [{ href: '/about/', label: 'About' }] },
			{ site: 'https://example.com', base: BASE },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'public/images/pixel.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(),
		'src/content/posts/one.md': '---\ntitle: One\ndate: 2024-01-01\ntags: [Sea shells]\n---\n[About](/about/), ![a pixel](/images/pixel.png) and [two](/posts/two/).\n',
		'src/content/posts/two.md': '---\ntitle: Two\ndate: 2024-01-02\n---\n<a href="/my blög/about/">about, with the base as written</a> <img src="/images/pixel.png" alt="a pixel">\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

/** Every root-relative address in the site's pages, with the page it is in. */
function rootRelativeAddresses(): string[] {
	const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
	return pages.flatMap((page) => {
		const $ = site.html(page);
		return $('[href], [src], [srcset], [action], [data-url], [data-bundle], [data-carnet-url]')
			.toArray()
			.flatMap((element) => ['href', 'src', 'srcset', 'action', 'data-url', 'data-bundle', 'data-carnet-url'].map((name) => $(element).attr(name) ?? ''))
			.filter((value) => value.startsWith('/'))
			.map((value) => `${page}: ${value}`);
	});
}

describe('a site whose base has a space and an accent', () => {
	test('every address the theme writes in a page carries the base percent-encoded, as browsers send it', () => {
		const addresses = rootRelativeAddresses();
		expect(addresses).toContain(`posts/one/index.html: ${ENCODED}about/`);
		expect(addresses).toContain(`posts/one/index.html: ${ENCODED}images/pixel.png`);
		expect(addresses).toContain(`posts/one/index.html: ${ENCODED}posts/two/`);
		expect(addresses).toContain(`posts/two/index.html: ${ENCODED}about/`);
		expect(addresses).toContain(`index.html: ${ENCODED}tags/sea-shells/`);
		const astros = (address: string) => address.includes(`: ${BASE}_astro/`);
		expect(addresses.filter((address) => !astros(address) && !address.includes(`: ${ENCODED}`))).toEqual([]);
	});

	test("the Nu HTML checker reports no error on any page but Astro's own links to its files", async () => {
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const output = await run('java', ['-jar', vnu, '--skip-non-html', '--errors-only', '--format', 'gnu', site.dist], { maxBuffer: 32 * 1024 * 1024 }).then(
			({ stdout, stderr }) => stdout + stderr,
			(error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
		);
		// Astro writes the links to its own stylesheets and scripts with `base` as configured.
		const errors = stripAnsi(output).split('\n').filter((line) => line !== '' && !line.includes(`“${BASE}_astro/`));
		expect(errors).toEqual([]);
	});

	test('the sitemap recognises post pages under the encoded base, and dates them', () => {
		const urls = site.xml('sitemap-0.xml').urlset.url as { loc: string; lastmod?: string }[];
		expect(urls.find((url) => url.loc === `https://example.com${ENCODED}posts/one/`)?.lastmod).toBe('2024-01-01T00:00:00.000Z');
	});
});

describe('a site whose base has a space and an accent, and a post with an image beside it', () => {
	let imaged: BuiltSite;
	beforeAll(async () => {
		const root = writeSite('base-address-imaged', {
			'astro.config.mjs': astroConfig({ title: 'Base', timeZone: 'UTC' }, { site: 'https://example.com', base: BASE }),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/one/pixel.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(),
			'src/content/posts/one/index.md': '---\ntitle: One\ndate: 2024-01-01\n---\n![a pixel](./pixel.png)\n',
		});
		imaged = await buildSite(root);
	}, 300_000);

	test("stops after the content sync with Carnet's error naming base, its value, the post and a base to write, before Astro's image pipeline fails", () => {
		expect(imaged.ok).toBe(false);
		expect(imaged.log).toContain("base is '/my blög/', which addresses carry percent-encoded (/my%20bl%C3%B6g/), and src/content/posts/one/index.md has an image Astro optimises");
		expect(imaged.log).toContain("Hint: Write base with letters, digits, dashes, dots and underscores only, e.g. base: '/my-blog/'");
		expect(imaged.log).not.toContain('Unable to generate optimized image');
	});
});
