import { describe, expect, test } from 'vitest';
import { wordpressCodeBlocks } from '../../theme/markdown/wordpress-code.ts';
import { readWordpressShortcodes } from '../../theme/markdown/wordpress.ts';
import { renderedPost } from '../helpers/post-html.ts';

describe("WordPress's shortcodes in exported posts", () => {
	test('a caption around a Markdown or HTML image becomes the image with the caption as its title, inside its link', () => {
		const body = [
			'[caption id="attachment_527" align="aligncenter" width="539" caption="Typographical terms"]![Typographical terms](http://example.com/typog.gif)[/caption]',
			'',
			'[caption id="attachment_478" width="240"]<img src="http://example.com/parallax.gif" alt="A [collection] view" width="240" class="size-full" /> A "parallax" view[/caption]',
			'',
			'[caption width="300"]<a href="http://example.com/big.jpg"><img src="http://example.com/small.jpg" alt="Small"></a> Click to enlarge[/caption]',
			'',
			'[caption]No image here[/caption]',
		].join('\n');
		const { body: read, unread } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual([
			'![Typographical terms](<http://example.com/typog.gif> "Typographical terms")',
			'',
			'![A \\[collection\\] view](<http://example.com/parallax.gif> "A \\"parallax\\" view")',
			'',
			'[![Small](<http://example.com/small.jpg> "Click to enlarge")](<http://example.com/big.jpg>)',
			'',
			'[caption]No image here[/caption]',
		]);
		expect(unread.map(({ line, text }) => [line, text])).toEqual([[7, '[caption]No image here[/caption]']]);
	});

	test("a caption exitwp wrote in Markdown is the text it reads as in the title, not its emphasis marks", () => {
		const body = '[caption id="attachment_1937" width="960"][![2013.](http://example.org/old.png)](http://example.org/old.png) 2013. It was _worse_ than **it** looks.[/caption]';
		expect(readWordpressShortcodes(body).body).toBe('[![2013.](<http://example.org/old.png> "2013. It was worse than it looks.")](<http://example.org/old.png>)');
	});

	test('a caption in an HTML block is HTML, where Markdown is not read: in a <p> the image with its caption under it, elsewhere a figure', () => {
		const body = [
			'<p>Vamos criar a seguinte tabela:',
			'[caption id="attachment_664" align="aligncenter" width="163" caption="Tabela de Usuários & co"]<img src="http://example.org/tabela_usuarios.jpg" alt="Tabela" width="163" height="146" />[/caption]',
			'Para criar essa tabela:</p>',
			'',
			'<div class="entry">',
			'[caption width="300"]<a href="http://example.org/big.jpg"><img src="http://example.org/small.jpg" alt="Small"></a> Click <em>to</em> enlarge[/caption]',
			'</div>',
			'',
			'[caption width="300"]<img src="http://example.org/b.jpg" alt="B" /> Out of HTML[/caption]',
		].join('\n');
		expect(readWordpressShortcodes(body).body.split('\n')).toEqual([
			'<p>Vamos criar a seguinte tabela:',
			'<img src="http://example.org/tabela_usuarios.jpg" alt="Tabela" width="163" height="146" /><br><em>Tabela de Usuários &amp; co</em>',
			'Para criar essa tabela:</p>',
			'',
			'<div class="entry">',
			'<figure class="carnet-figure"><a href="http://example.org/big.jpg"><img src="http://example.org/small.jpg" alt="Small"></a><figcaption>Click to enlarge</figcaption></figure>',
			'</div>',
			'',
			'![B](<http://example.org/b.jpg> "Out of HTML")',
		]);
	});

	test('a caption written over several lines of one paragraph is read as one, each later line left empty; one cut by a blank line is left as written', () => {
		const body = [
			'Before.',
			'',
			'[caption id="attachment_9" align="alignnone" width="640"]<img src="http://example.com/dune.jpg" alt="Dune" width="640" />',
			'The dune at dawn,',
			'seen from the north[/caption]',
			'',
			'[caption width="300"]<img src="http://example.com/b.jpg" alt="B" />',
			'',
			'Not a caption any more[/caption]',
		].join('\n');
		// Named in list items or quoted, a caption is no caption to join.
		const listed = '- Use [caption] first,\n- and [/caption] last.\n\n> [caption]<img src="a.jpg">\n> A cat[/caption]';
		expect(readWordpressShortcodes(listed).body).toBe(listed);
		const { body: read } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual([
			'Before.',
			'',
			'![Dune](<http://example.com/dune.jpg> "The dune at dawn, seen from the north")',
			'',
			'',
			'',
			'[caption width="300"]<img src="http://example.com/b.jpg" alt="B" />',
			'',
			'Not a caption any more[/caption]',
		]);
	});

	test('an embed is a link to what it shows; a gallery is left out and a player shown as written, each reported; code and links stay', () => {
		const body = ['[embed]https://www.youtube.com/watch?v=ebgXN7VaIZA[/embed]', '', '[gallery ids="12,13,14"]', '', '[audio mp3="http://example.com/a.mp3"][/audio]', '', 'Watch the [video] and the [video](https://example.com).', '', '`[embed]https://x.com[/embed]`', '```', '[gallery]', '```'].join('\n');
		const { body: read, unread } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual(['<https://www.youtube.com/watch?v=ebgXN7VaIZA>', '', '', '', '[audio mp3="http://example.com/a.mp3"][/audio]', '', 'Watch the [video] and the [video](https://example.com).', '', '`[embed]https://x.com[/embed]`', '```', '[gallery]', '```']);
		expect(unread.map(({ line, leftOut }) => [line, leftOut ?? false])).toEqual([
			[3, true],
			[5, false],
		]);
	});

	test("the block editor's embed, its address alone in its wrapper, is a link to what it shows; one shown in code stays as written", () => {
		const embed = '<figure class="wp-block-embed is-type-rich wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/jack/status/20\n</div></figure>';
		const body = ['<!-- wp:embed {"url":"https://twitter.com/jack/status/20"} -->', embed, '<!-- /wp:embed -->', '', '```html', embed, '```'].join('\n');
		const { body: read, unread } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual([
			'<!-- wp:embed {"url":"https://twitter.com/jack/status/20"} -->',
			'<figure class="wp-block-embed is-type-rich wp-block-embed-twitter"><div class="wp-block-embed__wrapper">',
			'<a href="https://twitter.com/jack/status/20">https://twitter.com/jack/status/20</a>',
			'</div></figure>',
			'<!-- /wp:embed -->',
			'',
			'```html',
			...embed.split('\n'),
			'```',
		]);
		expect(unread).toEqual([]);
	});

	test('a video player is told to link to the file to watch, an audio player to listen', () => {
		const { unread } = readWordpressShortcodes(['[video mp4="/media/talk.mp4"][/video]', '', '[audio mp3="/media/episode.mp3"][/audio]'].join('\n'));
		expect(unread.map(({ reason }) => /\((\[\w+\]\([^)]+\))\)$/.exec(reason)?.[1])).toEqual(['[watch](talk.mp4)', '[listen](episode.mp3)']);
	});

	test("WordPress.com's [youtube=…] and [vimeo …] are links to what they show, their sizes left out; a link whose text names YouTube stays", () => {
		const body = ['[youtube=http://www.youtube.com/watch?v=JaNH56Vpg-A&w=640&h=385]', '', 'See [youtube https://youtu.be/abc w=560] here.', '', '[vimeo https://vimeo.com/123456]', '', '[youtube https://youtu.be/abc](https://example.com/talk)'].join('\n');
		const { body: read, unread } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual(['<http://www.youtube.com/watch?v=JaNH56Vpg-A&w=640&h=385>', '', 'See <https://youtu.be/abc> here.', '', '<https://vimeo.com/123456>', '', '[youtube https://youtu.be/abc](https://example.com/talk)']);
		expect(unread).toEqual([]);
	});

	test('a [gallery] the post defines as a link, and a link whose text starts with "video", are left alone and not reported', () => {
		const body = ['See the photos:', '', '[gallery]', '', '[gallery]: https://example.com/photos', '', '[video of the talk (skip to t=30s)](https://example.com/v)'].join('\n');
		expect(readWordpressShortcodes(body)).toEqual({ body, unread: [] });
	});

	test('a caption, embed and gallery whose brackets a Turndown converter escaped are read as written unescaped; an escaped caption named alone stays', () => {
		const body = [
			'See \\[caption id="attachment_1" align="aligncenter" width="300"\\]![alt](/images/cover.jpg) A caption\\[/caption\\] here.',
			'',
			'\\[embed\\]https://www.youtube.com/watch?v=ebgXN7VaIZA\\[/embed\\]',
			'',
			'\\[gallery ids="12,13"\\]',
			'',
			'Write \\[caption\\] first.',
			'',
			'`\\[caption]![a](b.jpg)\\[/caption\\]`',
		].join('\n');
		const { body: read, unread } = readWordpressShortcodes(body);
		expect(read.split('\n')).toEqual(['See ![alt](</images/cover.jpg> "A caption") here.', '', '<https://www.youtube.com/watch?v=ebgXN7VaIZA>', '', '', '', 'Write \\[caption\\] first.', '', '`\\[caption]![a](b.jpg)\\[/caption\\]`']);
		expect(unread.map(({ line, text }) => [line, text])).toEqual([[5, '[gallery ids="12,13"]']]);
	});

	test('50,000 unclosed shortcodes of each kind are read within the test timeout', () => {
		for (const text of ['[video a=b'.repeat(3000), '[caption '.repeat(50_000) + '[/caption]', '[embed '.repeat(50_000) + '[/embed]', `${'[gallery '.repeat(50_000)}`]) {
			expect(readWordpressShortcodes(text).body.length).toBeGreaterThan(0);
		}
	});
});

