import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { h, type HastElement, type HastNode } from '../../theme/markdown/hast.ts';
import { kramdownTables, pandocTables, unindentedTableRows, withTableFooter } from '../../theme/markdown/tables.ts';
import { tableCaptions } from '../../theme/markdown/table-captions.ts';
import { renderedPost } from '../helpers/post-html.ts';

/** Each table of a page: its header's, its body's and its footer's rows as their cells' text (no footer, none), and its columns' alignments. */
function tablesOf($: CheerioAPI): { head: string[][]; body: string[][]; foot?: string[][]; align: string[] }[] {
	const rows = (table: ReturnType<CheerioAPI>, part: string) => table.find(`${part} tr`).map((_, row) => [$(row).find('th, td').map((_, cell) => $(cell).text()).get()]).get() as string[][];
	return $('table')
		.map((_, element) => {
			const table = $(element);
			const align = table.find('thead th').map((_, cell) => /text-align: (\w+)/.exec($(cell).attr('style') ?? '')?.[1] ?? '').get();
			const foot = rows(table, 'tfoot');
			return { head: rows(table, 'thead'), body: rows(table, 'tbody'), ...(foot.length > 0 ? { foot } : {}), align };
		})
		.get();
}

describe("a table's indented rows", () => {
	test("are rows, as Hugo's Markdown Syntax Guide writes them; code after a blank line, and code blocks, stay", () => {
		const body = ['   Name | Age', '--------|------', '    Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```'].join('\n');
		expect(unindentedTableRows(body).split('\n')).toEqual(['   Name | Age', '--------|------', 'Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```']);
	});
});

describe("kramdown's tables", () => {
	test('get a delimiter row of their columns under the first row, with the alignments written, an empty row for a separator further down and a mark for the footer separator', () => {
		const body = ['|One|Two|Three|', '|-', '|Four|Five|Six|', '', '| a | b |', '|:--+--:|', '| 1 | 2 |', '|---|', '| 3 | 4 |', '|===|', '| f | g |'].join('\n');
		expect(kramdownTables(body).split('\n')).toEqual(['|One|Two|Three|', '|---|---|---|', '|Four|Five|Six|', '', '| a | b |', '|:---|---:|', '| 1 | 2 |', '| | |', '| 3 | 4 |', '|<!--carnet:tfoot-->| |', '| f | g |']);
	});

	test('with a footer separator (|===|) have the rows under it in a tfoot, as kramdown reads it, a GFM table too, with no empty row in its place', async () => {
		const gfm = ['| Item | Cost |', '|---|---:|', '| Tea | 2 |', '| Cake | 3 |', '|====|====|', '| Total | 5 |', '| VAT | 1 |', ''];
		const framed = ['|---+---|', '| Item | Cost |', '|---+--:|', '| Tea | 2 |', '| Cake | 3 |', '|===+===|', '| Total | 5 |', '|---+---|', '| VAT | 1 |', '|---+---|', ''];
		const headless = ['Costs:', '', '|---+---|', '| Tea | 2 |', '| Cake | 3 |', '|===+===|', '| Total | 5 |', '| VAT | 1 |', ''];
		const [head, body, foot] = [[['Item', 'Cost']], [['Tea', '2'], ['Cake', '3']], [['Total', '5'], ['VAT', '1']]];
		expect(tablesOf((await renderedPost(gfm.join('\n'))).$)).toEqual([{ head, body, foot, align: ['', 'right'] }]);
		expect(tablesOf((await renderedPost(framed.join('\n'))).$)).toEqual([{ head, body, foot, align: ['', 'right'] }]);
		expect(tablesOf((await renderedPost(headless.join('\n'))).$)).toEqual([{ head: [['', '']], body, foot, align: ['', ''] }]);
		// A table with no footer separator, or one whose row of equals signs is spaced as GFM writes cells, has no footer.
		const spaced = ['| a | b |', '|---|---|', '| = | == |', '| 1 | 2 |', ''];
		expect(tablesOf((await renderedPost(spaced.join('\n'))).$)).toEqual([{ head: [['a', 'b']], body: [['=', '=='], ['1', '2']], align: ['', ''] }]);
	});

	test('have their footer mark read as a comment node too, as a processor that parses raw HTML gives it', () => {
		const row = (first: HastNode) => h('tr', {}, [h('td', {}, [first]), h('td', {}, [])]);
		const table = h('table', {}, [h('tbody', {}, [row({ type: 'text', value: '1' }), row({ type: 'comment', value: 'carnet:tfoot' }), row({ type: 'text', value: 'T' })])]);
		const parts = withTableFooter(table).children as HastElement[];
		expect(parts.map((part) => [part.tagName, part.children.length])).toEqual([['tbody', 1], ['tfoot', 1]]);
		expect(withTableFooter(h('table', {}, [h('tbody', {}, [row({ type: 'comment', value: 'other' })])])).children[0]).toMatchObject({ tagName: 'tbody', children: [{ tagName: 'tr' }] });
	});

	test('without a header row get an empty one from the blank line above; GFM tables and code stay as written', () => {
		expect(kramdownTables('Rows:\n\n|-\n|Four|Five|Six|\n').split('\n')).toEqual(['Rows:', '| | | |', '|---|---|---|', '|Four|Five|Six|', '']);
		const gfm = '| a | b |\n|---|:-:|\n| 1 | `x|y` |\n| - | - |\n\n```\n|a|\n|-\n```\n';
		expect(kramdownTables(gfm)).toBe(gfm);
		// Under a list item, a quote or an HTML block, the blank line stays: the table would be taken in.
		for (const above of ['- item', '> quote', '<div>HTML</div>', '- item\n  more of the item', '> quote\nlazy line', '<iframe\n  src="x"></iframe>']) {
			const body = `${above}\n\n|-\n|a|b|\n`;
			expect(kramdownTables(body)).toBe(body);
		}
	});
});

