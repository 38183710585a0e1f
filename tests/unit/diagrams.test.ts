import { describe, expect, test } from 'vitest';
import { diagramBlocksAsFences, diagramsIn } from '../../theme/markdown/diagrams.ts';

describe("jekyll-spaceship's and PlantUML's diagram blocks", () => {
	test('of @startuml … @enduml and @startmermaid … @endmermaid are fenced code of their language, their marker lines the fences, each line on its line', () => {
		const source = ['Intro.', '@startuml', '(*) --> "Initialization"', '-right-> (_)', '@enduml', '', '@startmermaid', 'sequenceDiagram', 'Bob-->>John: How about you John?', '@endmermaid', 'After.'].join('\n');
		expect(diagramBlocksAsFences(source).split('\n')).toEqual(['Intro.', '```plantuml', '(*) --> "Initialization"', '-right-> (_)', '```', '', '```mermaid', 'sequenceDiagram', 'Bob-->>John: How about you John?', '```', 'After.']);
	});

	test("of PlantUML's other kinds (@startmindmap, @startgantt, @startjson), named or not, are fenced plantuml code, longer than a fence inside them", () => {
		const source = ['@startmindmap Plans', '* root', '@endmindmap', '@startgantt', '[Task] lasts 5 days', '@endgantt  ', '@startjson', '```', '{"a": 1}', '````', '@endjson'].join('\n');
		expect(diagramBlocksAsFences(source).split('\n')).toEqual(['```plantuml', '* root', '```', '```plantuml', '[Task] lasts 5 days', '```', '`````plantuml', '```', '{"a": 1}', '````', '`````']);
	});

	test('leave a block without its end line, one in fenced code, one indented and one whose end is of another kind as written', () => {
		const source = ['@startuml', 'A -> B', '', '```', '@startuml', 'C -> D', '@enduml', '```', '', '    @startuml', '    @enduml', '', '@startmindmap', '* root', '@endgantt', 'Not @startuml', '@enduml after'].join('\n');
		expect(diagramBlocksAsFences(source)).toBe(source);
	});

	test("leave markers as written in a <pre> or other HTML block, an HTML comment, Jekyll's raw block and Liquid's and Hugo's code tags, as posts about PlantUML show its source", () => {
		const regions = [
			['<pre>', '</pre>'],
			['<div class="uml">', '</div>'],
			['<!--', '-->'],
			['{% raw %}', '{% endraw %}'],
			['{% highlight text %}', '{% endhighlight %}'],
			['{% codeblock %}', '{% endcodeblock %}'],
			['{{< highlight text >}}', '{{< /highlight >}}'],
			['{{< code language="text" >}}', '{{< /code >}}'],
			['{{< codeblock "diagram.puml" >}}', '{{< /codeblock >}}'],
		];
		for (const [open, close] of regions) {
			const source = ['Source:', '', open, '@startuml', 'A -> B', '@enduml', close, '', 'End.'].join('\n');
			expect(diagramBlocksAsFences(source)).toBe(source);
			expect(diagramsIn(diagramBlocksAsFences(source))).toEqual([]);
		}
	});

	test('fence a block written after one in a <pre>, and leave a block left open before a <pre> as text rather than close it inside', () => {
		expect(diagramBlocksAsFences('<pre>\n@startuml\n@enduml\n</pre>\n\n@startuml\nA -> B\n@enduml\n').split('\n')).toEqual(['<pre>', '@startuml', '@enduml', '</pre>', '', '```plantuml', 'A -> B', '```', '']);
		const open = '@startuml\nLeft open.\n\n<pre>\n@startuml\n@enduml\n</pre>\n';
		expect(diagramBlocksAsFences(open)).toBe(open);
	});

	test('keep a line of prose that starts with @startuml as text, the block after it fenced from its own @startuml', () => {
		const source = ['@startuml opens a diagram and @enduml closes it. For example:', '', '@startuml', 'Alice -> Bob', '@enduml'].join('\n');
		expect(diagramBlocksAsFences(source).split('\n')).toEqual(['@startuml opens a diagram and @enduml closes it. For example:', '', '```plantuml', 'Alice -> Bob', '```']);
		expect(diagramBlocksAsFences('@startuml(id=first)\nA -> B\n@enduml\n@startuml first\nC -> D\n@enduml')).toBe('```plantuml\nA -> B\n```\n```plantuml\nC -> D\n```');
	});

	test('are warned about at their first line, as fenced diagrams are', () => {
		expect(diagramsIn(diagramBlocksAsFences('Intro.\n\n@startuml\nA -> B\n@enduml\n\n@startmermaid\ngraph TD;\n@endmermaid\n'))).toEqual([
			{ line: 3, language: 'plantuml' },
			{ line: 7, language: 'mermaid' },
		]);
	});

	test('are read in well under a second in 100 KB of openings left unclosed, of one kind and of many, of openings with long names, and of raw blocks and code tags left open', () => {
		const inputs = [
			`${'@startuml\n'.repeat(10_000)}@enduml\n`,
			`${Array.from({ length: 10_000 }, (_, index) => `@start${String.fromCharCode(97 + (index % 26)).repeat(1 + (index % 7))}\n`).join('')}${'@endz\n'.repeat(1_000)}`,
			`@startuml ${' '.repeat(100_000)}x\n@enduml\n${'@startuml'.repeat(10_000)}\n`,
			`@startuml ${' '.repeat(100_000)}\n@startuml ${'a '.repeat(50_000)}\n@enduml\n`,
			`${'{% raw %}\n@startuml\n{{< code lang="text" >}}\n{% highlight text %}\n'.repeat(1_700)}@enduml\n`,
		];
		const started = performance.now();
		for (const input of inputs) diagramBlocksAsFences(input);
		expect(performance.now() - started).toBeLessThan(500);
	});
});

describe("Zola themes' mermaid shortcode", () => {
	test('is found as a diagram at its line, and a fence it wraps is not found a second time', () => {
		expect(diagramsIn('{% mermaid() %}\n\ngraph TD;\n\n{% end %}\n\n{% mermaid() %}\n\n```mermaid\nsequenceDiagram\n```\n\n{% end %}\n\n`{% mermaid() %}` in code.\n')).toEqual([
			{ line: 1, language: 'mermaid' },
			{ line: 7, language: 'mermaid' },
		]);
	});
});
