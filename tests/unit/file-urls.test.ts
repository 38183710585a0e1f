import { describe, expect, test } from 'vitest';
import { fileUrlsOf } from '../../theme/markdown/file-urls.ts';

describe("a body's file: addresses", () => {
	test('are found in images, links, definitions and HTML, each at its line', () => {
		const body = [
			'![d](/dev/zero) ![e](file:///etc/passwd)',
			'',
			'[notes](file:///home/me/notes.pdf) and <file:///C:/x.txt>',
			'',
			'<img alt="x" src="file:///C:/Users/me/photo.jpg">',
			'',
			'[ref]: file:///srv/ref.pdf',
		].join('\n');
		expect(fileUrlsOf(body)).toEqual([
			{ line: 1, image: true, address: 'file:///etc/passwd' },
			{ line: 3, image: false, address: 'file:///C:/x.txt' },
			{ line: 3, image: false, address: 'file:///home/me/notes.pdf' },
			{ line: 5, image: true, address: 'file:///C:/Users/me/photo.jpg' },
			{ line: 7, image: false, address: 'file:///srv/ref.pdf' },
		]);
	});

	test('are not looked for in code, comments or prose', () => {
		const body = 'Open `file:///etc/passwd` or file:///tmp/x.\n\n```\n![e](file:///etc/passwd)\n```\n\n<!-- <img src="file:///a.png"> -->';
		expect(fileUrlsOf(body)).toEqual([]);
	});

	test('are found line by line in a body too large for the parser, outside fenced code', () => {
		const body = `${'- Fixed bug number N\n'.repeat(600)}\n![e](file:///etc/passwd)\n\n\`\`\`\n![f](file:///in-code.png)\n\`\`\``;
		expect(fileUrlsOf(body)).toEqual([{ line: 602, image: true, address: 'file:///etc/passwd' }]);
	});
});
