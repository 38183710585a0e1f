import { cpSync } from 'node:fs';
import path from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, repoRoot, type BuiltSite } from '../helpers/sites.ts';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo'] as const;
const builds = new Map<string, BuiltSite>();

beforeAll(async () => {
	await Promise.all(
		ZONES.map(async (zone) => {
			// A copy per zone, so that every build is cold and none reuses another's content cache.
			const root = path.join(repoRoot, 'tests/.sites', `dates-${zone.replace('/', '-')}`);
			cpSync(path.join(repoRoot, 'tests/fixtures/dates'), root, { recursive: true, filter: (file) => !/\/(dist|node_modules|\.astro)$/.test(file) });
			builds.set(zone, await buildSite(root, { env: { TZ: zone } }));
		}),
	);
});

/** Every date the build wrote: on cards, on post pages, in the feed and in the sitemap. */
function datesOf(site: BuiltSite) {
	const home = site.html('index.html');
	const cards = home('.carnet-card')
		.map((_, card) => ({ title: home(card).find('h2').text(), text: home(card).find('time').text(), datetime: home(card).find('time').attr('datetime') }))
		.get();
	const posts = ['midnight', 'new-year', 'spring-forward', 'pacific-evening', 'year-end'].map((slug) => {
		const page = site.html(`posts/${slug}/index.html`);
		return { slug, times: page('.carnet-post-meta time').map((_, time) => `${page(time).text()} ${page(time).attr('datetime')}`).get() };
	});
	const feed = (parseRssFeed(site.read('rss.xml')).items ?? []).map((item) => `${item.title}: ${item.pubDate}`);
	const urls = site.xml('sitemap-0.xml').urlset.url as { loc: string; lastmod?: string }[];
	const sitemap = urls.filter((url) => url.lastmod).map((url) => `${url.loc} ${url.lastmod}`);
	return { cards, posts, feed, sitemap };
}

describe('dates are the same whatever the time zone of the build machine', () => {
	test('builds under TZ=UTC, America/Los_Angeles and Asia/Tokyo write identical dates', () => {
		for (const zone of ZONES) expect(builds.get(zone)?.ok, builds.get(zone)?.log).toBe(true);
		const [first, ...others] = ZONES.map((zone) => datesOf(builds.get(zone) as BuiltSite));
		for (const other of others) expect(other).toEqual(first);
	});

	test('reads naive dates as wall-clock time in the site zone (Europe/Paris)', () => {
		const { cards, posts } = datesOf(builds.get('America/Los_Angeles') as BuiltSite);
		expect(cards).toEqual([
			{ title: 'Spring forward', text: 'March 31, 2024', datetime: '2024-03-31T03:30:00+02:00' },
			{ title: 'Midnight', text: 'February 3, 2024', datetime: '2024-02-03T00:00:00+01:00' },
			{ title: 'New year', text: 'January 1, 2024', datetime: '2024-01-01T00:00:00+01:00' },
			{ title: 'Year end', text: 'December 31, 2023', datetime: '2023-12-31T23:30:00+01:00' },
			{ title: 'Pacific evening', text: 'November 6, 2023', datetime: '2023-11-06T08:30:00+01:00' },
		]);
		expect(posts.find((post) => post.slug === 'year-end')?.times).toEqual([
			'December 31, 2023 2023-12-31T23:30:00+01:00',
			'June 30, 2024 2024-06-30T00:00:00+02:00',
		]);
	});

	test('writes RSS dates and sitemap lastmods as the same instants', () => {
		const { feed, sitemap } = datesOf(builds.get('Asia/Tokyo') as BuiltSite);
		expect(feed).toEqual([
			'Spring forward: Sun, 31 Mar 2024 01:30:00 GMT',
			'Midnight: Fri, 02 Feb 2024 23:00:00 GMT',
			'New year: Sun, 31 Dec 2023 23:00:00 GMT',
			'Year end: Sun, 31 Dec 2023 22:30:00 GMT',
			'Pacific evening: Mon, 06 Nov 2023 07:30:00 GMT',
		]);
		expect(sitemap).toContain('https://dates.example.com/posts/year-end/ 2024-06-29T22:00:00.000Z');
		expect(sitemap).toContain('https://dates.example.com/posts/midnight/ 2024-02-02T23:00:00.000Z');
	});
});
