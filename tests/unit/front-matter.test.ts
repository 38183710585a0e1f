import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FrontMatterSyntaxError, lineOfKey, parseFrontMatter } from '../../theme/utils/front-matter.ts';

/** The error parseFrontMatter() throws for `text`; a test fails if it throws none. */
function syntaxErrorOf(text: string): FrontMatterSyntaxError {
	try {
		parseFrontMatter(text);
	} catch (caught) {
		return caught as FrontMatterSyntaxError;
	}
	throw new Error('expected an error');
}

const referencePost = readFileSync(
	new URL('../../src/content/posts/externalisation-le-traitement-antistress-des-pme.md', import.meta.url),
	'utf8',
);

function syntaxError(source: string): FrontMatterSyntaxError {
	try {
		parseFrontMatter(source);
	} catch (error) {
		if (error instanceof FrontMatterSyntaxError) return error;
		throw error;
	}
	throw new Error('expected a syntax error');
}

describe('front matter of the reference post', () => {
	const parsed = parseFrontMatter(referencePost);

	test('repairs the title line and keeps all of its text', () => {
		expect(parsed.data.title).toBe('Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁');
	});

	test('reports the repair with its line, column and the corrected line', () => {
		expect(parsed.repairs).toEqual([
			{
				line: 2,
				column: 61,
				key: 'title',
				problem: 'text after the closing quote of "title"',
				fix: 'title: "Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁"',
			},
		]);
	});

	test('reads the other fields as written, dates as text', () => {
		expect(parsed.data).toMatchObject({
			subtitle: 'Lire la suite',
			date: '2024-02-03 00:00:00',
			featured_image: '/images/blog-01-atypique.jpg',
		});
		expect(parsed.data.description).toBe(
			"Les PME sont confrontées à des défis constants, notamment la pression pour réduire les coûts tout en restant compétitifs. L'externalisation est devenue une stratégie de plus en plus courante pour alléger ce fardeau. Dans cet article, nous explorons les avantages de l'externalisation pour les PME.",
		);
	});

	test('returns the body after the closing fence', () => {
		expect(parsed.body.trimStart().startsWith("-Avantages de l'Externalisation pour les PME :")).toBe(true);
	});
});

describe('front-matter repairs', () => {
	test('repairs single-quoted values and escapes quotes in the moved text', () => {
		const parsed = parseFrontMatter(`---\ntitle: 'It''s here' and "quoted" too\n---\nBody`);
		expect(parsed.data.title).toBe(`It's here and "quoted" too`);
		expect(parsed.repairs[0]?.fix).toBe(`title: 'It''s here and "quoted" too'`);
	});

	test('repairs several lines of the same shape', () => {
		const parsed = parseFrontMatter('---\ntitle: "A" 🚀\nsubtitle: "B" c "d"\n---\n');
		expect(parsed.data).toEqual({ title: 'A 🚀', subtitle: 'B c "d"' });
		expect(parsed.repairs.map((repair) => repair.line)).toEqual([2, 3]);
	});

	test('leaves valid front matter alone, comments after a quote included', () => {
		const parsed = parseFrontMatter('---\ntitle: "Fine" # a comment\ntags: [a, b]\n---\n');
		expect(parsed.data).toEqual({ title: 'Fine', tags: ['a', 'b'] });
		expect(parsed.repairs).toEqual([]);
	});

	test('treats a file without front matter as all body', () => {
		expect(parseFrontMatter('# Just text\n')).toMatchObject({ data: {}, body: '# Just text\n', repairs: [] });
	});
});

describe('front matter that cannot be repaired', () => {
	test('fails with the file line and column of the YAML error and a code frame', () => {
		const error = syntaxError('---\ntitle: Fine\ntags: a: b\ndate: 2024-01-01\n---\nBody\n');
		expect([error.line, error.column, error.reason]).toEqual([3, 8, 'bad indentation of a mapping entry']);
	});

	test('names the line where a quote or a bracket opens and is never closed, not the later line where YAML gives up, with the value to write', () => {
		const bracket = syntaxError('---\ntitle: Fine\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n');
		expect([bracket.line, bracket.column, bracket.reason, bracket.hint]).toEqual([3, 7, 'missed comma between flow collection entries: the bracket opened on line 3 is never closed', 'Close the bracket on line 3: tags: [a, b].']);
		const quote = syntaxError('---\ntitle: "Fresh broken\ndate: 2024-01-01\n---\nBody\n');
		expect([quote.line, quote.column, quote.hint]).toEqual([2, 8, 'Close the quote on line 2: title: "Fresh broken".']);
		expect(quote.reason).toMatch(/within a double quoted scalar.*: the quote opened on line 2 is never closed$/);
		// A quote closed on its line, before one that is not, is passed over.
		expect(syntaxError("---\ntitle: 'It''s fine'\nsubtitle: 'open\n---\n").line).toBe(3);
	});

	test('shows the lines around the error in a code frame', () => {
		const error = syntaxError('---\ntitle: Fine\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n');
		expect(error.frame).toMatchInlineSnapshot(`
			"  1 | ---
			  2 | title: Fine
			> 3 | tags: [a, b
			    |       ^
			  4 | date: 2024-01-01
			  5 | ---"
		`);
	});

	test('fails on an unquoted colon followed by a space inside a value', () => {
		const error = syntaxError('---\ntitle: Externalisation : le guide\ndate: 2024-01-01\n---\n');
		expect(error.line).toBe(2);
		expect(error.reason).toBe('bad indentation of a mapping entry');
	});

	test('names the line of a list item written without a space after its dash, and says to add one', () => {
		const error = syntaxError('---\ntitle: Uni\ntags:\n- vue\n-uniapp\n---\n\nBody.\n');
		expect([error.line, error.column, error.reason, error.hint]).toEqual([5, 1, 'can not read a block mapping entry; a multiline key may not be an implicit key', 'Put a space after the dash of a list item: write - uniapp, not -uniapp.']);
		expect(error.frame).toMatchInlineSnapshot(`
			"  3 | tags:
			  4 | - vue
			> 5 | -uniapp
			    | ^
			  6 | ---
			  7 | "
		`);
		const indented = syntaxError('---\ntitle: Uni\ntags:\n  - vue\n  -uniapp\n  - x\n---\n');
		expect([indented.line, indented.column, indented.hint]).toEqual([5, 3, 'Put a space after the dash of a list item: write - uniapp, not -uniapp.']);
	});

	test('fails when the front matter is never closed', () => {
		expect(syntaxError('---\ntitle: Open\n').reason).toContain('never closed');
	});
});

