import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A French blog under a base path, with image-less posts whose titles cover what cards must draw: the
// reference post's title (ending with three emoji), Greek and Cyrillic, Hebrew (right to left), Arabic and
// Persian (joined letters, drawn by sharp), a title too long for four lines at full size, and Japanese, which
// no bundled font covers.
const SITE = 'https://cards.example.com';
const reference = readFileSync(path.join(repoRoot, 'src/content/posts/externalisation-le-traitement-antistress-des-pme.md'), 'utf8');
const post = (title: string, date: string, extra = '') => `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\nBody.\n`;
const card = (slug: string) => `posts/${slug}/social.png`;
const LONG_TITLE =
	'Comment une petite entreprise peut tenir un blog régulier, mesurer ce qu’il rapporte, choisir ses sujets avec ses clients et garder le rythme pendant toute une année sans y passer ses soirées';

let root: string;
let cold: BuiltSite;
let warm: BuiltSite;
let retitled: BuiltSite;
let fresh: BuiltSite;
const coldBytes = new Map<string, Buffer>();

beforeAll(async () => {
	root = writeSite('social-cards', {
		'astro.config.mjs': astroConfig({ title: 'Carnet', locale: 'fr', timeZone: 'Europe/Paris' }, { site: SITE, base: '/blog', trailingSlash: 'always' }),
		'src/content.config.ts': CONTENT_CONFIG,
		// The reference post as written, but without its featured image, so that it gets a card.
		'src/content/posts/emoji.md': reference.replace(/^featured_image:.*\n/m, ''),
		'src/content/posts/photo.md': post('Un article illustré', '2024-02-01', "featured_image: '/images/photo.jpg'\n"),
		'src/content/posts/scripts.md': post('Καλημέρα Москва', '2024-01-20'),
		// The same number of letters as above: drawn as boxes, both titles would give the same pixels.
		'src/content/posts/twin.md': post('Ψηφιακός Привет', '2024-01-20'),
		'src/content/posts/hebrew.md': post('שלום עולם', '2024-01-15'),
		// A Hebrew post whose title opens with a product's name: read right to left as its page reads it.
		'src/content/posts/react.md': `---\ntitle: "React בפועל"\ndate: 2024-01-14\n---\nReact היא ספרייה לבניית ממשקים, וזה מדריך קצר לשימוש בה.\n`,
		'src/content/posts/long.md': post(LONG_TITLE, '2024-01-10'),
		'src/content/posts/tokyo.md': post('東京の春を歩く', '2024-01-05'),
		// Arabic, whose letters satori cannot join nor dot: letters told apart only by their dots.
		'src/content/posts/arabic.md': post('بيت ثلج تفاح', '2024-01-04'),
		// Persian's own letters (گ ژ چ پ), a Latin name first and Persian digits.
		'src/content/posts/persian.md': post('React در گزارش ژوئن چاپ ۱۴۰۳', '2024-01-04'),
		// An emoji, which sharp's fonts lack: no title rather than a title with a hole.
		'src/content/posts/greeting.md': post('مرحبا بكم 👋', '2024-01-04'),
		// An arrow (from Noto Sans Math) and a keycap emoji (named 0031-20e3 by Twemoji).
		'src/content/posts/arrow.md': post('Hugo → Astro, étape 1️⃣', '2024-01-03'),
		'public/images/photo.jpg': await makeJpeg(1600, 900, 7),
	});
	cold = await buildSite(root);
	for (const slug of ['emoji', 'scripts', 'twin', 'hebrew', 'react', 'long', 'tokyo', 'arabic', 'persian', 'greeting', 'arrow']) coldBytes.set(slug, readFileSync(path.join(cold.dist, card(slug))));
	warm = await buildSite(root);
	writeFileSync(path.join(root, 'src/content/posts/scripts.md'), post('Καλημέρα κόσμε, Здравствуй мир', '2024-01-20'));
	retitled = await buildSite(root);
	// Without the cache, every card is drawn again: the bytes must come out the same.
	rmSync(path.join(root, 'node_modules/.astro/carnet/social-cards'), { recursive: true, force: true });
	rmSync(path.join(root, 'node_modules/.astro/carnet/card-fonts'), { recursive: true, force: true });
	fresh = await buildSite(root);
}, 300_000);

const ink = (r: number, g: number, b: number) => r + g + b < 200;

/** The card's pixels, and counts of those matching `test` inside a box. */
async function pixels(file: Buffer) {
	const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	return {
		info,
		count(box: { left: number; top: number; width: number; height: number }, test: (r: number, g: number, b: number) => boolean): number {
			let found = 0;
			for (let y = box.top; y < box.top + box.height; y++) {
				for (let x = box.left; x < box.left + box.width; x++) {
					const at = (y * info.width + x) * 3;
					if (test(data[at] as number, data[at + 1] as number, data[at + 2] as number)) found++;
				}
			}
			return found;
		},
	};
}

// The title sits between the blog's name and the date; the accent-coloured bar and name are above it.
const TITLE_REGION = { left: 0, top: 140, width: 1200, height: 360 };

