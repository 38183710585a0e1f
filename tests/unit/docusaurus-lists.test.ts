import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyDocusaurusLists, readDocusaurusLists } from '../../theme/integration/docusaurus-lists.ts';

function postsFolder(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'carnet-lists-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

describe("Docusaurus's authors.yml and tags.yml", () => {
	test('name the authors and tags a post gives by key, and leave other names as written', () => {
		const dir = postsFolder({
			'authors.yml': 'ada:\n  name: Ada Lovelace\n  email: ada@example.com\n  image_url: https://example.com/ada.png\ngrace:\n  title: No name\n',
			'tags.yml': 'hola:\nfacebook:\n  label: Facebook\n  permalink: /fb\n',
		});
		const lists = readDocusaurusLists(dir, dir);
		const data: Record<string, unknown> = { authors: ['ada', 'grace', 'Someone Else', { name: 'Inline' }], author: 'ada', tags: ['facebook', 'hola', 'other'] };
		applyDocusaurusLists(data, lists);
		expect(data).toEqual({
			authors: [{ name: 'Ada Lovelace', email: 'ada@example.com', image: 'https://example.com/ada.png' }, { name: 'grace', title: 'No name' }, 'Someone Else', { name: 'Inline' }],
			author: { name: 'Ada Lovelace', email: 'ada@example.com', image: 'https://example.com/ada.png' },
			tags: ['Facebook', 'hola', 'other'],
		});
	});

	test("read an author written as { key, … } as that key's entry, the fields written beside the key replacing the entry's", () => {
		const lists = readDocusaurusLists(postsFolder({ 'authors.yml': 'slorber:\n  name: Sébastien Lorber\n  title: Docusaurus maintainer\n  url: https://sebastienlorber.com\n  image_url: https://github.com/slorber.png\n' }), '/');
		const data: Record<string, unknown> = { authors: [{ key: 'slorber', title: 'Guest', image: '/images/seb.png' }, { key: 'nobody', name: 'No One' }], author: { key: 'slorber' } };
		applyDocusaurusLists(data, lists);
		expect(data).toEqual({
			authors: [{ name: 'Sébastien Lorber', title: 'Guest', url: 'https://sebastienlorber.com', image: '/images/seb.png' }, { key: 'nobody', name: 'No One' }],
			author: { name: 'Sébastien Lorber', title: 'Docusaurus maintainer', url: 'https://sebastienlorber.com', image: 'https://github.com/slorber.png' },
		});
	});

	test('are read from JSON too, and a folder with neither changes nothing', () => {
		const lists = readDocusaurusLists(postsFolder({ 'authors.json': '{ "ada": { "name": "Ada", "url": "https://ada.example.com" } }' }), '/');
		const data: Record<string, unknown> = { authors: 'ada' };
		applyDocusaurusLists(data, lists);
		expect(data.authors).toEqual({ name: 'Ada', url: 'https://ada.example.com' });
		expect(readDocusaurusLists(postsFolder({}), '/')).toBeUndefined();
	});

	test("stop the build with the file, line and field of an author's photo or profile that cannot be published", () => {
		const photo = postsFolder({ 'authors.yml': 'ada:\n  name: Ada\ngrace:\n  name: Grace\n  image_url: javascript:alert(1)\n' });
		expect(() => readDocusaurusLists(photo, photo)).toThrow(/^authors\.yml:5: grace\.image_url: expected an http\(s\) URL or a path in public\/ such as \/images\/ada\.png, but it is "javascript:alert\(1\)"\./);
		const social = postsFolder({ 'authors.yml': 'ada:\n  name: Ada\n  socials:\n    github: ada\n    myspace: ada\n' });
		expect(() => readDocusaurusLists(social, social)).toThrow(/^authors\.yml:1: ada\.socials\.myspace: Carnet knows no address for a handle on "myspace"/);
	});

	test('name every wrong entry and profile in one error, each with its line, not one per build', () => {
		const dir = postsFolder({
			'authors.yml': 'ada:\n  name: Ada\n  socials:\n    myspace: ada\n    friendster: ada\ngrace:\n  url: javascript:alert(1)\n',
			'tags.yml': 'facebook:\n  label: ""\n',
		});
		let message = '';
		try {
			readDocusaurusLists(dir, dir);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message.split('\n')).toEqual([
			"3 entries of Docusaurus's lists are wrong:",
			expect.stringMatching(/^- authors\.yml:1: ada\.socials\.myspace: .*myspace.*; ada\.socials\.friendster: .*friendster/),
			expect.stringMatching(/^- authors\.yml:7: grace\.url: expected an http\(s\): or mailto: URL/),
			expect.stringMatching(/^- tags\.yml:1: facebook\.label: /),
		]);
	});

	test('that are not valid YAML stop the build with the file and line', () => {
		const dir = postsFolder({ 'tags.yml': 'facebook:\n  label: [Facebook\n' });
		expect(() => readDocusaurusLists(dir, dir)).toThrow(/^tags\.yml:3: /);
	});

	test('change the digest every post key includes when either file changes', () => {
		const before = readDocusaurusLists(postsFolder({ 'authors.yml': 'ada:\n  name: Ada\n' }), '/')?.digest;
		const after = readDocusaurusLists(postsFolder({ 'authors.yml': 'ada:\n  name: Ada L.\n' }), '/')?.digest;
		expect(before).toBeDefined();
		expect(after).not.toBe(before);
	});
});

describe("Material for MkDocs' .authors.yml", () => {
	const material = 'authors:\n  squidfunk:\n    name: Martin Donath\n    description: Creator\n    avatar: https://github.com/squidfunk.png\n    url: https://github.com/squidfunk\n';

	test('names the authors a post gives by key, with their role, photo and address, when the file is in the folder above the posts', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'carnet-material-'));
		mkdirSync(path.join(root, 'docs/blog/posts'), { recursive: true });
		writeFileSync(path.join(root, 'docs/blog/.authors.yml'), material);
		const lists = readDocusaurusLists(path.join(root, 'docs/blog/posts'), root);
		const data: Record<string, unknown> = { authors: ['squidfunk', 'Someone Else'] };
		applyDocusaurusLists(data, lists);
		expect(data).toEqual({ authors: [{ name: 'Martin Donath', title: 'Creator', image: 'https://github.com/squidfunk.png', url: 'https://github.com/squidfunk' }, 'Someone Else'] });
	});

	test('is read at the top of the posts folder too', () => {
		const data: Record<string, unknown> = { authors: ['squidfunk'] };
		applyDocusaurusLists(data, readDocusaurusLists(postsFolder({ '.authors.yml': material }), '/'));
		expect(data.authors).toEqual([{ name: 'Martin Donath', title: 'Creator', image: 'https://github.com/squidfunk.png', url: 'https://github.com/squidfunk' }]);
	});

	test("stops the build at the line of the photo of an entry that cannot be published, naming the field, and at the entry's line when it is written on it", () => {
		const dir = postsFolder({ '.authors.yml': 'authors:\n  ada:\n    name: Ada\n  grace:\n    name: Grace\n    avatar: javascript:alert(1)\n' });
		expect(() => readDocusaurusLists(dir, dir)).toThrow(/^\.authors\.yml:6: grace\.avatar: expected an http\(s\) URL or a path in public\/ such as \/images\/ada\.png, but it is "javascript:alert\(1\)"\./);
		const inline = postsFolder({ '.authors.yml': 'authors:\n  ada:\n    name: Ada\n  grace: { name: Grace, url: "javascript:alert(1)" }\n' });
		expect(() => readDocusaurusLists(inline, inline)).toThrow(/^\.authors\.yml:4: grace\.url: /);
	});

	test('stops the build when authors holds a list, naming the line', () => {
		const dir = postsFolder({ '.authors.yml': '# Blog authors\nauthors:\n  - ada\n' });
		expect(() => readDocusaurusLists(dir, dir)).toThrow(/^\.authors\.yml:2: expected authors to hold keys, each with its entry \(squidfunk: \{ name: …, avatar: … \}\), but it holds a list\./);
	});
});

