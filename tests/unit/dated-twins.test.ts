import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findDatedTwins } from '../../theme/integration/dated-twins.ts';
import { preparePostFile, type PostFileContext } from '../../theme/integration/post-file.ts';
import { postFileContext } from '../helpers/post-html.ts';
import { repoRoot } from '../helpers/sites.ts';

const posts = (...names: string[]) => names.map((name) => `src/content/posts/${name}`);
const short = (displayPath: string) => displayPath.replace('src/content/posts/', '');
const twins = (names: string[], ask: Parameters<typeof findDatedTwins>[2] = {}) =>
	Object.fromEntries(
		[...findDatedTwins(posts(...names), 'en', ask)].map(([dated, { holder, heldBack, apart }]) => [short(dated), `${short(holder)}${heldBack ? ' (held back)' : ''}${apart ? ' (apart)' : ''}`]),
	);

describe('findDatedTwins', () => {
	test('names each later file of _posts/ named as another but for its date, with the earliest, whatever order the files are listed in', () => {
		const names = ['_posts/2018-10-23-welcome-to-jekyll.md', '_posts/2020-01-01-welcome-to-jekyll.markdown', '_posts/2016-03-07-welcome-to-jekyll.md', '_posts/2016-03-08-other.md'];
		const expected = { '_posts/2018-10-23-welcome-to-jekyll.md': '_posts/2016-03-07-welcome-to-jekyll.md', '_posts/2020-01-01-welcome-to-jekyll.markdown': '_posts/2016-03-07-welcome-to-jekyll.md' };
		expect(twins(names)).toEqual(expected);
		expect(twins([...names].reverse())).toEqual(expected);
	});

	test('compares names as addresses, across the whole posts folder: case, accents written in either Unicode form, and subfolders of _posts/', () => {
		expect(twins(['_posts/2019-05-01-Caf\u00e9.md', 'notes/_posts/2017-02-01-cafe\u0301.md', '_posts/2021/2021-01-01-CAFE.md'])).toEqual({
			'_posts/2019-05-01-Caf\u00e9.md': 'notes/_posts/2017-02-01-cafe\u0301.md',
			'_posts/2021/2021-01-01-CAFE.md': 'notes/_posts/2017-02-01-cafe\u0301.md',
		});
	});

	test('leaves out of its group a file whose front matter names its slug: the next earliest keeps the address without the date', () => {
		const names = ['_posts/2016-03-07-hello.md', '_posts/2018-10-23-hello.md', '_posts/2020-01-01-hello.md'];
		const ownsAddress = (displayPath: string) => displayPath.includes('2016-03-07');
		expect(twins(names, { ownsAddress })).toEqual({ '_posts/2020-01-01-hello.md': '_posts/2018-10-23-hello.md' });
		expect(twins(names.slice(0, 2), { ownsAddress })).toEqual({});
	});

	test('gives the address without the date to the earliest file that production builds publish, the held-back ones before it keeping their date', () => {
		const names = ['_posts/2016-03-07-hello.md', '_posts/2017-01-01-hello.md', '_posts/2018-10-23-hello.md', '_posts/2020-01-01-hello.md'];
		const asked: string[] = [];
		const heldBack = (displayPath: string) => (asked.push(short(displayPath)), /2016|2017|2020/.test(displayPath));
		expect(twins(names, { heldBack })).toEqual({
			'_posts/2016-03-07-hello.md': '_posts/2018-10-23-hello.md (held back)',
			'_posts/2017-01-01-hello.md': '_posts/2018-10-23-hello.md (held back)',
			'_posts/2020-01-01-hello.md': '_posts/2018-10-23-hello.md',
		});
		// Asked in order until the first that is published, and of names with a twin only.
		expect(asked).toEqual(['_posts/2016-03-07-hello.md', '_posts/2017-01-01-hello.md', '_posts/2018-10-23-hello.md']);
		// When none is published, the earliest keeps it.
		expect(twins(names.slice(0, 2), { heldBack: () => true })).toEqual({ '_posts/2017-01-01-hello.md': '_posts/2016-03-07-hello.md' });
	});

	test('under permalinks that hold the date, keeps the name without the date in the address of each file its date tells apart, and the date for those of one month', () => {
		const names = ['_posts/2023-01-05-hello.md', '_posts/2024-03-01-hello.md', '_posts/2024-03-20-hello.md'];
		const addressDate = (displayPath: string) => (/(\d{4})-(\d{2})/.exec(short(displayPath).slice('_posts/'.length)) ?? []).slice(1).join('/');
		expect(twins(names, { addressDate })).toEqual({
			'_posts/2024-03-01-hello.md': '_posts/2023-01-05-hello.md (apart)',
			'_posts/2024-03-20-hello.md': '_posts/2024-03-01-hello.md',
		});
		// The earliest held back: the published one has the id without the date, and each keeps its address.
		const heldBack = (displayPath: string) => displayPath.includes('2023-01-05');
		expect(twins(names, { addressDate, heldBack })).toEqual({
			'_posts/2023-01-05-hello.md': '_posts/2024-03-01-hello.md (held back) (apart)',
			'_posts/2024-03-20-hello.md': '_posts/2024-03-01-hello.md',
		});
	});

	test('orders dates by their numbers, unpadded ones too, and two of the same day by their paths', () => {
		expect(twins(['_posts/2016-03-10-x.md', '_posts/2016-3-7-x.md'])).toEqual({ '_posts/2016-03-10-x.md': '_posts/2016-3-7-x.md' });
		expect(twins(['_posts/b/2016-03-07-x.md', '_posts/a/2016-03-07-x.md'])).toEqual({ '_posts/b/2016-03-07-x.md': '_posts/a/2016-03-07-x.md' });
	});

	test('leaves alone files outside _posts/, whose dated names keep their date, and names without a date', () => {
		expect(twins(['2016-03-07-x.md', 'blog/2018-10-23-x.md', '_posts/x.md', '_posts/2016-03-07-y.md', 'y.md'])).toEqual({});
	});

	test('reads a name of 100 KB, and 2,000 names, in well under a second each', () => {
		const long = `_posts/2016-03-07-${'a-'.repeat(50_000)}.md`;
		let start = performance.now();
		expect(findDatedTwins(posts(long, long.replace('2016', '2017')), 'en').size).toBe(1);
		expect(performance.now() - start).toBeLessThan(500);
		const names = Array.from({ length: 2000 }, (_, index) => `_posts/20${String(10 + (index % 15))}-01-${String(1 + (index % 28)).padStart(2, '0')}-post-${index % 1000}.md`);
		start = performance.now();
		expect(findDatedTwins(posts(...names), 'en').size).toBe(1000);
		expect(performance.now() - start).toBeLessThan(500);
	});
});

