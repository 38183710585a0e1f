import { describe, expect, test } from 'vitest';
import { inlineFootnotes } from '../../theme/markdown/inline-footnotes.ts';

describe('inline footnotes among what is not a note', () => {
	test('patterns after a slash, a quote or =, and code of every kind, stay as written', () => {
		const body = [
			'The regex /^[A-Z]/ matches, and so does `grep` with \'^[0-9]+\' or <code>grep \'^[a-z]\'</code>.',
			'[x](https://regex101.com/?regex=^[a-z]+$)',
			'',
			'- item',
			'',
			'    ```sh',
			"    sed 's/a^[b]//'",
			'    ```',
			'',
			'{% highlight bash %}',
			"echo a^[b]",
			'{% endhighlight %}',
		].join('\n');
		expect(inlineFootnotes(body)).toBe(body);
	});

	test('a body that ends inside a fence that nothing closes is left as written', () => {
		const body = 'A claim^[The source.]\n\n```\ncode that runs to the end';
		expect(inlineFootnotes(body)).toBe(body);
	});

	test('a note after a word or punctuation is one', () => {
		expect(inlineFootnotes('A claim.^[The source.] Done.')).toBe('A claim.[^carnet-inline-1] Done.\n\n[^carnet-inline-1]: The source.\n');
	});
});
