import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkContentConfig, withSiteLocale, withTitle } from '../../theme/integration/first-run.ts';
import { repoRoot } from '../helpers/sites.ts';

// A site as `npx astro add astro-theme-carnet` leaves it: carnet() with no options, no content config.
const root = path.join(repoRoot, 'tests/.sites/unit-first-run');
const rootUrl = pathToFileURL(`${root}/`);
const srcDir = new URL('src/', rootUrl);

beforeAll(() => {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(path.join(root, 'src'), { recursive: true });
	writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'my-notebook' }));
});

describe('carnet() without a title', () => {
	test("names the blog after the host of site, with one warning saying how to name it", () => {
		const warnings: string[] = [];
		expect(withTitle(undefined, { site: 'https://notes.example.org/blog/', root: rootUrl }, (message) => warnings.push(message))).toEqual({ title: 'notes.example.org' });
		expect(warnings).toEqual([`carnet() has no title, so the blog is called "notes.example.org". Name it in astro.config.mjs: integrations: [carnet({ title: 'My blog' })].`]);
	});

	test("without site, names it after the site's package", () => {
		expect(withTitle({ locale: 'fr' }, { site: undefined, root: rootUrl }, () => {})).toEqual({ locale: 'fr', title: 'my-notebook' });
	});

	test('leaves a title that is given alone, without a warning', () => {
		const warnings: string[] = [];
		expect(withTitle({ title: 'Mine' }, { site: undefined, root: rootUrl }, (message) => warnings.push(message))).toEqual({ title: 'Mine' });
		expect(warnings).toEqual([]);
	});
});

describe('a site without src/content.config.ts', () => {
	test('stops with the file to create and its lines', () => {
		const error = (() => {
			try {
				checkContentConfig({ srcDir, root: rootUrl }, 'posts');
			} catch (caught) {
				return caught as Error & { hint?: string };
			}
			throw new Error('expected an error');
		})();
		expect(`${error.message}\nHint: ${error.hint}`).toMatchInlineSnapshot(`
			"astro-theme-carnet reads the blog's posts from a content collection named "posts", and this site has no src/content.config.ts to declare it.
			Hint: Create src/content.config.ts with these lines:

			import { defineCollection } from 'astro:content';
			import { postsLoader } from 'astro-theme-carnet/loaders';
			import { postSchema } from 'astro-theme-carnet/schema';

			export const collections = {
				posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
			};

			and write your posts in src/content/posts/ (Markdown files with a title and a date)."
		`);
	});

	test("names the content config and the posts folder in the site's srcDir", () => {
		expect(() => checkContentConfig({ srcDir: new URL('app/', rootUrl), root: rootUrl }, 'posts')).toThrow(
			expect.objectContaining({ message: expect.stringContaining('no app/content.config.ts'), hint: expect.stringContaining('write your posts in app/content/posts/') }),
		);
	});

	test('passes once the file exists', () => {
		writeFileSync(path.join(root, 'src/content.config.ts'), '');
		expect(() => checkContentConfig({ srcDir, root: rootUrl }, 'posts')).not.toThrow();
	});
});

describe('carnet() given something else than an object of options', () => {
	test('errors with what it received and the object to write, where a title alone became one unknown option per letter', () => {
		const told = (input: unknown) => {
			try {
				withTitle(input as never, { site: undefined, root: new URL('file:///nowhere/') }, () => {});
			} catch (error) {
				return [(error as Error).message, (error as Error & { hint?: string }).hint];
			}
			return undefined;
		};
		expect(told('My blog')).toEqual(['carnet() takes its options as an object, received "My blog".', 'Write carnet({ title: "My blog" }) in astro.config.mjs.']);
		expect(told(['a'])?.[0]).toBe('carnet() takes its options as an object, received ["a"].');
		expect(told(undefined)).toBeUndefined();
	});
});

describe("Astro's i18n configuration", () => {
	const i18n = (config: Record<string, unknown>) => ({ i18n: { locales: ['fr', 'en'], defaultLocale: 'fr', routing: { prefixDefaultLocale: false }, ...config } }) as never;

	test("gives the blog its default locale when carnet() names none, and leaves a locale carnet() names", () => {
		const warnings: string[] = [];
		expect(withSiteLocale({ title: 'T' }, i18n({}), (message) => warnings.push(message))).toEqual({ title: 'T', locale: 'fr' });
		expect(withSiteLocale({ title: 'T', locale: 'en' }, i18n({}), (message) => warnings.push(message))).toEqual({ title: 'T', locale: 'en' });
		expect(withSiteLocale({ title: 'T' }, i18n({ locales: [{ path: 'french', codes: ['fr-CA', 'fr'] }, 'en'], defaultLocale: 'french' }), () => {})).toEqual({ title: 'T', locale: 'fr-CA' });
		expect(withSiteLocale({ title: 'T' }, { i18n: undefined }, () => {})).toEqual({ title: 'T' });
		expect(warnings).toEqual([]);
	});

	test('names i18n.defaultLocale in astro.config.mjs when its tag is not one, with the tag to write', () => {
		const told = (config: Record<string, unknown>) => {
			try {
				withSiteLocale({ title: 'T' }, i18n(config), () => {});
			} catch (error) {
				return (error as Error).message;
			}
			return undefined;
		};
		expect(told({ locales: ['es_ES', 'en'], defaultLocale: 'es_ES' })).toMatch(/^Invalid i18n\.defaultLocale in astro\.config\.mjs, which gives the blog its language \(carnet\(\) has no locale option\): .*write "es-ES", received "es_ES"\.$/);
		expect(told({ locales: [{ path: 'spanish', codes: ['es_ES'] }, 'en'], defaultLocale: 'spanish' })).toMatch(/^Invalid i18n\.locales\[0\]\.codes\[0\] in astro\.config\.mjs/);
		expect(told({ locales: ['es-ES', 'en'], defaultLocale: 'es-ES' })).toBeUndefined();
	});

	test('warns that prefixed addresses for the default locale are not where Carnet puts its pages', () => {
		const warnings: string[] = [];
		withSiteLocale({ title: 'T' }, i18n({ routing: { prefixDefaultLocale: true } }), (message) => warnings.push(message));
		expect(warnings).toEqual([expect.stringContaining('Set i18n.routing.prefixDefaultLocale to false')]);
	});
});