describe('a later file of _posts/ named as an earlier one but for its date', () => {
	const root = path.join(repoRoot, 'tests/.sites/unit-dated-twins');
	const warnings: string[] = [];
	const context = (name: string, holder?: string, heldBack = false): PostFileContext =>
		postFileContext(root, `src/content/posts/${name}`, warnings, { datedTwin: holder === undefined ? undefined : { holder, heldBack } });
	const post = (frontMatter: string) => `---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2018-10-23 16:03:35 +0100\n${frontMatter}---\n\nBody.\n`;

	test('keeps its date in its address, with a warning naming both files, how to choose another address, and the slug that keeps it where it was before the earlier was published', async () => {
		warnings.length = 0;
		const later = await preparePostFile(post(''), context('_posts/2018-10-23-welcome-to-jekyll.md', 'src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md'));
		expect([later.id, (later.data.date as Date).toISOString()]).toEqual(['2018-10-23-welcome-to-jekyll', '2018-10-23T15:03:35.000Z']);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md: its address without the date, welcome-to-jekyll, is that of src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md, the earlier post of the same name, so it keeps its date in its address: 2018-10-23-welcome-to-jekyll, as Jekyll dates both. If this post had the address welcome-to-jekyll until src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md was published (a draft, published: false or not yet due until now), that address now shows the earlier post: to keep this one there, write slug: 2016-03-07-welcome-to-jekyll in the front matter of src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md. To choose its address, give it a slug field (slug: a-new-address) or rename the file; if it is a copy of the earlier post, delete it.',
		]);
		warnings.length = 0;
		expect((await preparePostFile(post(''), context('_posts/2018-10-23-welcome-to-jekyll.md'))).id).toBe('welcome-to-jekyll');
		expect(warnings).toEqual([]);
	});

	test('held back, before the later one production builds publish, keeps its date in its address, with a warning that says why and what publishing it would move', async () => {
		warnings.length = 0;
		const draft = await preparePostFile(
			'---\ntitle: Welcome\ndate: 2016-03-07\ndraft: true\n---\n\nBody.\n',
			context('_posts/2016-03-07-welcome-to-jekyll.md', 'src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md', true),
		);
		expect([draft.id, draft.hidden]).toEqual(['2016-03-07-welcome-to-jekyll', true]);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md: held back from production builds, it leaves its address without the date, welcome-to-jekyll, to src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md, the later post of the same name, which they publish, so it keeps its date in its address: 2016-03-07-welcome-to-jekyll, where astro dev shows it. Once it is published, it takes the address without the date and src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md moves to its dated one, where links to it would not follow: to keep that post where it is, give this one a slug field (slug: 2016-03-07-welcome-to-jekyll) or rename the file.',
		]);
	});

	test('keeps the slug its front matter gives it, with no warning', async () => {
		warnings.length = 0;
		const named = await preparePostFile(post('slug: welcome-again\n'), context('_posts/2018-10-23-welcome-to-jekyll.md', 'src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md'));
		expect(named.id).toBe('welcome-again');
		expect(warnings).toEqual([]);
	});
});
