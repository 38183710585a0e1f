import { describe, expect, test } from 'vitest';
import { expandShortcodes, type ShortcodeContext } from '../../theme/markdown/shortcodes.ts';

const context: ShortcodeContext = {
	postUrl: (slug, date) => (date ? `/blog/${date.replaceAll('-', '/')}/${slug}/` : `/blog/posts/${slug}/`),
	labels: { youtube: 'Watch on YouTube', vimeo: 'Watch on Vimeo', gist: 'See the gist' },
	locale: 'en',
};
const expand = (body: string) => expandShortcodes(body, context);

describe('Hugo shortcodes and Jekyll tags', () => {
	test('turn figure into a figure with its caption, escaped', () => {
		expect(expand('{{< figure src="/images/cat.jpg" caption="A cat & a <dog>" link="https://example.com" >}}').body).toBe(
			'<figure><a href="https://example.com"><img src="/images/cat.jpg" alt="A cat &amp; a &lt;dog&gt;"></a><figcaption>A cat &amp; a &lt;dog&gt;</figcaption></figure>',
		);
	});

	test('turn YouTube, Vimeo and gist embeds into plain links, with no frame or script', () => {
		const { body } = expand('{{< youtube dQw4w9WgXcQ >}} {{< youtube id="abc" title="The talk" >}} {{< vimeo 146022717 >}} {{< gist spf13 7896402 >}}');
		expect(body).toBe(
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a> <a href="https://www.youtube.com/watch?v=abc">The talk</a> ' +
				'<a href="https://vimeo.com/146022717">Watch on Vimeo</a> <a href="https://gist.github.com/spf13/7896402">See the gist</a>',
		);
	});

	test('turn highlight blocks of both generators into fenced code, keeping every line number', () => {
		const source = 'a\n{{< highlight go "linenos=table" >}}\nx := 1\n{{< /highlight >}}\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n{{< tweet 1 >}}';
		const { body, unknown } = expand(source);
		expect(body).toBe('a\n```go\nx := 1\n```\n```ruby\nputs 1\n```\n`{{< tweet 1 >}}`');
		expect(unknown.map((item) => item.line)).toEqual([8]);
	});

	test('turn ref, relref, post_url and link into post addresses', () => {
		expect(expand('[a]({{< ref "other.md#part" >}}) [b]({{< relref "/posts/nested/index.md" >}})').body).toBe('[a](/blog/posts/other/#part) [b](/blog/posts/nested/)');
		expect(expand('[c]({% post_url 2024-01-05-old-post %}) [d]({% link _posts/2023-02-01-x.md %})').body).toBe('[c](/blog/2024/01/05/old-post/) [d](/blog/2023/02/01/x/)');
	});

	test('leave code, escaped shortcodes and raw blocks as written', () => {
		const { body, unknown } = expand('`{{< youtube x >}}`\n\n```\n{{< vimeo 1 >}}\n```\n\n{{</* figure src="x" */>}}\n\n{% raw %}{{< youtube z >}} {% if %}{% endraw %}');
		expect(body).toBe('`{{< youtube x >}}`\n\n```\n{{< vimeo 1 >}}\n```\n\n{{< figure src="x" >}}\n\n{{< youtube z >}} {% if %}');
		expect(unknown).toEqual([]);
	});

	test('list every other shortcode and Liquid tag with its line, and show it as code, as written', () => {
		const { body, unknown } = expand('Intro.\n\n{{< tweet user="x" id="1" >}}\n{{% notice info %}}Careful{{% /notice %}}\n{% include note.html %} {{< ref >}}');
		expect(body).toBe('Intro.\n\n`{{< tweet user="x" id="1" >}}`\n`{{% notice info %}}`Careful`{{% /notice %}}`\n`{% include note.html %}` `{{< ref >}}`');
		expect(unknown).toEqual([
			{ line: 3, text: '{{< tweet user="x" id="1" >}}', reason: "Hugo's tweet shortcode is not one Carnet knows" },
			{ line: 4, text: '{{% notice info %}}', reason: "Hugo's notice shortcode is not one Carnet knows" },
			{ line: 4, text: '{{% /notice %}}', reason: 'a closing shortcode without its opening one' },
			{ line: 5, text: '{{< ref >}}', reason: 'Carnet could not read its arguments or find the post it names' },
			{ line: 5, text: '{% include note.html %}', reason: 'the Liquid tag include is not one Carnet knows' },
		]);
	});

	test('leave examples in fenced code alone, blocks included', () => {
		const body = '```liquid\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% raw %}x{% endraw %}\n```\n{{< tweet 1 >}}';
		const result = expand(body);
		expect(result.body).toBe('```liquid\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% raw %}x{% endraw %}\n```\n`{{< tweet 1 >}}`');
		expect(result.unknown.map((item) => item.line)).toEqual([7]);
	});

	test('leaves a body without braces untouched', () => {
		const body = 'Plain text with a } and a {.';
		expect(expand(body)).toEqual({ body, unknown: [] });
	});
});
