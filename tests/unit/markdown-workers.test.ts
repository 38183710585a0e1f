import { availableParallelism } from 'node:os';
import { satteri } from '@astrojs/markdown-satteri';
import { afterEach, describe, expect, test } from 'vitest';
import { createTranslator } from '../../theme/i18n/index.ts';
import { bodyFeatures } from '../../theme/integration/body-features.ts';
import { BodyRenderer } from '../../theme/integration/markdown-workers.ts';

// The posts loader hands bodies to a BodyRenderer (integration/markdown-workers.ts), which renders the first
// few on the main thread, then starts a worker thread. These tests drive it with a real worker and count the
// bodies it gives back to the main thread (`renderHere`).

const { features } = bodyFeatures({ callouts: true, math: true, code: true, figures: true }, createTranslator('en'), 'prism');
const plugins = { features, transforms: { french: false, base: '/' } };

function loaderContext(infos: string[]) {
	return {
		config: {
			markdown: { processor: satteri(), syntaxHighlight: 'prism', shikiConfig: {}, gfm: true, smartypants: true },
			image: { domains: [], remotePatterns: [] },
		},
		logger: { info: (message: string) => infos.push(message), warn: (message: string) => infos.push(`WARN ${message}`) },
	} as never;
}

let renderer: BodyRenderer | undefined;
afterEach(async () => {
	await renderer?.close();
	renderer = undefined;
});

describe.skipIf(availableParallelism() < 2)('bodies rendered while the worker thread starts', () => {
	test('the main thread renders them itself beyond eight waiting on the starting worker, then the worker renders the rest', async () => {
		const infos: string[] = [];
		renderer = new BodyRenderer(loaderContext(infos), plugins);
		const onMain: number[] = [];
		const render = (index: number) =>
			(renderer as BodyRenderer).render(`/site/src/content/posts/post-${index}.md`, { title: `Post ${index}` }, `Body **${index}**.`, new Map(), async () => {
				onMain.push(index);
				return { html: `<p>main ${index}</p>`, metadata: { headings: [], imagePaths: [], frontmatter: {} } } as never;
			});
		// Thirty bodies at once: the worker cannot have started before the last is handed over.
		const first = await Promise.all(Array.from({ length: 30 }, (_, index) => render(index)));
		// The first eight of a build, then those beyond the eight waiting on the starting worker.
		expect(onMain).toEqual([...Array.from({ length: 8 }, (_, index) => index), ...Array.from({ length: 14 }, (_, index) => index + 16)]);
		for (const index of [8, 15]) {
			expect(first[index]?.rendered.html).toBe(`<p>Body <strong>${index}</strong>.</p>\n`);
			expect(first[index]?.wordCount).toBe(2);
		}
		// Started now (it rendered the eight): every body goes to it.
		const later = await Promise.all(Array.from({ length: 12 }, (_, index) => render(30 + index)));
		expect(onMain).toHaveLength(22);
		expect(later.map(({ rendered }) => rendered.html)).toEqual(Array.from({ length: 12 }, (_, index) => `<p>Body <strong>${30 + index}</strong>.</p>\n`));
		await renderer.close();
		renderer = undefined;
		expect(infos).toHaveLength(1);
		expect(infos[0]).toMatch(/^Rendered 42 post bodies, 20 of them on [1-3] worker threads?\.$/);
	});
});
