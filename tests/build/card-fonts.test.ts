import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { stringsFor } from '../../theme/i18n/index.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A Japanese blog whose cards are given fonts with Chinese, Japanese and Korean characters
// (`socialCards.fonts`): Debian's Droid Sans Fallback (fonts-droid-fallback), which has no Hangul, and Nanum
// Gothic (fonts-nanum), both of which .ci/run installs, as a site would keep font files in its repository.
const FALLBACK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const KOREAN_FONT = '/usr/share/fonts/truetype/nanum/NanumGothic.ttf';
// A font of the site's own that has the Arabic script's letters: the theme's own Naskh, given as a site font.
const ARABIC_FONT = path.join(repoRoot, 'node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff');
const SITE = 'https://cjk.example.com';
const post = (title: string, date: string) => `---\ntitle: "${title}"\ndate: ${date}\n---\n本文です。\n`;
const LONG_TITLE = '静的サイトジェネレーターで個人ブログを十年続けるために私が毎週欠かさずやっている小さな習慣と道具の選び方と失敗から学んだことのすべて';
const config = (fonts?: string[]) =>
	astroConfig({ title: '東京ノート', locale: 'ja', timeZone: 'Asia/Tokyo', ...(fonts ? { socialCards: { fonts } } : {}) }, { site: SITE });

let root: string;
let withFont: BuiltSite;
let withoutFont: BuiltSite;
const cards = new Map<string, Buffer>();

beforeAll(async () => {
	if (!existsSync(FALLBACK_FONT)) throw new Error(`${FALLBACK_FONT} is missing: install Debian's fonts-droid-fallback (apt-get install -y fonts-droid-fallback), as .ci/run does.`);
	if (!existsSync(KOREAN_FONT)) throw new Error(`${KOREAN_FONT} is missing: install Debian's fonts-nanum (apt-get install -y fonts-nanum), as .ci/run does.`);
	root = writeSite('card-fonts', {
		'astro.config.mjs': config(['./src/fonts/DroidSansFallbackFull.ttf', './src/fonts/NanumGothic.ttf', './src/fonts/naskh.woff']),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/tokyo.md': post('東京の春を歩く', '2024-01-05'),
		'src/content/posts/beijing.md': post('静态网站生成器的选择', '2024-01-03'),
		// Hangul, which only the second font has.
		'src/content/posts/seoul.md': post('서울의 봄을 걷다', '2024-01-04'),
		// Latin from the theme's Noto Serif, the rest from the site's font, the emoji from Twemoji.
		'src/content/posts/mixed.md': post('Astro 入門 🚀', '2024-01-02'),
		// No space to break at: wrapped between characters, inside the title's box.
		'src/content/posts/long.md': post(LONG_TITLE, '2024-01-01'),
		// Thai, which neither the theme's fonts nor the site's have.
		'src/content/posts/thai.md': post('สวัสดีชาวโลก', '2023-12-31'),
		// Arabic with its vowel marks, whose letters a font of the site's has too.
		'src/content/posts/cairo.md': post('مَرْحَبًا بِكُمْ فِي الْمُدَوَّنَةِ', '2023-12-30'),
	});
	mkdirSync(path.join(root, 'src/fonts'), { recursive: true });
	copyFileSync(FALLBACK_FONT, path.join(root, 'src/fonts/DroidSansFallbackFull.ttf'));
	copyFileSync(KOREAN_FONT, path.join(root, 'src/fonts/NanumGothic.ttf'));
	copyFileSync(ARABIC_FONT, path.join(root, 'src/fonts/naskh.woff'));
	withFont = await buildSite(root);
	for (const slug of ['tokyo', 'beijing', 'seoul', 'mixed', 'long', 'thai', 'cairo']) cards.set(slug, readFileSync(path.join(withFont.dist, `posts/${slug}/social.png`)));
	// The option removed: every card is drawn again, none is taken from the cache drawn with the font.
	writeFileSync(path.join(root, 'astro.config.mjs'), config());
	withoutFont = await buildSite(root);
}, 300_000);

const ink = (r: number, g: number, b: number) => r + g + b < 200;
// The title sits between the blog's name and the date.
const TITLE_REGION = { left: 0, top: 140, width: 1200, height: 360 };

/** Columns and rows of the title's region that hold ink. */
async function inkIn(file: Buffer) {
	const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const columns = new Array<boolean>(info.width).fill(false);
	const rows = new Array<boolean>(info.height).fill(false);
	let count = 0;
	for (let y = TITLE_REGION.top; y < TITLE_REGION.top + TITLE_REGION.height; y++) {
		for (let x = TITLE_REGION.left; x < TITLE_REGION.left + TITLE_REGION.width; x++) {
			const at = (y * info.width + x) * 3;
			if (!ink(data[at] as number, data[at + 1] as number, data[at + 2] as number)) continue;
			count++;
			columns[x] = true;
			rows[y] = true;
		}
	}
	return { count, columns, rows };
}