describe("SyntaxHighlighter Evolved's code shortcodes", () => {
	test('a [code] block is fenced code in its language, each line on its line, its code as written; a title and a language shortcode are read', () => {
		const body = ['Code:', '', '[code language="php"]', 'echo "hi";', "$x = array('a' => 1);", '[/code]', '', '[sourcecode lang="jscript" title="app.js"]', 'a == b', '[/sourcecode]', '', '[php]', '```', '[/php]', 'Done.'].join('\n');
		expect(wordpressCodeBlocks(body)).toEqual({
			body: ['Code:', '', '```php', 'echo "hi";', "$x = array('a' => 1);", '```', '', '```js title="app.js"', 'a == b', '```', '', '````php', '```', '````', 'Done.'].join('\n'),
			unread: [],
		});
	});

	test('code stored escaped, as the plugin stores it, is read back; code with a < written as itself is left as written', () => {
		const escaped = ['[code lang="html"]', '&lt;p class=&quot;a&quot;&gt;Tom &amp;amp; Jerry&#039;s&lt;/p&gt;', '[/code]'].join('\n');
		expect(wordpressCodeBlocks(escaped).body.split('\n')).toEqual(['```html', '<p class="a">Tom &amp; Jerry\'s</p>', '```']);
		const raw = ['[code lang="html"]', '<p>&lt; is written &amp;lt;</p>', '[/code]'].join('\n');
		expect(wordpressCodeBlocks(raw).body.split('\n')[1]).toBe('<p>&lt; is written &amp;lt;</p>');
	});

	test('a block in an HTML comment, which readers never see, is left alone without a word', () => {
		const body = ['Text.', '', '<!--', '[code language="php"]', 'echo 1;', '[/code]', '-->', '', '<!-- one -->', '<div>', '[code]', 'x', '[/code]', '</div>'].join('\n');
		const { body: read, unread } = wordpressCodeBlocks(body);
		expect(read).toBe(body);
		expect(unread.map(({ line }) => line)).toEqual([11]);
	});

	test('a block with no closing line, or in an HTML block, is reported and left; one in fenced code or named in prose is left alone', () => {
		const body = ['<div>', '[code]', 'x', '[/code]', '</div>', '', '```', '[code]', 'shown', '[/code]', '```', '', 'Use [code] and [/code].', '[/php]', '', '[code]', 'never closed'].join('\n');
		const { body: read, unread } = wordpressCodeBlocks(body);
		expect(read).toBe(body);
		expect(unread).toEqual([
			{ line: 2, text: '[code]', reason: 'it is in HTML, where Markdown is not read; leave a blank line before it' },
			{ line: 16, text: '[code]', reason: 'Carnet found no [/code] alone on a later line to close it; put [/code] on the line after the code' },
		]);
	});

	test('a block written on one line is its code as inline code on that line, read back if stored escaped; one in fenced code is left alone, one in HTML reported', () => {
		const body = ['[php]<?php echo "hello"; ?>[/php]', '', '[code language="php"]<?php echo 1; ?>[/code]', '', '  [js] a = `b` [/js]', '', '[code]&lt;b&gt; &amp;amp;[/code]', '', '```', '[php]<?php kept(); ?>[/php]', '```', '', '<div>', '[php]<?php html(); ?>[/php]', '</div>', '', '[php]a[/php] and [php]b[/php]', 'See [php]x[/php] here.'].join('\n');
		const { body: read, unread } = wordpressCodeBlocks(body);
		expect(read.split('\n')).toEqual(['`<?php echo "hello"; ?>`', '', '`<?php echo 1; ?>`', '', '  `` a = `b` ``', '', '`<b> &amp;`', '', '```', '[php]<?php kept(); ?>[/php]', '```', '', '<div>', '[php]<?php html(); ?>[/php]', '</div>', '', '[php]a[/php] and [php]b[/php]', 'See [php]x[/php] here.']);
		expect(unread).toEqual([{ line: 14, text: '[php]<?php html(); ?>[/php]', reason: 'it is in HTML, where Markdown is not read; leave a blank line before it' }]);
	});

	test('a block jekyll-import wrote in its paragraph (<p>[code] … [/code]</p>) is its code in a <pre>, each line on its line, without the paragraph marks WordPress put in it', () => {
		const body = ['<p>Intro:</p>', '<p>[code language="php" title="a.php"]', '<?php', 'class Usuario {</p>', '<p>}', '?>', '[/code]</p>', '<p>[sourcecode lang="html"]', '&lt;b&gt;Tom &amp;amp; Jerry&lt;/b&gt;', '', '&lt;i&gt;', '[/sourcecode]</p>', '<p>After.</p>'].join('\n');
		expect(wordpressCodeBlocks(body)).toEqual({
			body: [
				'<p>Intro:</p>',
				'<figure class="carnet-code"><figcaption class="carnet-code__title">a.php</figcaption><pre data-language="php">',
				'<code class="language-php">&lt;?php',
				'class Usuario {&#10;',
				'}',
				'?&gt;</code></pre></figure>',
				'',
				'<pre data-language="html">',
				'<code class="language-html">&lt;b&gt;Tom &amp;amp; Jerry&lt;/b&gt;',
				'<!---->',
				'&lt;i&gt;</code></pre>',
				'',
				'<p>After.</p>',
			].join('\n'),
			unread: [],
		});
	});

	test('the page shows such a block whole as code, its <?php included, and the paragraphs around it', async () => {
		const { $, warnings } = await renderedPost(['<p>Intro:</p>', '<p>[code language="php"]', '<?php', 'class Usuario {</p>', '<p>}', '?>', '[/code]</p>', '<p>After.</p>'].join('\n'));
		expect($('pre').map((_, pre) => [[$(pre).attr('data-language'), $(pre).text()]]).get()).toEqual([['php', '<?php\nclass Usuario {\n\n}\n?>']]);
		expect($('p').map((_, p) => $(p).text()).get()).toEqual(['Intro:', 'After.']);
		expect(warnings).toEqual([]);
	});

	test('a block opened after text in a paragraph, or opening one it does not end, is reported as in HTML; one in Markdown closed by [/code]</p> as unclosed', () => {
		const body = ['<p>Code:', '[code]', 'x', '[/code]</p>', '', '[code]', 'y', '[/code]</p>', '', '<p>[php]', 'z', '[/php]'].join('\n');
		const { body: read, unread } = wordpressCodeBlocks(body);
		expect(read).toBe(body);
		expect(unread.map(({ line, reason }) => [line, reason.slice(0, 30)])).toEqual([
			[2, 'it is in HTML, where Markdown '],
			[6, 'Carnet found no [/code] alone '],
			[10, 'it is in HTML, where Markdown '],
		]);
	});

	test('a 100 KB line of shortcodes that never close is read in well under a second', () => {
		const started = performance.now();
		wordpressCodeBlocks(`[php x${'] [/php'.repeat(20_000)}]\n[php]${'[/ph '.repeat(20_000)}[/php]${' '.repeat(20_000)}x[/php]`);
		expect(performance.now() - started).toBeLessThan(500);
	});

	test('50,000 unclosed code shortcodes are read within the test timeout', () => {
		const text = `${'[code]\n'.repeat(50_000)}[/php]\n${'[php x="'.repeat(20_000)}`;
		expect(wordpressCodeBlocks(text).unread.length).toBe(0);
	});
});
