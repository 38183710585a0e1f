import { describe, expect, test } from 'vitest';
import { renderedPost } from '../helpers/post-html.ts';

describe("Material for MkDocs' icon shortcodes", () => {
	test('are left out of the page, its headings included, with one warning naming their lines and icons', async () => {
		const body = [
			'# Adding a :simple-materialformkdocs: badge',
			'',
			'Built with :material-language-python: and :fontawesome-brands-github:{ .heart } :tada:.',
			'',
			'- :octicons-file-code-16: `page.md` and `:material-account-circle:` in code',
			'',
			'```md',
			':material-account-circle:',
			'```',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('h1').text()).toBe('Adding a badge');
		expect($('p').first().text()).toBe('Built with and 🎉.');
		expect($('li').text()).toBe('page.md and :material-account-circle: in code');
		expect($('pre').text()).toContain(':material-account-circle:');
		expect(warnings.filter((warning) => warning.includes('icon'))).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: the Material for MkDocs icons :simple-materialformkdocs: (line 5), :material-language-python:, :fontawesome-brands-github: (line 7), :octicons-file-code-16: (line 9) are left out of the text: Carnet does not ship its icon sets, and the shortcode would be shown as written. To show them, replace each with an emoji (:rocket:) or an inline <svg> of the icon.",
			]
		`);
	});

	test("are left out of a post's title and description, with the same warning naming the field's line", async () => {
		const header = '---\ntitle: "Adding a :simple-materialformkdocs: badge"\ndate: 2024-01-01\ndescription: \':material-github: Sources, and `:octicons-x:` in code :fontawesome-brands-github:{ .heart }\'\n---\n';
		const { data, warnings } = await renderedPost('Body.\n', { header });
		expect([data.title, data.description]).toEqual(['Adding a badge', 'Sources, and :octicons-x: in code']);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:2: the Material for MkDocs icon :simple-materialformkdocs: (line 2) is left out of the title: Carnet does not ship its icon sets, and the shortcode would be shown as written. To show it, replace it with an emoji (:rocket:) or an inline <svg> of the icon.',
			'src/content/posts/_posts/2024-01-01-post.md:4: the Material for MkDocs icons :material-github:, :fontawesome-brands-github: (line 4) are left out of the description: Carnet does not ship its icon sets, and the shortcode would be shown as written. To show them, replace each with an emoji (:rocket:) or an inline <svg> of the icon.',
		]);
	});
});

describe("GitHub's emoji shortcodes in the front matter", () => {
	test("are the emoji in a post's title and description, as they are in its body, every output reading them from data", async () => {
		const header = '---\ntitle: "Shipped it :tada: at 12:30:45"\ndate: 2024-01-01\ndescription: \'Fixed :bug:s? No: fixed :bug: and `:rocket:` in code, see https://example.com/:rocket:/\'\n---\n';
		const { $, data, warnings } = await renderedPost('Shipped it :tada: at 12:30:45.\n', { header });
		expect($('p').text()).toBe('Shipped it 🎉 at 12:30:45.');
		expect([data.title, data.description]).toEqual(['Shipped it 🎉 at 12:30:45', 'Fixed :bug:s? No: fixed 🐛 and :rocket: in code, see https://example.com/:rocket:/']);
		expect(warnings).toEqual([]);
	});

	test('leave a name that is no emoji as written', async () => {
		const header = '---\ntitle: "Reading :custom: and std::vector"\ndate: 2024-01-01\n---\n';
		const { data } = await renderedPost('Body.\n', { header });
		expect(data.title).toBe('Reading :custom: and std::vector');
	});
});
