import { execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { atomFeed, type FeedEntry, type FeedMeta } from '../../theme/utils/feeds.ts';

const meta: FeedMeta = {
	title: 'Blog',
	description: '',
	language: 'en',
	timeZone: 'UTC',
	homeUrl: 'https://example.com/',
	selfUrl: 'https://example.com/atom.xml',
};
const entry = (categories: string[]): FeedEntry => ({
	url: 'https://example.com/posts/x/',
	title: 'X',
	contentHtml: '<p>x</p>',
	published: new Date('2024-01-01T00:00:00Z'),
	categories,
	authors: [],
});

describe('Atom feed', () => {
	test('writes a category named "true" or "false" with its term, so that the feed stays well-formed', () => {
		const xml = atomFeed(meta, [entry(['true', 'false', 'Astro'])]);
		// xmllint fails on a document that is not well-formed, such as <category term/>.
		execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
		const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
		expect(feed.feed.entry.category.map((category: Record<string, unknown>) => category['@term'])).toEqual(['true', 'false', 'Astro']);
	});
});