describe("the author files of git-based editors (Tina's content/authors/, Keystatic's src/content/authors/)", () => {
	test("name the author a post gives by the file's path or name, with the photo and address the file gives, and leave a photo that cannot be published out", () => {
		const root = mkdtempSync(path.join(tmpdir(), 'carnet-authors-'));
		mkdirSync(path.join(root, 'content/authors'), { recursive: true });
		mkdirSync(path.join(root, 'src/content/authors'), { recursive: true });
		mkdirSync(path.join(root, 'src/content/posts'), { recursive: true });
		writeFileSync(path.join(root, 'content/authors/napolean.md'), '---\nname: Napolean\navatar: /uploads/napolean.jpg\nwebsite: https://napolean.example.com\n---\nBio.\n');
		writeFileSync(path.join(root, 'src/content/authors/simon-swiss.yaml'), 'name: Simon Swiss\navatar: ../../assets/simon.png\n');
		writeFileSync(path.join(root, 'src/content/authors/ada.json'), '{ "title": "Ada Lovelace", "picture": "https://example.com/ada.png" }');
		const lists = readDocusaurusLists(path.join(root, 'src/content/posts'), root);
		const data: Record<string, unknown> = { author: 'content/authors/napolean.md', authors: ['simon-swiss', 'ada', 'johan-brolin'] };
		applyDocusaurusLists(data, lists);
		expect(data).toEqual({
			author: { name: 'Napolean', url: 'https://napolean.example.com', image: '/uploads/napolean.jpg' },
			authors: [{ name: 'Simon Swiss' }, { name: 'Ada Lovelace', image: 'https://example.com/ada.png' }, 'johan-brolin'],
		});
	});
});