/** How many runs of inked rows (lines of text) there are, ignoring gaps of a few pixels inside a line. */
function textLines(rows: boolean[]): number {
	let lines = 0;
	let gap = Infinity;
	for (const inked of rows) {
		if (inked && gap > 12) lines++;
		gap = inked ? 0 : gap + 1;
	}
	return lines;
}

describe('social card fonts of the site (socialCards.fonts)', () => {
	test('builds the site with the font and without it', () => {
		expect(withFont.ok, withFont.log).toBe(true);
		expect(withoutFont.ok, withoutFont.log).toBe(true);
	});

	test.each([
		['a Japanese', 'tokyo'],
		['a Chinese', 'beijing'],
		['a Korean', 'seoul'],
		['a Latin, Japanese and emoji', 'mixed'],
	])('draws %s title with the font, without a warning', async (_, slug) => {
		expect(withFont.log).not.toContain(`${slug}.md`);
		const { count, columns } = await inkIn(cards.get(slug) as Buffer);
		expect(count).toBeGreaterThan(3_000);
		// From the left edge of the title's box (the card's padding is 80 px).
		expect(columns.indexOf(true)).toBeGreaterThanOrEqual(78);
		expect(columns.indexOf(true)).toBeLessThan(100);
	});

	test("draws an Arabic-script title with sharp's shaping, its marks on their letters, even when a font of the site's has its letters: as without that font", async () => {
		expect(withFont.log).not.toContain('cairo.md');
		const without = await inkIn(readFileSync(path.join(withoutFont.dist, 'posts/cairo/social.png')));
		const withSiteFont = await inkIn(cards.get('cairo') as Buffer);
		expect(without.count).toBeGreaterThan(3_000);
		expect([withSiteFont.count, withSiteFont.columns.indexOf(true), withSiteFont.columns.lastIndexOf(true)]).toEqual([without.count, without.columns.indexOf(true), without.columns.lastIndexOf(true)]);
	});

	test('wraps a long title with no spaces between its characters inside the box, in at most four lines', async () => {
		const { columns, rows } = await inkIn(cards.get('long') as Buffer);
		expect(columns.lastIndexOf(true)).toBeLessThanOrEqual(1120);
		expect(columns.lastIndexOf(true)).toBeGreaterThan(1000);
		const lines = textLines(rows);
		expect(lines).toBeGreaterThanOrEqual(2);
		expect(lines).toBeLessThanOrEqual(4);
	});

	test('shows its pages with the Japanese UI strings, without a warning about the locale', () => {
		const ja = stringsFor('ja');
		expect(withFont.log).not.toContain('has no UI strings');
		const $ = withFont.html('index.html');
		expect($('html').attr('lang')).toBe('ja');
		expect($('h1').text()).toBe(ja['home.title']);
		expect($('.carnet-skip-link, a[href="#Carnet-main"]').first().text().trim()).toBe(ja['site.skipLink']);
		expect(withFont.html('tags/index.html')('h1').text()).toBe(ja['tags.title']);
	});

	test("draws the Japanese blog name and date with the font, without the theme's YYYY-MM-DD fallback", () => {
		expect(withFont.log).not.toContain("cannot draw dates in the locale 'ja'");
		expect(withFont.log).not.toContain("in the blog's title");
	});

	test('warns about a title that no font has, saying the fonts of socialCards.fonts lack it too', async () => {
		const warnings = withFont.log.split('\n').filter((line) => line.includes('thai.md'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('src/content/posts/thai.md: the social card\'s fonts cannot draw');
		expect(warnings[0]).toContain('none of the fonts of socialCards.fonts has these characters either');
		expect((await inkIn(cards.get('thai') as Buffer)).count).toBe(0);
	});

	test('draws every card again without the fonts once the option is removed, and names the option in the warnings, the titles of six posts in one', async () => {
		const tokyo = readFileSync(path.join(withoutFont.dist, 'posts/tokyo/social.png'));
		expect(tokyo.equals(cards.get('tokyo') as Buffer)).toBe(false);
		expect((await inkIn(tokyo)).count).toBe(0);
		// Nor do the theme's own fonts have Hangul: the Korean title's ink came from Nanum Gothic.
		expect((await inkIn(readFileSync(path.join(withoutFont.dist, 'posts/seoul/social.png')))).count).toBe(0);
		// The six posts' titles in one warning, not one warning a post.
		const warnings = withoutFont.log.split('\n').filter((line) => line.includes('.md'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain("The social card's fonts cannot draw the titles of 6 posts");
		expect(warnings[0]).toContain('src/content/posts/beijing.md, src/content/posts/long.md, src/content/posts/mixed.md, src/content/posts/seoul.md, src/content/posts/thai.md, src/content/posts/tokyo.md.');
		expect(warnings[0]).toContain("add a font that has them to the socialCards.fonts option (e.g. fonts: ['./src/fonts/NotoSansJP-Bold.ttf'])");
		expect(withoutFont.log).toContain("cannot draw dates in the locale 'ja', so cards write them as YYYY-MM-DD. Add a font that has their characters to the socialCards.fonts option");
		expect(withoutFont.log).toContain('in the blog\'s title "東京ノート", so cards leave it out. Add a font that has them to the socialCards.fonts option');
	});
});
