import { outsideCode, outsideCodeSpans } from './fences.ts';

// An inline Markdown link or image whose target is relative: `[the slides](./talk.pdf)`, `![](clip.mp4)`.
// The text holds no `[`, so that each attempt ends at the next bracket: thousands of `![` are read in one pass.
const LINK = /(!?)\[((?:[^[\]\\\n]|\\.){0,500})\]\(\s*(?:<([^<>\n]{1,500})>|([^\s()<>]{1,500}))(\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?\s*\)/g;
// What Astro publishes from beside a post (images), and what Carnet reads as posts: not attachments.
const PUBLISHED = /\.(?:png|jpe?g|gif|webp|avif|svg|tiff?|md|markdown|mdown|mkd|mkdn|mdwn|mdx|mdoc|markdoc)$/i;

export interface FileLinksResult {
	body: string;
	/** Links to files beside the post that the build does not publish, with their line (1 = the first of `body`). */
	files: { line: number; target: string; image: boolean }[];
}

/**
 * The links of a Markdown body to files beside the post that are neither images nor posts (`./talk.pdf`,
 * `./clip.mp4`, as a Hugo page bundle keeps them): the build publishes no such file, so each is reported.
 * An image written for one (`![penguins](./clip.mp4)`) becomes a link, which a page can show, where an image
 * of a video showed nothing. `isFile` says whether a target names a file beside the post. Code is left alone.
 */
export function linksToFiles(body: string, isFile: (target: string) => boolean): FileLinksResult {
	const files: FileLinksResult['files'] = [];
	if (!body.includes('](')) return { body, files };
	// Most bodies link to addresses and images only: the lines are read (and code found) for those that name such a file.
	const named = (target: string) => {
		const file = target.split(/[?#]/)[0] as string;
		return file !== '' && !/^(?:[a-z][\w+.-]*:|[/\\#])/i.test(target) && !PUBLISHED.test(file) && isFile(file);
	};
	if (![...body.matchAll(LINK)].some((match) => named(match[3] ?? match[4] ?? ''))) return { body, files };
	const read = outsideCode(body, /\]\(/, (line, index) =>
		line.includes('](')
			? outsideCodeSpans(line, (part) =>
					part.replace(LINK, (whole: string, bang: string, text: string, bracketed: string | undefined, bare: string | undefined, title: string | undefined) => {
						const target = bracketed ?? bare ?? '';
						const file = target.split(/[?#]/)[0] as string;
						if (!named(target)) return whole;
						files.push({ line: index + 1, target, image: bang === '!' });
						return bang === '!' ? `[${text || file.split('/').pop()}](${bracketed === undefined ? target : `<${target}>`}${title ?? ''})` : whole;
					}),
				)
			: line,
	);
	return { body: read, files };
}