describe("kramdown's tables, as a Jekyll post's page shows them", () => {
	test('a table that opens with a separator line at the top of the body has the row under it as its header, with the alignments of the separator below that', async () => {
		const table = ['|---+---|', '| Name | Value |', '|:-----|------:|', '| a | 1 |', '|===+===|', '| Total | 1 |'];
		expect(kramdownTables(table.join('\n')).split('\n')).toEqual(['', '| Name | Value |', '|:---|---:|', '| a | 1 |', '|<!--carnet:tfoot-->| |', '| Total | 1 |']);
		const { $ } = await renderedPost(`${table.join('\n')}\n`);
		expect($('p').length).toBe(0);
		expect(tablesOf($)).toEqual([{ head: [['Name', 'Value']], body: [['a', '1']], foot: [['Total', '1']], align: ['left', 'right'] }]);
	});

	test("jekyll-TeXt-theme's tables post: the row between the opening separator and the next is the header, a later separator an empty row, the rows under the footer separator the footer, the closing one nothing", async () => {
		// kitian616/jekyll-TeXt-theme, test/_posts/2016-06-10-tables.md (its first two tables and their sources).
		const post = [
			'## Align',
			'',
			'|-----------------+------------+-----------------+----------------|',
			'| Default aligned |Left aligned| Center aligned  | Right aligned  |',
			'|-----------------|:-----------|:---------------:|---------------:|',
			'| First body part |Second cell | Third cell      | fourth cell    |',
			'| Second line     |foo         | **strong**      | baz            |',
			'| Third line      |quux        | baz             | bar            |',
			'|-----------------+------------+-----------------+----------------|',
			'| Second body     |            |                 |                |',
			'| 2 line          |            |                 |                |',
			'|=================+============+=================+================|',
			'| Footer row      |            |                 |                |',
			'|-----------------+------------+-----------------+----------------|',
			'',
			'<!--more-->',
			'',
			'**markdown:**',
			'',
			'    |-----------------+------------+-----------------+----------------|',
			'    | Default aligned |Left aligned| Center aligned  | Right aligned  |',
			'    |=================+============+=================+================|',
			'',
			'---',
			'',
			'|---',
			'| Default aligned | Left aligned | Center aligned | Right aligned',
			'|-|:-|:-:|-:',
			'| First body part | Second cell | Third cell | fourth cell',
			'| Second line |foo | **strong** | baz',
			'| Third line |quux | baz | bar',
			'|---',
			'| Second body',
			'| 2 line',
			'|===',
			'| Footer row',
			'',
			'**markdown:**',
			'',
			'    |---',
			'    | Default aligned | Left aligned | Center aligned | Right aligned',
			'',
		].join('\n');
		const { $ } = await renderedPost(post);
		const head = [['Default aligned', 'Left aligned', 'Center aligned', 'Right aligned']];
		const body = [
			['First body part', 'Second cell', 'Third cell', 'fourth cell'],
			['Second line', 'foo', 'strong', 'baz'],
			['Third line', 'quux', 'baz', 'bar'],
			['', '', '', ''],
			['Second body', '', '', ''],
			['2 line', '', '', ''],
		];
		const foot = [['Footer row', '', '', '']];
		expect(tablesOf($)).toEqual([
			{ head, body, foot, align: ['', 'left', 'center', 'right'] },
			{ head, body, foot, align: ['', 'left', 'center', 'right'] },
		]);
		expect($('pre').map((_, code) => $(code).text().split('\n')[0]).get()).toEqual(['|-----------------+------------+-----------------+----------------|', '|---']);
		expect($('p').filter((_, paragraph) => $(paragraph).text().includes('|')).length).toBe(0);
	});
});

