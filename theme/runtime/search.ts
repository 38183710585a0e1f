import config from 'virtual:carnet/config';
import { CARD_SIZES } from '../utils/images.ts';
import type { Post } from '../utils/posts.ts';
import { narrowestCandidate, searchAttributes, type PostSearchAttributes } from '../utils/search.ts';
import { getResponsiveImage } from './images.ts';

/**
 * The search attributes of a post page (utils/search.ts), or none when search is off. The thumbnail
 * is the card's narrowest WebP variant: asking for the card's own variants encodes nothing new.
 */
export async function getSearchAttributes(post: Post): Promise<PostSearchAttributes> {
	if (!config.search) return { article: {}, header: {} };
	const picture = post.image && (await getResponsiveImage(post.image, CARD_SIZES));
	// An SVG has no raster variants: the search result shows it as it is.
	const thumbnail = picture && (picture.webpSrcset ? narrowestCandidate(picture.webpSrcset) : picture.src);
	return searchAttributes(post, thumbnail);
}
