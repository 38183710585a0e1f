import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SVG_SCRIPT_PROBLEM, svgCanRunScript } from '../utils/image-files.ts';
import { userError } from './errors.ts';
import { postLocation, type PostFileContext } from './post-file.ts';

// A relative address of an SVG file in a Markdown body (`![](./chart.svg)`, `<img src="chart.svg">`, a
// shortcode's parameter): Astro publishes such a file as it is, beside the pages.
const SVG_REFERENCE = /(?<=^|[\s("'<=[])(?![/\\]|[a-z][\w+.-]*:)[^\s"'()<>\\[\]]+\.svg(?=[\s"'()<>?#\]]|$)/gim;

/**
 * Refuses a body that shows an SVG beside the post that could run a script when opened on its own, as
 * the featured image is refused (utils/image-files.ts). Checked on every build, cached body or not, since
 * the post's key does not cover the SVG's bytes.
 */
export async function checkBodySvgs(body: string, contents: string, context: Pick<PostFileContext, 'displayPath' | 'entryFile' | 'root'>): Promise<void> {
	if (!/\.svg/i.test(body)) return;
	const folder = path.dirname(context.entryFile);
	for (const reference of new Set(body.matchAll(SVG_REFERENCE).map(([match]) => match))) {
		let file: string;
		try {
			file = path.resolve(folder, decodeURIComponent(reference));
		} catch {
			continue;
		}
		// Astro itself refuses a path that leaves the project.
		const fromRoot = path.relative(context.root, file);
		if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) continue;
		let svg: string;
		try {
			svg = await readFile(file, 'utf8');
		} catch {
			continue;
		}
		if (!svgCanRunScript(svg)) continue;
		const line = contents.slice(0, Math.max(0, contents.indexOf(reference))).split('\n').length;
		throw userError(
			`${postLocation(context, line)}: the image '${reference}' (${fromRoot.split(path.sep).join('/')}) is ${SVG_SCRIPT_PROBLEM}.`,
			'Remove the script from the SVG, or export the image as PNG.',
			{ file: context.entryFile, line },
		);
	}
}