describe("kramdown's framed tables, in a paragraph's place, a list item and a quote", () => {
	test('a framed header with no row under it is a paragraph of its lines, as kramdown ignores a table without a body', async () => {
		const shown = [
			[['|---|---|', '| Name | Value |', '|---|---|'], '|—|—|\n| Name | Value |\n|—|—|'],
			[['|-----|', '| box |', '|-----|'], '|—–|\n| box |\n|—–|'],
		] as const;
		for (const [table, text] of shown) {
			const { $ } = await renderedPost(`Text.\n\n${table.join('\n')}\n\nAfter.\n`);
			expect($('table').length).toBe(0);
			expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Text.', text, 'After.']);
		}
	});

	test('separator lines with no row are a paragraph of their lines, as kramdown ignores a table without a body, at the top of a block and opening a list item', async () => {
		for (const post of [['Text.', '', '|---|---|', '', 'After.', ''], ['Text.', '', '|---|---|', '|===|===|', '', 'After.', ''], ['Text.', '', '- |---|', '- |a', '']]) {
			const { $, warnings } = await renderedPost(post.join('\n'));
			expect($('table').length, post[2]).toBe(0);
			expect($.root().text(), post[2]).toContain('|—|');
			expect(warnings).toEqual([]);
			expect(kramdownTables(post.join('\n'))).toBe(post.join('\n'));
		}
	});

	test('a framed header with no row under it is warned about with its line and how to make it a table; an ASCII box of one cell, prose with pipes and tables are not', async () => {
		const { warnings } = await renderedPost(['Text.', '', '|---|---|', '| Name | Value |', '|---|---|', '', 'After.', ''].join('\n'));
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:8: the table row | Name | Value | between two separator lines, with no rows under them, is shown as a paragraph of its lines, as kramdown shows a table with a header and no body. To show a table, add its rows under the second separator line, or remove the first one to make the row a header.',
		]);
		const quiet = ['|-----|', '| box |', '|-----|', '', 'Either a | b or c | d, as | pipes go.', '', '|---|---|', '| a | b |', '|---|---|', '| 1 | 2 |', '', '| x | y |', '|---|---|', ''];
		expect((await renderedPost(quiet.join('\n'))).warnings).toEqual([]);
	});

	test('a framed table in a list item is a table of that item, its rewritten lines indented as its rows are', async () => {
		const { $ } = await renderedPost(['1. Step one:', '', '   |---|---|', '   | a | b |', '   |---|---|', '   | 1 | 2 |', '   |---|---|', '', '2. Step two', ''].join('\n'));
		expect(tablesOf($)).toEqual([{ head: [['a', 'b']], body: [['1', '2']], align: ['', ''] }]);
		expect($('ol > li').first().find('table').length).toBe(1);
		expect($('p').filter((_, paragraph) => $(paragraph).text().includes('|')).length).toBe(0);
	});

	test('a framed table in a nested list item or a quote is read there, with its alignments; indented code stays code', async () => {
		const framed = ['|---+---|', '| a | b |', '|:--|--:|', '| 1 | 2 |', '|---+---|'];
		const nested = ['- Outer', '  - Inner:', '', ...framed.map((line) => `    ${line}`), '', '  Back in the outer item.', ''];
		const quoted = ['> Quoted:', '>', ...framed.map((line) => `> ${line}`), ''];
		const table = { head: [['a', 'b']], body: [['1', '2']], align: ['left', 'right'] };
		for (const post of [nested, quoted]) {
			const { $ } = await renderedPost(post.join('\n'));
			expect(tablesOf($)).toEqual([table]);
			expect($('p').filter((_, paragraph) => $(paragraph).text().includes('|')).length).toBe(0);
		}
		expect((await renderedPost(quoted.join('\n'))).$('blockquote table').length).toBe(1);
		const code = ['Text.', '', ...framed.map((line) => `    ${line}`), ''].join('\n');
		expect((await renderedPost(code)).$('pre').text()).toBe(framed.join('\n'));
		expect(kramdownTables(code)).toBe(code);
	});

	test('a table that opens with its separator line, with no header, in a quote, a list item, a nested item or a quote in an item, gets its empty header row there', async () => {
		const table = ['|---|---|', '| 1 | 2 |', '| 3 | 4 |'];
		const posts = [
			['> Quoted:', '>', ...table.map((line) => `> ${line}`), '', 'After.'],
			['> > Deeper:', '> >', ...table.map((line) => `> > ${line}`), ''],
			['1. Step:', '', ...table.map((line) => `   ${line}`), '', '2. Next.'],
			['- Outer', '  - Inner:', '', ...table.map((line) => `    ${line}`), ''],
			['> - Item:', '>', ...table.map((line) => `>   ${line}`), ''],
		];
		for (const post of posts) {
			const { $ } = await renderedPost(post.join('\n'));
			expect(tablesOf($), post[0]).toEqual([{ head: [['', '']], body: [['1', '2'], ['3', '4']], align: ['', ''] }]);
			expect($('p').filter((_, paragraph) => $(paragraph).text().includes('|')).length, post[0]).toBe(0);
		}
		expect(kramdownTables(posts[0]!.join('\n')).split('\n').slice(1, 5)).toEqual(['> | | |', '> |---|---|', '> | 1 | 2 |', '> | 3 | 4 |']);
		expect((await renderedPost((posts[0] as string[]).join('\n'))).$('blockquote table').length).toBe(1);
		expect((await renderedPost((posts[2] as string[]).join('\n'))).$('ol > li').first().find('table').length).toBe(1);
		// The blank line after a nested item's text, or after the quote, stays: the header row would join the wrong block.
		for (const kept of [['- Outer', '  - Inner', '', ...table.map((line) => `  ${line}`), ''], ['> Quote', '', ...table.map((line) => `> ${line}`), '']]) {
			expect(kramdownTables(kept.join('\n'))).toBe(kept.join('\n'));
		}
	});

	test('a table that opens a quote or a list item with its separator line, with no header, is a table there, its header row on the blank line above with the quote markers or the marker', async () => {
		const table = ['|---|---|', '| 1 | 2 |', '| 3 | 4 |'];
		const posts = [
			['Intro.', '', ...table.map((line) => `> ${line}`), '', 'After.'],
			['Intro.', '', ...table.map((line, index) => `${index === 0 ? '-' : ' '} ${line}`), ''],
			['# Heading', '', ...table.map((line, index) => `${index === 0 ? '1.' : '  '} ${line}`), '2. Next.', ''],
			['> Quoted:', '>', ...table.map((line) => `> > ${line}`), ''],
			['> Quoted:', '>', ...table.map((line, index) => `> ${index === 0 ? '-' : ' '} ${line}`), ''],
		];
		for (const post of posts) {
			const { $ } = await renderedPost(post.join('\n'));
			expect(tablesOf($), post[2]).toEqual([{ head: [['', '']], body: [['1', '2'], ['3', '4']], align: ['', ''] }]);
			expect($('p').filter((_, paragraph) => $(paragraph).text().includes('|')).length, post[2]).toBe(0);
		}
		expect((await renderedPost((posts[0] as string[]).join('\n'))).$('blockquote table').length).toBe(1);
		expect((await renderedPost((posts[1] as string[]).join('\n'))).$('ul > li table').length).toBe(1);
		expect((await renderedPost((posts[2] as string[]).join('\n'))).$('ol > li').first().find('table').length).toBe(1);
		expect(kramdownTables((posts[1] as string[]).join('\n')).split('\n')).toEqual(['Intro.', '- | | |', '  |---|---|', '  | 1 | 2 |', '  | 3 | 4 |', '']);
		// A second quote or a later item would join the quote or the item above, or make the list tight.
		for (const kept of [['> Quote', '', ...table.map((line) => `> ${line}`), ''], ['- Item', '', ...table.map((line, index) => `${index === 0 ? '-' : ' '} ${line}`), '']]) {
			expect(kramdownTables(kept.join('\n'))).toBe(kept.join('\n'));
		}
	});
});

