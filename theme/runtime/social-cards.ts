import { availableParallelism } from 'node:os';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import setup from 'virtual:carnet/social-cards';
import type { CardFormat } from '../utils/card-cache.ts';
import { CARD_SIZE, CARD_TYPES } from '../utils/card-render.ts';
import { renderCardReport, writeJournal } from '../utils/card-report.ts';
import type { Post } from '../utils/posts.ts';
import { postRouteParams, routePath } from '../utils/routes.ts';
import { absoluteUrl } from '../utils/urls.ts';
import { drawPostCard } from './card-drawing.ts';
import { getSocialImage, type SocialImage } from './images.ts';

/** Whether a post gets a generated card, as the `socialCards.posts` option says. */
export function hasSocialCard(post: Post): boolean {
	const { posts } = config.socialCards;
	return posts === 'all' || (posts === 'without-image' && !post.image);
}

/** PNG for text on flat colours, JPEG over a photo: the smaller file for each (README, Social cards). */
export function socialCardFormat(post: Post): CardFormat {
	return post.image ? 'jpg' : 'png';
}

/** The card's file in the output, next to the post's page: `posts/<slug>/social.png`. */
export function socialCardFile(post: Post): string {
	return decodeURI(socialCardPath(post, { ...project, base: '/' })).replace(/^\//, '');
}

function socialCardPath(post: Post, urls: typeof project): string {
	return routePath('socialCard', { ...postRouteParams(post, config.timeZone), format: socialCardFormat(post) }, urls);
}

/**
 * The image of a post's social previews (Open Graph, Twitter, JSON-LD, feeds): its generated card, else
 * the crop of its featured image, else none (pages then use the `socialImage` option).
 */
export async function getPostSocialImage(post: Post): Promise<SocialImage | undefined> {
	if (hasSocialCard(post)) {
		const emitted = emitCard(post);
		// On a thread of its own, the card must be in the cache before the page is done (utils/card-report.ts).
		if (renderCardReport(setup.journalDir).journal) await emitted;
		const path = socialCardPath(post, project);
		return { url: absoluteUrl(path, project) ?? path, ...CARD_SIZE, type: CARD_TYPES[socialCardFormat(post)], alt: post.title };
	}
	return post.image && getSocialImage(post.image, post.image.alt ?? post.title);
}

/**
 * Registers the card of every post in `posts` that has one, for the integration to ask for when the build
 * is done if the post's page did not (utils/card-report.ts): a page copied from Astro's incremental cache
 * is not rendered, and the build must write (and keep in the card cache) the same cards as one that
 * renders every page. A build that renders every page draws each card as before, while pages render.
 * On a thread that renders pages without the integration (Astro's `experimental.parallelPrerender`),
 * which cannot ask later, they are drawn, or found in the cache, before the paths are returned.
 */
export async function expectSocialCards(posts: readonly Post[]): Promise<void> {
	// Only incremental builds copy pages: in the others every page asks for its card as it renders.
	if (!project.incrementalBuild) return;
	const report = renderCardReport(setup.journalDir);
	const cards = posts.filter(hasSocialCard);
	if (report.journal) await Promise.all(cards.map(emitCard));
	else for (const post of cards) report.expected.set(socialCardFile(post), () => void emitCard(post));
}

/** The card's bytes, for the route that serves cards in `astro dev`. */
export async function renderPostCard(post: Post): Promise<{ bytes: Buffer; type: string }> {
	const { bytes, type } = await drawPostCard(post, socialCardFormat(post));
	return { bytes, type };
}

// Two cards in flight on two cores: while one is laid out (JavaScript, on Astro's thread), the other is
// rasterised and encoded on sharp's threads. More would only hold more images in memory.
const lanes: Promise<unknown>[] = Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, () => Promise.resolve());
let nextLane = 0;

/**
 * In a build, a card is written to the output when a page or a feed links to it: it is drawn (or found
 * in the cache) from then on while Astro renders the other pages, and the integration copies it into
 * place once the build is done (integration/social-cards.ts). A route per card would make Astro wait
 * for each card in turn, and cost a route per post on every warm build.
 */
function emitCard(post: Post): Promise<string> | undefined {
	if (project.showDrafts) return undefined;
	const report = renderCardReport(setup.journalDir);
	const file = socialCardFile(post);
	const known = report.pending.get(file);
	if (known) return known;
	const lane = nextLane++ % lanes.length;
	const drawn = (lanes[lane] as Promise<unknown>).then(() => drawPostCard(post, socialCardFormat(post)));
	lanes[lane] = drawn.catch(() => undefined);
	// The integration awaits it when the build is done, and fails the build with its error if any.
	const cached = drawn.then(({ file: cache, reused }) => {
		if (report.journal) writeJournal(report.journal, { card: file, cache, reused });
		return cache;
	});
	cached.catch(() => undefined);
	report.pending.set(file, cached);
	return cached;
}
