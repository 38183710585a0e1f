import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A site with cards for every post and a template of its own, written as the README shows: it wraps
// the default card in a dark frame 40 pixels wide.
const TEMPLATE = `import DefaultCard, { type SocialCardProps } from 'astro-theme-carnet/components/SocialCard.ts';

export default function SocialCard(props: SocialCardProps) {
	const inner = DefaultCard({ ...props, width: props.width - 80, height: props.height - 80 });
	return { type: 'div', props: { style: { display: 'flex', padding: 40, width: props.width, height: props.height, background: '#101010' }, children: inner } };
}
`;

let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('social-card-template', {
		'astro.config.mjs': astroConfig({ title: 'Frames', socialCards: { posts: 'all' }, components: { SocialCard: './src/social-card.ts' } }, { site: 'https://frames.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/social-card.ts': TEMPLATE,
		'src/content/posts/plain.md': '---\ntitle: A plain post\ndate: 2024-03-01\n---\nBody.\n',
		'src/content/posts/photo.md': "---\ntitle: A post with a photo\ndate: 2024-03-02\nfeatured_image: '/images/photo.jpg'\n---\nBody.\n",
		'public/images/photo.jpg': await makeJpeg(1600, 900, 11),
	});
	site = await buildSite(root);
}, 300_000);

async function meanColour(file: string, box: { left: number; top: number; width: number; height: number }): Promise<number[]> {
	// stats() reads the whole image whatever extract() says, so the region is averaged here.
	const data = await sharp(`${site.dist}/${file}`).removeAlpha().extract(box).raw().toBuffer();
	const sums = [0, 0, 0];
	data.forEach((value, index) => (sums[index % 3] = (sums[index % 3] as number) + value));
	return sums.map((sum) => Math.round(sum / (data.length / 3)));
}

describe('a SocialCard template of the site', () => {
	test('builds', () => {
		expect(site.ok, site.log).toBe(true);
	});

	test('draws the cards with the replacement, which wraps the default card', async () => {
		// A card of 32 colours may round a colour by a unit or two.
		const near = (colour: number[], expected: number[]) => colour.every((value, index) => Math.abs(value - (expected[index] as number)) <= 3);
		expect(near(await meanColour('posts/plain/social.png', { left: 0, top: 0, width: 30, height: 630 }), [16, 16, 16])).toBe(true);
		// Inside the frame, the default card's background (#fbfaf7).
		expect(near(await meanColour('posts/plain/social.png', { left: 100, top: 540, width: 40, height: 40 }), [251, 250, 247])).toBe(true);
	});

	test("with posts: 'all', gives a post with a featured image a JPEG card over its photo", async () => {
		const url = site.html('posts/photo/index.html')('meta[property="og:image"]').attr('content');
		expect(url).toBe('https://frames.example.com/posts/photo/social.jpg');
		const metadata = await sharp(`${site.dist}/posts/photo/social.jpg`).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 1200, 630]);
		// The photo shows through the scrim: not the flat background of a card without one.
		const [a, b] = await Promise.all([
			meanColour('posts/photo/social.jpg', { left: 100, top: 200, width: 200, height: 200 }),
			meanColour('posts/photo/social.jpg', { left: 800, top: 200, width: 200, height: 200 }),
		]);
		expect(a).not.toEqual(b);
		expect(Math.max(...(a as number[]))).toBeLessThan(200);
		// The title is drawn over it in white.
		const title = await sharp(`${site.dist}/posts/photo/social.jpg`).extract({ left: 100, top: 180, width: 1000, height: 280 }).raw().toBuffer();
		const white = Array.from({ length: title.length / 3 }, (_, index) => index * 3).filter((at) => (title[at] as number) + (title[at + 1] as number) + (title[at + 2] as number) > 700);
		expect(white.length).toBeGreaterThan(3000);
	});
});