test('finds the file line of a front-matter key', () => {
	const parsed = parseFrontMatter('---\ntitle: A\ndate: 2024-01-01\n---\n');
	expect(lineOfKey(parsed, 'date')).toBe(3);
	expect(lineOfKey(parsed, 'missing')).toBeUndefined();
});

describe("Hexo's front matter without its opening ---", () => {
	test('is read up to its --- line, as hexo-front-matter reads it', () => {
		const parsed = parseFrontMatter('title: Tags\ndate: 2013-12-24 23:29:53\ntags:\n  - Foo\n  - Bar\n---\n\nBody.\n');
		expect(parsed.data).toMatchObject({ title: 'Tags', tags: ['Foo', 'Bar'] });
		expect([parsed.body, parsed.frontMatterLine, parsed.bodyLine]).toEqual(['\nBody.\n', 1, 7]);
	});

	test('is not read from a first paragraph followed by a rule, nor from lines that give no title or date', () => {
		for (const text of ['note: this is prose\n---\nBody.\n', 'Title: x\n---\n', 'title: A\ntext that is no field\n---\n']) expect(parseFrontMatter(text).body).toBe(text);
	});
});

describe('front matter that would exhaust memory', () => {
	// Nine levels of nine aliases: 9^9 (387 million) strings once expanded, from 700 bytes of YAML.
	const bomb = ['---', 'title: Laughs', 'date: 2024-01-01', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (const [name, previous] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((letter, index) => [letter, 'abcdefghi'[index]])) {
		bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
	}

	test('a YAML alias bomb is refused quickly, naming the key where it exceeds the limit', () => {
		const started = performance.now();
		const error = syntaxError(`${bomb.join('\n')}\n---\nBody\n`);
		expect(performance.now() - started).toBeLessThan(1000);
		expect([error.line, error.reason, error.hint]).toEqual([
			8,
			'the value of "e" repeats YAML aliases (*name) until the front matter holds more than 10,000 values',
			'An alias repeats the value defined with &name. Write the values out, or use fewer aliases.',
		]);
	});

	test('ten thousand tags written out are refused for their number, with no word of aliases', () => {
		const tags = Array.from({ length: 10_001 }, (_, index) => `"tag${index}"`).join(', ');
		const error = syntaxError(`---\ntitle: Tags\ndate: 2024-01-01\ntags: [${tags}]\n---\nBody\n`);
		expect([error.line, error.reason, error.hint]).toEqual([
			4,
			'the value of "tags" makes the front matter hold more than 10,000 values, more than Carnet reads in a post',
			"Keep the post's front matter under 10,000 values: a post's tags, authors and lists are a few dozen.",
		]);
	});

	test('a few aliases, as people use them to repeat a value, are read', () => {
		const parsed = parseFrontMatter('---\ntitle: &t Same\nsubtitle: *t\ntags: &tags [a, b]\nkeywords: *tags\n---\n');
		expect(parsed.data).toEqual({ title: 'Same', subtitle: 'Same', tags: ['a', 'b'], keywords: ['a', 'b'] });
	});

	test("merge keys (<<: *defaults) are applied, as Hugo's and Jekyll's YAML readers apply them, so that a draft merged in stays a draft", () => {
		const parsed = parseFrontMatter('---\ndefaults: &d\n  tags: [merged]\n  draft: true\ntitle: Merged\n<<: *d\ndate: 2024-01-01\n---\n');
		expect(parsed.data).toEqual({ defaults: { tags: ['merged'], draft: true }, title: 'Merged', tags: ['merged'], draft: true, date: '2024-01-01' });
		// A key written in the map wins over the merged one; "<<" quoted is a key like any other.
		expect(parseFrontMatter('---\nd: &d { draft: true }\ndraft: false\n<<: *d\n"<<": text\n---\n').data).toEqual({ d: { draft: true }, draft: false, '<<': 'text' });
	});

	test('nesting deep enough to overflow the parser is an error, not a crash', () => {
		const error = syntaxError(`---\ntitle: Deep\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`);
		expect([error.line, error.reason]).toEqual([3, 'nesting exceeded maxDepth (100)']);
	});
});

test('gives the line the body starts on', () => {
	expect(parseFrontMatter('---\ntitle: A\ndate: 2024-01-01\n---\nBody\n').bodyLine).toBe(5);
	expect(parseFrontMatter('No front matter\n').bodyLine).toBe(1);
});

describe('front matter indented with tabs', () => {
	test('is read as Hexo reads it, two spaces a tab, and the repair names the first such line', () => {
		const parsed = parseFrontMatter('---\ntitle: Tabs\ntags:\n\t- one\n\t- two\ncategories:\n\t- web\n---\nBody.\n');
		expect(parsed.data).toEqual({ title: 'Tabs', tags: ['one', 'two'], categories: ['web'] });
		expect(parsed.repairs).toEqual([
			{ line: 4, column: 1, key: '', problem: 'tabs indent this line and others, which YAML does not allow', reading: 'each tab is read as two spaces, as Hexo reads them', fix: '  - one' },
		]);
	});
});

describe('a YAML type front matter does not hold, and two byte-order marks', () => {
	test('says to remove the tag of !!binary, !!set or !!js/function', () => {
		for (const value of ['!!binary aGVsbG8=', '!!js/function "x"', '!!set {x}']) {
			const error = syntaxErrorOf(`---\ntitle: T\ncover: ${value}\n---\n`);
			expect({ line: error.line, hint: error.hint }, value).toEqual({
				line: 3,
				hint: 'Remove the tag (the word starting with "!" before the value): front matter holds text, numbers, dates, lists and maps, and Carnet reads no other YAML type.',
			});
		}
	});

	test('reads the front matter of a file that starts with two byte-order marks', () => {
		expect(parseFrontMatter('\uFEFF\uFEFF---\ntitle: T\n---\nBody\n').data).toEqual({ title: 'T' });
	});
});

describe('JSON front matter with a key written twice', () => {
	test('stops with the line of the second and of the first, as YAML and TOML do, and nested keys of the same name are no repeat', () => {
		const error = syntaxErrorOf('{\n  "title": "First",\n  "extra": { "title": "nested" },\n  "title": "Second"\n}\nBody\n');
		expect({ reason: error.reason, line: error.line, column: error.column }).toEqual({ reason: '"title" is written twice, first on line 2; JSON keeps only the last', line: 4, column: 3 });
		expect(parseFrontMatter('{\n  "title": "A \\"quoted\\" one",\n  "extra": { "title": "nested" }\n}\n').data.title).toBe('A "quoted" one');
	});
});

describe('a title YAML reads as a comment, and a key written twice', () => {
	test('reads "title: #FridayData" as the title written, with a repair that says why', () => {
		const parsed = parseFrontMatter('---\ntitle: #FridayData 2022-02-04  \ndate: 2022-02-04\n---\nBody.\n');
		expect(parsed.data.title).toBe('#FridayData 2022-02-04');
		expect(parsed.repairs).toEqual([
			{ line: 2, column: 8, key: 'title', problem: '"#FridayData 2022-02-04" after "title:", which YAML reads as a comment (so as no title)', reading: 'it is read as the title, as written', fix: 'title: "#FridayData 2022-02-04"' },
		]);
		// A title that is only a comment mark is not guessed at.
		expect(parseFrontMatter('---\ntitle: #\n---\n').data.title).toBeNull();
	});

	test('reads the last of two equal keys, as Hugo does, with a repair that names both lines', () => {
		// PaperMod's archetype, as Pages CMS keeps it: disableHLJS twice.
		const parsed = parseFrontMatter('---\ntitle: "FAQs"\ndisableHLJS: true # to disable highlightjs\ndisableShare: false\ndisableHLJS: false\nnested:\n  a: 1\n  a: 2\n---\nBody.\n');
		expect(parsed.data).toEqual({ title: 'FAQs', disableHLJS: false, disableShare: false, nested: { a: 2 } });
		expect(parsed.repairs).toEqual([
			{ line: 5, column: 1, key: 'disableHLJS', problem: '"disableHLJS" is written twice, on lines 3 and 5', reading: 'the last one, disableHLJS: false, is read, as Hugo and Jekyll read it', fix: 'disableHLJS: false', advice: 'keep one of the two lines (3 or 5).', readLine: 5 },
			{ line: 8, column: 1, key: 'a', problem: '"a" is written twice, on lines 7 and 8', reading: 'the last one, a: 2, is read, as Hugo and Jekyll read it', fix: 'a: 2', advice: 'keep one of the two lines (7 or 8).', readLine: 8 },
		]);
	});

	test('names a key written twice after a list written at its key\'s indent, as Jekyll and Hexo posts write tags, in LF and CRLF files', () => {
		const source = '---\ntitle: A\ntags:\n- x\n- name: y\n  url: z\ndate: 2024-01-01\ntitle: B\n---\nBody.\n';
		for (const file of [source, source.replaceAll('\n', '\r\n')]) {
			const parsed = parseFrontMatter(file);
			expect(parsed.data).toEqual({ title: 'B', tags: ['x', { name: 'y', url: 'z' }], date: '2024-01-01' });
			expect(parsed.repairs).toEqual([
				{ line: 8, column: 1, key: 'title', problem: '"title" is written twice, on lines 2 and 8', reading: 'the last one, title: B, is read, as Hugo and Jekyll read it', fix: 'title: B', advice: 'keep one of the two lines (2 or 8).', readLine: 8 },
			]);
		}
	});

	test('names a key written twice inside a list item', () => {
		const parsed = parseFrontMatter('---\nauthors:\n- name: A\n  links:\n  - x\n  name: B\n---\nBody.\n');
		expect(parsed.data).toEqual({ authors: [{ name: 'B', links: ['x'] }] });
		expect(parsed.repairs.map(({ line, problem }) => ({ line, problem }))).toEqual([{ line: 6, problem: '"name" is written twice, on lines 3 and 6' }]);
	});

	test('reads a flag that decides publication, written twice with values that disagree, at the value that holds the post back, in LF and CRLF files', () => {
		const source = '---\ntitle: A\ndraft: true\ntags:\n- x\npublished: no\ndraft: false\npublished: true\n---\nBody.\n';
		for (const file of [source, source.replaceAll('\n', '\r\n')]) {
			const parsed = parseFrontMatter(file);
			expect(parsed.data).toEqual({ title: 'A', draft: true, tags: ['x'], published: false });
			expect(parsed.repairs).toEqual([
				{ line: 7, column: 1, key: 'draft', problem: '"draft" is written twice, on lines 3 and 7, with values that disagree on whether the post is published', reading: 'the one that holds the post back, draft: true (line 3), is read, so that it is not published by mistake', fix: 'draft: true', advice: 'keep the line that says what you mean (3 or 7).', readLine: 3 },
				{ line: 8, column: 1, key: 'published', problem: '"published" is written twice, on lines 6 and 8, with values that disagree on whether the post is published', reading: 'the one that holds the post back, published: no (line 6), is read, so that it is not published by mistake', fix: 'published: no', advice: 'keep the line that says what you mean (6 or 8).', readLine: 6 },
			]);
		}
	});

	test('reads encrypted, encrypt, password, enc_pwd, publish and dg-publish written twice with values that disagree at the value that holds the post back, never showing the password', () => {
		const parsed = parseFrontMatter('---\ntitle: A\nencrypted: true\nencrypted: false\npassword: hunter8\npassword: ""\nencrypt: 1\nencrypt: 0\nenc_pwd: 123456\nenc_pwd:\npublish: false\npublish: true\ndg-publish: no\ndg-publish: yes\n---\nBody.\n');
		expect(parsed.data).toEqual({ title: 'A', encrypted: true, password: 'hunter8', encrypt: true, enc_pwd: 123456, publish: false, 'dg-publish': false });
		expect(parsed.repairs.map(({ line, problem, reading }) => `${line}: ${problem}; ${reading}`)).toEqual([
			'4: "encrypted" is written twice, on lines 3 and 4, with values that disagree on whether the post is published; the one that holds the post back, encrypted: true (line 3), is read, so that it is not published by mistake',
			'6: "password" is written twice, on lines 5 and 6, with values that disagree on whether the post is published; the one that holds the post back, password: … (line 5), is read, so that it is not published by mistake',
			'8: "encrypt" is written twice, on lines 7 and 8, with values that disagree on whether the post is published; the one that holds the post back, encrypt: 1 (line 7), is read, so that it is not published by mistake',
			'10: "enc_pwd" is written twice, on lines 9 and 10, with values that disagree on whether the post is published; the one that holds the post back, enc_pwd: … (line 9), is read, so that it is not published by mistake',
			'12: "publish" is written twice, on lines 11 and 12, with values that disagree on whether the post is published; the one that holds the post back, publish: false (line 11), is read, so that it is not published by mistake',
			'14: "dg-publish" is written twice, on lines 13 and 14, with values that disagree on whether the post is published; the one that holds the post back, dg-publish: no (line 13), is read, so that it is not published by mistake',
		]);
		expect(JSON.stringify(parseFrontMatter('---\npassword: first\npassword: second\n---\n').repairs)).not.toMatch(/first|second/);
	});

	test('reads draft written in two cases (draft, Draft, DRAFT), one key to Hugo, at the value that holds the post back, and leaves two that agree as they are', () => {
		const parsed = parseFrontMatter('---\ntitle: A\ndraft: false\nDraft: true\n---\nBody.\n');
		expect(parsed.data).toEqual({ title: 'A', draft: true });
		expect(parsed.repairs).toEqual([
			{ line: 4, column: 1, key: 'draft', problem: '"draft" is written twice, as draft on line 3 and Draft on line 4, which Hugo reads as one key, with values that disagree on whether the post is published', reading: 'the one that holds the post back, Draft: true (line 4), is read, so that it is not published by mistake', fix: 'Draft: true', advice: 'keep the line that says what you mean (3 or 4).', readLine: 4 },
		]);
		expect(parseFrontMatter('---\nDRAFT: yes\ndraft: no\n---\n').data).toEqual({ draft: true });
		// Hugo reads 1 as true: the flag read is true, which the schema takes, not the number.
		expect(parseFrontMatter('---\ndraft: false\nDraft: 1\n---\n').data).toEqual({ draft: true });
		expect(parseFrontMatter('---\nPassword: abc\npassword: ""\n---\n').data).toEqual({ password: 'abc' });
		expect(parseFrontMatter('---\ndraft: true\nDraft: true\n---\n')).toMatchObject({ data: { draft: true, Draft: true }, repairs: [] });
	});

	test('stops on a key written twice that its line does not show, at the line YAML names', () => {
		const error = syntaxErrorOf('---\ntitle: A\nsocial: { x: 1, x: 2 }\n---\nBody.\n');
		expect({ reason: error.reason, line: error.line, hint: error.hint }).toEqual({
			reason: 'duplicated mapping key',
			line: 3,
			hint: 'The key on this line is written earlier in the same mapping: keep one of the two.',
		});
	});

	test('reads a long front-matter line with a key written twice in well under a second', () => {
		const started = performance.now();
		const parsed = parseFrontMatter(`---\nt: ${'a '.repeat(50_000)}\nt:${' \t'.repeat(50_000)}b\n---\n`);
		expect(parsed.repairs.map(({ key }) => key)).toEqual(['t']);
		expect(performance.now() - started).toBeLessThan(500);
	});

	test('still stops on front matter with a key written twice that is otherwise invalid', () => {
		const error = syntaxErrorOf('---\ntitle: A\ntitle: B\ntags: [one, two\n---\nBody.\n');
		expect(error.reason).toMatch(/^unexpected end of the stream within a flow collection/);
	});
});

describe("Hugo's TOML front matter", () => {
	const toml = '+++\ntitle = "Hugo in TOML"\ndate = 2023-04-01T09:30:00\nexpiryDate = 2099-01-01\nupdated = 2023-04-02T10:00:00+02:00\ncategories = ["Migration", "Hugo"]\n+++\nBody.\n';

	test('reads the fields between +++ lines, dates as their text', () => {
		const parsed = parseFrontMatter(toml);
		expect(parsed.data).toEqual({
			title: 'Hugo in TOML',
			date: '2023-04-01T09:30:00.000',
			expiryDate: '2099-01-01',
			updated: '2023-04-02T10:00:00.000+02:00',
			categories: ['Migration', 'Hugo'],
		});
		expect(parsed.body).toBe('Body.\n');
		expect(parsed.bodyLine).toBe(8);
	});

	test('finds the file line of a TOML key', () => {
		expect(lineOfKey(parseFrontMatter(toml), 'categories')).toBe(6);
	});

	test('finds the file line of a TOML table and of an array of tables', () => {
		const parsed = parseFrontMatter('+++\ntitle = "Tables"\n[params]\nx = 1\n[params.more]\ny = 2\n[[resources]]\nsrc = "a.jpg"\n+++\nBody.\n');
		expect([lineOfKey(parsed, 'params'), lineOfKey(parsed, 'resources'), lineOfKey(parsed, 'title')]).toEqual([3, 7, 2]);
	});

	test('reads a file saved with Windows line ends (CRLF) as the same file with LF', () => {
		const parsed = parseFrontMatter(toml.replaceAll('\n', '\r\n'));
		expect(parsed.data).toEqual(parseFrontMatter(toml).data);
		expect(parsed.bodyLine).toBe(8);
		expect(lineOfKey(parsed, 'categories')).toBe(6);
	});

	test('reads a file saved with classic Mac OS line ends (lone CR), YAML or TOML, with its lines where they are', () => {
		const parsed = parseFrontMatter(toml.replaceAll('\n', '\r'));
		expect(parsed.data).toEqual(parseFrontMatter(toml).data);
		expect(parsed.body).toBe('Body.\n');
		expect(lineOfKey(parsed, 'categories')).toBe(6);
		const yaml = parseFrontMatter('---\rtitle: Lone CR\rdate: 2021-01-02\r---\rBody.\r');
		expect([yaml.data, yaml.body, yaml.bodyLine]).toEqual([{ title: 'Lone CR', date: '2021-01-02' }, 'Body.\n', 5]);
	});

	test('says that a quoted TOML value has no closing quote, and how to close it', () => {
		const error = syntaxErrorOf('+++\ndate = 2024-01-01\ntitle = "Unclosed\n+++\nBody\n');
		expect({ reason: error.reason, line: error.line, hint: error.hint }).toEqual({
			reason: 'the value on this line opens with " and has no closing " before the line ends',
			line: 3,
			hint: 'End the value with " on the same line (title = "My post"); text over several lines goes between """ and """.',
		});
		expect(syntaxErrorOf("+++\ntitle = 'x\ndate = 2024-01-01\n+++\n").reason).toBe("the value on this line opens with ' and has no closing ' before the line ends");
	});

	test('fails with the file line and a code frame on invalid TOML', () => {
		const error = syntaxErrorOf('+++\ntitle = "T"\ndate = 2024-02-03T10:00:00+99:99\n+++\n');
		expect({ reason: error.reason, line: error.line, language: error.language }).toEqual({ reason: 'invalid date', line: 3, language: 'TOML' });
		expect(error.frame).toContain('> 3 | date = 2024-02-03T10:00:00+99:99');
	});

	test('fails when the +++ front matter is never closed', () => {
		expect(() => parseFrontMatter('+++\ntitle = "T"\n')).toThrow('the front matter opened by "+++" on line 1 is never closed');
	});
});

describe("Hugo's JSON front matter", () => {
	const json = '{\n  "title": "Hugo in JSON",\n  "date": "2023-04-06",\n  "tags": ["json", "hugo"],\n  "params": { "x": { "y": 1 } }\n}\n\nBody.\n';

	test('reads the object that opens the file, up to the line that closes it', () => {
		const parsed = parseFrontMatter(json);
		expect(parsed.data).toEqual({ title: 'Hugo in JSON', date: '2023-04-06', tags: ['json', 'hugo'], params: { x: { y: 1 } } });
		expect(parsed.body).toBe('\nBody.\n');
		expect(parsed.bodyLine).toBe(7);
		expect(lineOfKey(parsed, 'tags')).toBe(4);
	});

	test('reads it with CRLF line ends, and on one line', () => {
		expect(parseFrontMatter(json.replaceAll('\n', '\r\n')).data).toEqual(parseFrontMatter(json).data);
		expect(parseFrontMatter('{"title": "One line", "date": "2023-04-06"}\nBody.\n')).toMatchObject({ data: { title: 'One line' }, body: 'Body.\n', bodyLine: 2 });
	});

	test('leaves a body that opens with an MDX expression or a brace in text alone', () => {
		expect(parseFrontMatter('{/* a comment */}\nBody.\n').data).toEqual({});
		expect(parseFrontMatter('{curly} text\n').data).toEqual({});
	});

	test('fails with the file line and a code frame on invalid JSON', () => {
		const error = syntaxErrorOf('{\n  "title": "T"\n  "date": "2024-02-03"\n}\nBody.\n');
		expect({ reason: error.reason, line: error.line, language: error.language }).toEqual({ reason: "Expected ',' or '}' after property value", line: 3, language: 'JSON' });
		expect(error.frame).toContain('> 3 |   "date": "2024-02-03"');
	});

	test('fails naming the place where JSON nests deeper than 100 levels, whose walk overflowed the stack, and shows that long line around the column', () => {
		const error = syntaxError(`{"title": "T", "extra":\n  ${'['.repeat(20_000)}${']'.repeat(20_000)}}\nBody.\n`);
		expect({ reason: error.reason, line: error.line, column: error.column }).toEqual({ reason: 'nesting exceeds 100 levels', line: 2, column: 102 });
		const [, marked = '', caret = ''] = error.frame.split('\n');
		expect(marked).toBe(`> 2 | …${'['.repeat(160)}…`);
		expect(marked[caret.indexOf('^')]).toBe('[');
		// Brackets in strings are text.
		expect(parseFrontMatter(`{"title": "${'['.repeat(200)}"}\nBody.\n`).data).toEqual({ title: '['.repeat(200) });
	});

	test('reports a typo in JSON front matter at once, however many lines of code in the body end in "}"', () => {
		// Each such line was a candidate end, parsed again from the start: two minutes for this post.
		const started = performance.now();
		const error = syntaxError(`{"title": "T" "date": "2024-01-01"\n}\n${'func() {\n  return x\n}\n'.repeat(20_000)}`);
		expect({ reason: error.reason, line: error.line }).toEqual({ reason: "Expected ',' or '}' after property value", line: 1 });
		expect(performance.now() - started).toBeLessThan(10_000);
	});

	test('a code frame shows a long line around the column, marking the cut', () => {
		const error = syntaxError(`{"title": "T",\n"x": "${'a'.repeat(600)}" oops}\nBody.\n`);
		const [, marked = '', caret = ''] = error.frame.split('\n');
		expect(marked.startsWith('> 2 | …')).toBe(true);
		expect(marked.length).toBeLessThan(200);
		expect(marked.slice(caret.indexOf('^'))).toBe('oops}');
	});
});

describe("Bear Blog's attributes", () => {
	test('end at their line of underscores, after a blank line or not, and give the slug, description and old address', () => {
		const bear = 'title: Prediction Markets\nlink: prediction-markets-distributed-computation\npublished_date: 2026-02-26\nmeta_description: They compute it.\nmeta_image: https://example.com/a.png\nalias: 2012/01/02/cool-post.html\n\n___\n\nThe body.\n\n___\n';
		const parsed = parseFrontMatter(bear);
		expect(parsed.data).toEqual({
			title: 'Prediction Markets',
			slug: 'prediction-markets-distributed-computation',
			published_date: '2026-02-26',
			description: 'They compute it.',
			meta_image: 'https://example.com/a.png',
			// From the site's root, as Bear reads it.
			aliases: '/2012/01/02/cool-post.html',
		});
		// The rule that ends the attributes is not the body's; one in the body is.
		expect({ body: parsed.body, bodyLine: parsed.bodyLine }).toEqual({ body: '\nThe body.\n\n___\n', bodyLine: 9 });
		expect(lineOfKey(parsed, 'slug')).toBe(2);
		expect(lineOfKey(parsed, 'description')).toBe(4);
		const tight = parseFrontMatter('title: Tight\nlink: tight-post\n___\nThe body.\n');
		expect({ data: tight.data, body: tight.body, bodyLine: tight.bodyLine }).toEqual({ data: { title: 'Tight', slug: 'tight-post' }, body: 'The body.\n', bodyLine: 4 });
	});

	test("keep Carnet's own field when both are written, and a Pelican post's link as written", () => {
		expect(parseFrontMatter('title: T\nslug: mine\nlink: bears\n___\nBody.\n').data).toEqual({ title: 'T', slug: 'mine', link: 'bears' });
		expect(parseFrontMatter('Title: T\nLink: https://example.com/\n\nBody.\n').data).toEqual({ title: 'T', link: 'https://example.com/' });
		// A Pelican post whose body opens with a rule keeps it, and its link.
		const pelican = parseFrontMatter('Title: T\nLink: https://example.org/original\n\n___\n\nBody.\n');
		expect([pelican.data, pelican.body]).toEqual([{ title: 'T', link: 'https://example.org/original' }, '___\n\nBody.\n']);
		expect(parseFrontMatter('title: T\nlink: https://example.org/x\n___\nBody.\n').data).toEqual({ title: 'T', link: 'https://example.org/x' });
	});
});

describe("Pelican's metadata lines", () => {
	// enriquerendon/blog_pelican_source, content/articles/first_post.md
	const pelican = 'Title: My First Blog Post\nAuthor: Enrique Rendon\nDate: 2019-10-4 12:10\nCategory: blogging\nTags: python, markdown, pelican\nSlug: my-first-blog-post\nSummary: A first post,\n    on two lines.\n\nBlog post content goes here\n';

	test('are the front matter, keys in lower case, up to the first blank line', () => {
		const parsed = parseFrontMatter(pelican);
		expect(parsed.data).toEqual({
			title: 'My First Blog Post',
			author: 'Enrique Rendon',
			date: '2019-10-4 12:10',
			category: 'blogging',
			tags: 'python, markdown, pelican',
			slug: 'my-first-blog-post',
			summary: 'A first post, on two lines.',
		});
		expect({ body: parsed.body, bodyLine: parsed.bodyLine, format: parsed.format }).toEqual({ body: 'Blog post content goes here\n', bodyLine: 10, format: 'metadata' });
		expect(lineOfKey(parsed, 'tags')).toBe(5);
	});

	test('are not read from a body that only opens with a line of that shape, or that has no title', () => {
		expect(parseFrontMatter('Note: this post has no front matter.\n\nText.\n').data).toEqual({});
		expect(parseFrontMatter('Title: A title\nThen a sentence.\n\nText.\n').data).toEqual({});
	});
});

describe("Pandoc's title block", () => {
	test('is the front matter: the title, the authors parted by semicolons, and the date', () => {
		const parsed = parseFrontMatter('% Title\n% Author One; Author Two\n% 2020-05-04\n\nBody text.\n');
		expect(parsed.data).toEqual({ title: 'Title', authors: ['Author One', 'Author Two'], date: '2020-05-04' });
		expect({ body: parsed.body, bodyLine: parsed.bodyLine, format: parsed.format }).toEqual({ body: '\nBody text.\n', bodyLine: 4, format: 'pandoc' });
		expect([lineOfKey(parsed, 'title'), lineOfKey(parsed, 'authors'), lineOfKey(parsed, 'date')]).toEqual([1, 2, 3]);
	});

	test('reads a title and authors continued on indented lines, and fields left empty with % alone', () => {
		// The examples of Pandoc's manual (Extension: pandoc_title_block).
		const continued = parseFrontMatter('% My title\n  on multiple lines\n% Author One\n  Author Two; Author Three\n% June 15, 2006\n\nText.\n');
		expect(continued.data).toEqual({ title: 'My title on multiple lines', authors: ['Author One', 'Author Two', 'Author Three'], date: 'June 15, 2006' });
		expect([continued.bodyLine, lineOfKey(continued, 'date')]).toEqual([6, 5]);
		expect(parseFrontMatter('%\n%\n% 2006-06-15\n\nText.\n').data).toEqual({ date: '2006-06-15' });
		expect(parseFrontMatter('% Just a title\n\nText.\n')).toMatchObject({ data: { title: 'Just a title' }, body: '\nText.\n', bodyLine: 2 });
	});

	test("is not read from a post that opens with an Obsidian comment or a percent sign in its text", () => {
		for (const text of ['%% A comment %%\n\nText.\n', '%matplotlib inline\n\nText.\n', '50% of it.\n']) expect(parseFrontMatter(text)).toMatchObject({ data: {}, body: text });
	});
});

describe("Frog's post header", () => {
	test('is the front matter, after one blank line or none, a key written without its space included', () => {
		// racket/racket-lang-org, blog/_src/posts: a header of four-space-indented lines, then a blank line.
		const parsed = parseFrontMatter('\n    Title:Submodules\n    Date: 2012-06-03T02:10:00\n    Tags: racket, macros\n\nBody text.\n');
		expect(parsed.data).toEqual({ title: 'Submodules', date: '2012-06-03T02:10:00', tags: 'racket, macros' });
		expect({ body: parsed.body, bodyLine: parsed.bodyLine, format: parsed.format }).toEqual({ body: 'Body text.\n', bodyLine: 6, format: 'metadata' });
		expect(lineOfKey(parsed, 'tags')).toBe(4);
	});

	test('is not read from a post that opens with an indented code block', () => {
		for (const code of ['    make build\n    make test\n\nText.\n', '    Note: an example\n\nText.\n', '    Title: Not Frog\n    echo hi\n\nText.\n', '    Date: 2012-06-03\n\nText.\n']) {
			expect(parseFrontMatter(code)).toMatchObject({ data: {}, body: code });
		}
	});
});

describe("Franklin.jl's @def lines", () => {
	// JuliaLang/www.julialang.org, blog/2024/05/starting-workgroups.md, with a date and tags added.
	const franklin = [
		'@def title = "So, You Want to Start a Julia Workgroup?"',
		'@def authors = "Hetarth Shah, George Datseris"',
		'<!--',
		'TODO: Add this last',
		'   - @def published = "3 May 2024"',
		'   -->',
		'@def rss = """How you can start your own',
		'Julia community workgroup."""',
		'@def rss_pubdate = Date(2024, 5, 3)',
		'@def tags = ["community", "julia \\"workgroups\\""]',
		'@def hascode = true',
		'',
		'## Introduction',
		'',
		'@def in the text is text.',
		'',
	].join('\n');

	test('are the front matter, with their Julia values, rss as the description and rss_pubdate as the date', () => {
		const parsed = parseFrontMatter(franklin);
		expect(parsed.data).toEqual({
			title: 'So, You Want to Start a Julia Workgroup?',
			authors: 'Hetarth Shah, George Datseris',
			description: 'How you can start your own\nJulia community workgroup.',
			date: '2024-05-03',
			tags: ['community', 'julia "workgroups"'],
			hascode: true,
		});
		expect({ bodyLine: parsed.bodyLine, body: parsed.body }).toEqual({ bodyLine: 13, body: '## Introduction\n\n@def in the text is text.\n' });
		expect([lineOfKey(parsed, 'title'), lineOfKey(parsed, 'tags'), lineOfKey(parsed, 'hascode')]).toEqual([1, 10, 11]);
	});

	test("are read from a +++ block whose Julia TOML refuses (rss_pubdate = Date(2024, 10, 04)), as Franklin's newer pages write them", () => {
		const page = ['+++', 'title = "Julia 1.11 Highlights"', 'authors = "Jeff, Ian"', 'rss = """What is new', 'in Julia 1.11."""', '# a note', 'rss_pubdate = Date(2024, 10, 04)', 'tags = ["release"]', '+++', '', 'Body.', ''].join('\n');
		const parsed = parseFrontMatter(page);
		expect(parsed.data).toEqual({ title: 'Julia 1.11 Highlights', authors: 'Jeff, Ian', description: 'What is new\nin Julia 1.11.', date: '2024-10-04', tags: ['release'] });
		expect({ bodyLine: parsed.bodyLine, body: parsed.body, format: parsed.format }).toEqual({ bodyLine: 10, body: '\nBody.\n', format: 'toml' });
		expect(lineOfKey(parsed, 'tags')).toBe(8);
		// TOML that is wrong otherwise is told as TOML.
		expect(() => parseFrontMatter('+++\ntitle = Julia\n+++\n')).toThrow(FrontMatterSyntaxError);
	});

	test('read a +++ block\'s vectors over several lines, escapes and DateTime as Julia does, and leave a value Carnet cannot read to TOML\'s error', () => {
		const page = ['+++', 'title = "DFT \\"done\\""', 'rss = "What\'s wrong? \\n --It\'s DFT."', 'rss_pubdate = DateTime(2022, 9, 28, 10, 5)', 'tags = ["julia",', '        "optimization"]', '+++', 'Body.'].join('\n');
		const parsed = parseFrontMatter(page);
		expect(parsed.data).toEqual({ title: 'DFT "done"', description: "What's wrong? \n --It's DFT.", date: '2022-09-28 10:05:00', tags: ['julia', 'optimization'] });
		expect(parsed.bodyLine).toBe(8);
		expect(() => parseFrontMatter('+++\ntitle = "Unclosed\nrss_pubdate = Date(2024, 1, 2)\n+++\n')).toThrow(FrontMatterSyntaxError);
		// A comment after a value, a vector of numbers and nothing, as Franklin's pages write them.
		expect(parseFrontMatter('+++\ntitle = "T" # the title\ndate = Date(2022, 9, 28)\nlevels = [2, 3]\nimage = nothing\n+++\n').data).toEqual({ title: 'T', date: '2022-09-28', levels: [2, 3], image: null });
	});

	test('refuse a +++ vector TOML and Julia cannot read in linear time, as TOML refuses it', () => {
		const items = Array.from({ length: 2000 }, (_, index) => `"t${index}"`).join('  ');
		const start = performance.now();
		expect(() => parseFrontMatter(`+++\ntitle = "J"\ndate = Date(2022, 9, 28)\ntags = [${items}; "z"\n+++\n`)).toThrow(FrontMatterSyntaxError);
		expect(performance.now() - start).toBeLessThan(2000);
	});

	test("read a +++ vector whose strings hold brackets, a number in Julia's e notation, and a vector of strings and numbers", () => {
		const page = '+++\ntitle = "Arrays"\ndate = Date(2024, 1, 2)\ntags = ["julia", "a[i]"]\ntolerance = 1e-3\nmixed = [1, "a", 2.5]\n+++\n';
		expect(parseFrontMatter(page).data).toEqual({ title: 'Arrays', date: '2024-01-02', tags: ['julia', 'a[i]'], tolerance: 0.001, mixed: [1, 'a', 2.5] });
	});

	test('read a @def line with a long run of spaces in linear time', () => {
		const start = performance.now();
		const parsed = parseFrontMatter(`@def title = "Franklin"${' '.repeat(100_000)}# a note\n@def date = Date(2026, 1, 2)${' '.repeat(100_000)}\n\nBody text.\n`);
		expect(performance.now() - start).toBeLessThan(1000);
		expect(parsed.data).toEqual({ title: 'Franklin', date: '2026-01-02' });
	});

	test('are not read from a body that does not open with one', () => {
		expect(parseFrontMatter('Text first.\n@def title = "x"\n').data).toEqual({});
	});
});