describe('social cards', () => {
	test('builds every site in the sequence', () => {
		for (const site of [cold, warm, retitled, fresh]) expect(site.ok, site.log).toBe(true);
	});

	test("draws the reference post's title with its emoji in colour on a 1200×630 PNG", async () => {
		const bytes = coldBytes.get('emoji') as Buffer;
		const metadata = await sharp(bytes).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
		const image = await pixels(bytes);
		// Twemoji's yellow faces (#ffcc4d) and blue globe (#3b88c3); tofu boxes would be outlines in the text colour.
		const yellow = image.count(TITLE_REGION, (r, g, b) => r > 220 && g > 170 && g < 225 && b < 110);
		const blue = image.count(TITLE_REGION, (r, g, b) => b > 160 && r < 110 && g > 100 && g < 170);
		expect(yellow).toBeGreaterThan(1500);
		expect(blue).toBeGreaterThan(500);
		expect(image.count(TITLE_REGION, ink)).toBeGreaterThan(10_000);
	});

	test('gives the same bytes when a card is drawn again on another build', () => {
		expect(fresh.log).toMatch(/Social cards: 11 rendered, 0 reused/);
		for (const slug of ['emoji', 'hebrew', 'react', 'long', 'tokyo', 'arabic', 'persian']) {
			expect(readFileSync(path.join(fresh.dist, card(slug))).equals(coldBytes.get(slug) as Buffer), slug).toBe(true);
		}
	});

	test('renders no card on a warm build, and only the retitled one after a title changes', () => {
		expect(cold.log).toMatch(/Social cards: 11 rendered, 0 reused from the cache/);
		expect(warm.log).toMatch(/Social cards: 0 rendered, 11 reused from the cache, 0 stale removed/);
		expect(readFileSync(path.join(warm.dist, card('emoji'))).equals(coldBytes.get('emoji') as Buffer)).toBe(true);
		expect(retitled.log).toMatch(/Social cards: 1 rendered, 10 reused from the cache, 1 stale removed/);
		expect(readFileSync(path.join(retitled.dist, card('scripts'))).equals(coldBytes.get('scripts') as Buffer)).toBe(false);
	});

	test("points an image-less post's og:image, Twitter card and JSON-LD at its card, with base and an absolute URL", () => {
		const $ = cold.html('posts/emoji/index.html');
		const url = `${SITE}/blog/posts/emoji/social.png`;
		expect($('meta[property="og:image"]').attr('content')).toBe(url);
		expect($('meta[property="og:image:type"]').attr('content')).toBe('image/png');
		expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
		expect($('meta[name="twitter:image"]').attr('content')).toBe(url);
		const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>[];
		expect(ld.find((item) => item['@type'] === 'BlogPosting')?.image).toEqual([url]);
	});

	test('keeps the photo of a post with a featured image, and makes no card for it', () => {
		const $ = cold.html('posts/photo/index.html');
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/cards\.example\.com\/blog\/_astro\/photo\.[\w-]+\.jpg$/);
		expect(cold.exists('posts/photo/social.png') || cold.exists('posts/photo/social.jpg')).toBe(false);
	});

	test("gives the feeds' items the card as their image, with its byte length", () => {
		const rss = cold.xml('rss.xml');
		const items = rss.rss.channel.item as Record<string, any>[];
		const item = items.find((entry) => entry.link === `${SITE}/blog/posts/emoji/`);
		expect(item?.enclosure['@url']).toBe(`${SITE}/blog/posts/emoji/social.png`);
		expect(item?.enclosure['@type']).toBe('image/png');
		expect(Number(item?.enclosure['@length'])).toBe(coldBytes.get('emoji')?.length);
		const json = JSON.parse(cold.read('feed.json')) as { items: { url: string; image?: string }[] };
		expect(json.items.find((entry) => entry.url === `${SITE}/blog/posts/emoji/`)?.image).toBe(`${SITE}/blog/posts/emoji/social.png`);
	});

	test('warns once about the Japanese title, naming the post, and draws its card without the title', async () => {
		const warnings = cold.log.split('\n').filter((line) => line.includes('tokyo.md'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('[WARN]');
		// On a line of its own, not in the middle of Astro's list of the routes it renders.
		expect(warnings[0]).not.toMatch(/[├└]─/);
		expect(warnings[0]).toContain('src/content/posts/tokyo.md: the social card\'s fonts cannot draw 東 京 の 春 を 歩 く in the title "東京の春を歩く"');
		expect(warnings[0]).toContain('add a font that has them to the socialCards.fonts option');
		const image = await pixels(coldBytes.get('tokyo') as Buffer);
		expect([image.info.width, image.info.height]).toEqual([1200, 630]);
		// In the title's place, the blog's initial on an accent square; no text-coloured glyphs or boxes.
		expect(image.count(TITLE_REGION, ink)).toBe(0);
		expect(image.count(TITLE_REGION, (r, g, b) => r > 130 && r < 170 && g < 70 && b < 40)).toBeGreaterThan(10_000);
	});

	test.each([
		['an Arabic', 'arabic', 'بيت ثلج تفاح'],
		['a Persian', 'persian', 'React در گزارش ژوئن چاپ ۱۴۰۳'],
	])('draws %s title from the right, its letters joined as sharp shapes them, without a warning', async (_, slug, title) => {
		expect(cold.log).not.toContain(`${slug}.md`);
		const image = await pixels(coldBytes.get(slug) as Buffer);
		const columns = Array.from({ length: 1200 }, (_, x) => image.count({ ...TITLE_REGION, left: x, width: 1 }, ink) > 0);
		// Ends at the right edge of the title's box (the card's padding is 80 px).
		expect(columns.lastIndexOf(true)).toBeGreaterThan(1100);
		expect(columns.lastIndexOf(true)).toBeLessThan(1120);
		// As wide as sharp draws the same words at the title's size with the same fonts; letters drawn
		// isolated (unjoined) would be far wider.
		const fonts = path.join(root, 'node_modules/.astro/carnet/card-fonts');
		for (const file of readdirSync(fonts)) await sharp({ text: { text: '.', fontfile: path.join(fonts, file) } }).toBuffer();
		const alone = await sharp({ text: { text: `\u200f${title}`, font: 'Noto Naskh Arabic, Noto Serif Bold 72', dpi: 72 } }).toBuffer({ resolveWithObject: true });
		expect(Math.abs(columns.lastIndexOf(true) - columns.indexOf(true) + 1 - alone.info.width)).toBeLessThanOrEqual(4);
	});

	test('warns once about an Arabic title with an emoji, which sharp cannot draw, and draws its card without the title', async () => {
		const warnings = cold.log.split('\n').filter((line) => line.includes('greeting.md'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain("src/content/posts/greeting.md: the social card's fonts cannot draw 👋 in the title");
		// A font of the site's would not help: the emoji is what keeps the title from sharp.
		expect(warnings[0]).toContain('remove the emoji from such a title, or give each such post a featured image');
		const image = await pixels(coldBytes.get('greeting') as Buffer);
		expect(image.count(TITLE_REGION, ink)).toBe(0);
	});

	test('draws a title with an arrow and a keycap emoji, in colour, without a warning', async () => {
		expect(cold.log.split('\n').filter((line) => line.includes('arrow.md'))).toEqual([]);
		const image = await pixels(coldBytes.get('arrow') as Buffer);
		expect(image.count(TITLE_REGION, ink)).toBeGreaterThan(1_000);
		// Twemoji's keycap is a grey-blue square with a dark digit.
		expect(image.count(TITLE_REGION, (r, g, b) => b > 150 && b > r + 20 && g > r)).toBeGreaterThan(100);
	});

	test('lays a Hebrew title out from the right', async () => {
		expect(cold.log).not.toContain('hebrew.md');
		const image = await pixels(coldBytes.get('hebrew') as Buffer);
		const left = image.count({ ...TITLE_REGION, width: 600 }, ink);
		const right = image.count({ ...TITLE_REGION, left: 600, width: 600 }, ink);
		expect(right).toBeGreaterThan(2000);
		expect(left).toBe(0);
	});

	test('lays out from the right the title of a post written in Hebrew that opens with a Latin name', async () => {
		expect(cold.log).not.toContain('react.md');
		const image = await pixels(coldBytes.get('react') as Buffer);
		expect(image.count({ ...TITLE_REGION, left: 600, width: 600 }, ink)).toBeGreaterThan(2000);
		expect(image.count({ ...TITLE_REGION, width: 600 }, ink)).toBe(0);
	});

	test('draws each Greek and Cyrillic letter with its own glyph, not a box', async () => {
		expect(cold.log).not.toMatch(/scripts\.md|twin\.md/);
		const region = async (slug: string) => sharp(coldBytes.get(slug) as Buffer).extract(TITLE_REGION).raw().toBuffer();
		const [scripts, twin] = await Promise.all([region('scripts'), region('twin')]);
		expect((await pixels(coldBytes.get('scripts') as Buffer)).count(TITLE_REGION, ink)).toBeGreaterThan(5_000);
		expect(scripts.equals(twin)).toBe(false);
	});

	test('shrinks a long title to fit in four lines', async () => {
		const image = await pixels(coldBytes.get('long') as Buffer);
		// Rows of the title region with ink, grouped into lines of text.
		const rows = Array.from({ length: TITLE_REGION.height }, (_, y) => image.count({ ...TITLE_REGION, top: TITLE_REGION.top + y, height: 1 }, ink) > 0);
		const lines = rows.filter((row, y) => row && !rows[y - 1]).length;
		expect(lines).toBeGreaterThanOrEqual(3);
		expect(lines).toBeLessThanOrEqual(4);
		// The date below the title is still drawn.
		expect(image.count({ left: 0, top: 520, width: 1200, height: 60 }, (r, g, b) => r + g + b < 400)).toBeGreaterThan(200);
	});
});