describe("kramdown's table lines where Markdown does not read them", () => {
	const framed = ['|---|---|', '| Name | Value |', '|---|---|'];
	const footed = ['|---|---|', '| a | b |', '| c | d |', '|===|===|', '| t | u |'];

	test('in a <pre>, an HTML comment or a $$ formula are shown as written, with no warning', async () => {
		const post = ['An ASCII table:', '', '<pre>', ...framed, '</pre>', '', '<!--', ...framed, '-->', '', '<pre>', ...footed, '</pre>', '', '$$', '\\begin{array}{c}', ...framed, '\\end{array}', '$$', '', 'Done.', ''];
		const { $, warnings } = await renderedPost(post.join('\n'));
		expect(warnings).toEqual([]);
		expect($('pre').map((_, pre) => $(pre).text()).get()).toEqual([`${framed.join('\n')}\n`, `${footed.join('\n')}\n`]);
		expect($.html()).toContain(`<!--\n${framed.join('\n')}\n-->`);
		expect($('annotation').text()).toBe(['\\begin{array}{c}', ...framed, '\\end{array}'].join('\n'));
		expect($('table').length).toBe(0);
	});

	test('in a <div markdown="1">, whose content kramdown reads as Markdown, are a table; one under a $$ formula gets its header row from the blank line between', async () => {
		const inDiv = ['Text.', '', '<div markdown="1">', '|---|---|', '| a | b |', '|---|---|', '| 1 | 2 |', '|---|---|', '</div>', '', 'After.', ''];
		expect(tablesOf((await renderedPost(inDiv.join('\n'))).$)).toEqual([{ head: [['a', 'b']], body: [['1', '2']], align: ['', ''] }]);
		const underMath = ['Text.', '', '$$', 'x', '$$', '', '|---|---|', '| 1 | 2 |', ''];
		expect(tablesOf((await renderedPost(underMath.join('\n'))).$)).toEqual([{ head: [['', '']], body: [['1', '2']], align: ['', ''] }]);
	});

	test('in a <pre> or a $$ formula are left as written by the rewrite, footer separators and GFM tables too', () => {
		const gfm = ['| a | b |', '|---|---|', '| 1 | 2 |', '|===|===|', '| t | u |'];
		for (const lines of [framed, footed, gfm]) {
			for (const post of [['<pre>', ...lines, '</pre>', ''], ['> <pre>', ...lines.map((line) => `> ${line}`), '> </pre>', ''], ['$$', ...lines, '$$', '']]) {
				expect(kramdownTables(post.join('\n'), () => {}, { math: true })).toBe(post.join('\n'));
			}
		}
	});

	test('in a <pre> are left as written in a post that has a line of thousands of links', () => {
		const post = ['<pre>', ...framed, '</pre>', '', '[a](#b) '.repeat(2_001), ''].join('\n');
		expect(kramdownTables(post)).toBe(post);
	});
});

