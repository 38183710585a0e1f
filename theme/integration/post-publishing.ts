import type { ParsedSource } from '../utils/front-matter.ts';
import { applyHugoCascades, type HugoCascades } from './hugo-cascade.ts';
import { applyDialects, emptyPasswordKey, isJekyllPost, readUnpublishedOptions } from './post-dialects.ts';

/** The front matter that holds a post back as a draft, as readUnpublishedOptions() found it. */
export type UnpublishedOption = NonNullable<ReturnType<typeof readUnpublishedOptions>>;

/**
 * Reads into the front matter `data` all that decides whether builds publish the post: what Hugo's section
 * files cascade to it, other engines' fields (applyDialects(): `Status: draft`, `published: false`, Jekyll's
 * `_drafts/`…) and the options that hold a post back (`private`, a password, `headless`, `build`…), which
 * make it a draft. heldBackReason() then decides, once dates are read. The posts loader and the references
 * that look a post up (shortcode-context.ts) both read a post with it, so that no link goes to a page the
 * build leaves out. Returns the option that held the post back, as written, and the key of an empty
 * password, which is found before passwords are removed from the data.
 */
export function readPublishing(
	data: Record<string, unknown>,
	source: ParsedSource,
	post: Parameters<typeof applyDialects>[2] & { cascades?: HugoCascades | undefined },
): { unpublished: UnpublishedOption | undefined; emptyPassword: string | undefined } {
	applyHugoCascades(data, post.displayPath, post.cascades);
	applyDialects(data, source, post);
	const emptyPassword = emptyPasswordKey(data);
	const unpublished = readUnpublishedOptions(data, { jekyll: isJekyllPost(post.displayPath, source.data), movedKeys: source.movedKeys });
	return { unpublished, emptyPassword };
}