describe("kramdown's tables, hostile", () => {
	test('thousands of header-less tables are read within the test timeout', () => {
		const started = performance.now();
		kramdownTables('Text.\n\n|-\n|a|b|\n\n'.repeat(5_000));
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe("Pandoc's multiline and grid tables", () => {
	test('a multiline table becomes a GFM table, a cell over two lines on one, and its lines keep their count', () => {
		const table = ['Before.', '', '  -----------------------------------', '  Column   Type        Description', '  -------- ----------- --------------', '  id       BigAuto     PRIMARY KEY', '', '  email    EmailField  UNIQUE EMAIL', '                       ADDRESS', '  -----------------------------------', '', 'After.'];
		const read = pandocTables(table.join('\n')).split('\n');
		expect(read).toHaveLength(table.length);
		expect(read.slice(2, 6)).toEqual(['  | Column | Type | Description |', '  | --- | --- | --- |', '  | id | BigAuto | PRIMARY KEY |', '  | email | EmailField | UNIQUE EMAIL ADDRESS |']);
		expect(read.slice(6, 10).every((line) => line === '')).toBe(true);
		expect(read.at(-1)).toBe('After.');
	});

	test('a grid table becomes a GFM table, its header above the = border and the lines of a cell joined, a pipe escaped once', () => {
		const grid = ['+---------+--------------------+', '| Fruit   | Advantages         |', '+=========+====================+', '| Bananas | - built-in wrapper |', '|         | - a | pipe \\| too |', '+---------+--------------------+'];
		expect(pandocTables(grid.join('\n')).split('\n').slice(0, 3)).toEqual(['| Fruit | Advantages |', '| --- | --- |', '| Bananas | - built-in wrapper - a \\| pipe \\| too |']);
	});

	test('a simple table becomes a GFM table; a paragraph over a rule of dash groups, or a header with an empty column, stays', () => {
		const simple = ['Text.', '', '  Right     Left     Center', '-------     ------ ----------', '     12     12        12', '    123     123       123', '', 'Table: Demonstration.'];
		expect(pandocTables(simple.join('\n')).split('\n').slice(2, 6)).toEqual(['| Right | Left | Center |', '| --- | --- | --- |', '| 12 | 12 | 12 |', '| 123 | 123 | 123 |']);
		for (const body of ['Some text\nover lines\n--- ---\nmore\n', '\nOne      \n---- ----\nrow  row\n']) expect(pandocTables(body)).toBe(body);
	});

	test('rules, headings underlined with dashes, fenced tables and grid lines that make no table stay as written', () => {
		for (const body of ['Text.\n\n---\n\nMore text.\n\n---\n', 'A heading\n-------------\n\nText.\n', '```\n+---+---+\n| a | b |\n+---+---+\n```', '+---+---+\n| a | b |\nno border']) {
			expect(pandocTables(body)).toBe(body);
		}
	});

	test('thousands of rules and grid borders are read within the test timeout', () => {
		for (const unit of ['---\n\n', '+---+---+\n', '  -----\n  -- --\n\n', '\na b\n-- --\n', 'a b\n-- --\n']) {
			const body = unit.repeat(50_000);
			const started = performance.now();
			pandocTables(body);
			expect(performance.now() - started, JSON.stringify(unit)).toBeLessThan(5_000);
		}
	});
});

describe("Pandoc's table captions", () => {
	test('are the <caption> of the table they precede or, when it has none, of the one they follow, where they were shown as text or a definition', async () => {
		const body = [
			'| Right | Left |',
			'|------:|:-----|',
			'|   12  |  12  |',
			'',
			'  : Demonstration of pipe table syntax.',
			'',
			'  Right     Left',
			'-------     ------',
			'     12     12',
			'',
			'Table: This is the *simple*',
			'table caption.',
			'',
			'-------------------------------',
			' Centered   Right',
			'  Header    Aligned',
			'----------- -------',
			'   First       12.0',
			'   row',
			'-------------------------------',
			'',
			'Table: Multiline.',
			'',
			': Sample grid table.',
			'',
			'+-------+-------+',
			'| Fruit | Price |',
			'+=======+=======+',
			'| Kiwis | $2.10 |',
			'+-------+-------+',
			'',
			'Table: Front.',
			'| Fruit | Price |',
			'|-------|-------|',
			'| Bananas | $1.34 |',
			'',
			'Table: a paragraph | with a pipe, as the table above has a caption.',
			'',
			'## Letters',
			'',
			'| a | b |',
			'|---|---|',
			'| 1 | 2 |',
			': Letters {#tbl-letters}',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('caption').map((_, caption) => $(caption).html()).get()).toEqual(['Demonstration of pipe table syntax.', 'This is the <em>simple</em>\ntable caption.', 'Multiline.', 'Sample grid table.', 'Front.', 'Letters']);
		expect($('table').map((_, table) => $(table).children().first().prop('tagName')).get()).toEqual(Array(6).fill('CAPTION'));
		expect(tablesOf($).map(({ head, body }) => [...head, ...body])).toEqual([
			[['Right', 'Left'], ['12', '12']],
			[['Right', 'Left'], ['12', '12']],
			[['Centered Header', 'Right Aligned'], ['First row', '12.0']],
			[['Fruit', 'Price'], ['Kiwis', '$2.10']],
			[['Fruit', 'Price'], ['Bananas', '$1.34']],
			[['a', 'b'], ['1', '2']],
		]);
		expect($('table').last().attr('id')).toBe('tbl-letters');
		expect($('dl, dt, dd').length).toBe(0);
		expect($('p').map((_, p) => $(p).html()).get()).toEqual(['Table: a paragraph | with a pipe, as the table above has a caption.']);
		expect(warnings).toEqual([]);
	});

	test('keep the lines of the post after them in place', () => {
		const body = 'Table: Before.\n\n| a |\n|---|\n| 1 |\n\n: Not after.\n\nText.';
		const lines = tableCaptions(body).split('\n');
		expect(lines).toHaveLength(body.split('\n').length);
		expect(lines.slice(-3)).toEqual([': Not after.', '', 'Text.']);
	});

	test('are read in well under a second in 100 KB of captions, tables and caption lines', () => {
		const started = performance.now();
		tableCaptions('Table: x\n\n| a |\n|---|\n| 1 |\n\n'.repeat(3_000));
		tableCaptions(`| a |\n|---|\n${': x\n'.repeat(30_000)}`);
		tableCaptions(`${'Table: x\n'.repeat(30_000)}| a |\n|---|\n`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
