import { describe, expect, test } from 'vitest';
import { decodePostFile } from '../../theme/utils/text-encoding.ts';

describe('decodePostFile()', () => {
	test('reads UTF-8 as it is, a byte order mark and a written U+FFFD included', () => {
		const text = '\uFEFF---\ntitle: Café � 🎉\n---\n';
		expect(decodePostFile(Buffer.from(text))).toEqual({ text });
	});

	test('finds the line and column of a Windows-1252 byte and shows the line as Windows-1252 reads it', () => {
		const result = decodePostFile(Buffer.from('---\ntitle: "Caf\xe9 cr\xe8me"\n---\n', 'latin1'));
		expect(result).toMatchObject({ line: 2, column: 12 });
		expect(result).toHaveProperty('problem', expect.stringContaining('byte 0xE9 here starts no UTF-8 character'));
		expect(result).toHaveProperty('problem', expect.stringMatching(/the line is:\n\n {2}title: "Café crème"$/));
		expect(result).toHaveProperty('fix', expect.stringContaining('iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.new'));
	});

	test('counts the column in characters after UTF-8 text, and shows a damaged UTF-8 line as UTF-8', () => {
		const result = decodePostFile(Buffer.concat([Buffer.from('Déjà 🎉 '), Buffer.from([0xc3, 0x28]), Buffer.from(' fin\n')]));
		expect(result).toMatchObject({ line: 1, column: 8 });
		expect(result).toHaveProperty('problem', expect.stringMatching(/the line is:\n\n {2}Déjà 🎉 \uFFFD\( fin$/));
	});

	test('names UTF-16 by its byte order mark', () => {
		const result = decodePostFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\n', 'utf16le')]));
		expect(result).toMatchObject({ line: 1, column: 1 });
		expect(result).toHaveProperty('problem', expect.stringContaining('the file is UTF-16LE, not UTF-8'));
		expect(result).toHaveProperty('fix', expect.stringContaining('iconv -f UTF-16LE -t UTF-8'));
	});

	test('names UTF-16 without its byte order mark by the zero bytes between its letters, and reads UTF-8 with a few NUL bytes as UTF-8', () => {
		const post = '---\ntitle: Café\ndate: 2024-01-01\n---\nBody.\n';
		expect(decodePostFile(Buffer.from(post, 'utf16le'))).toHaveProperty('problem', expect.stringContaining('the file is UTF-16LE, not UTF-8, which Carnet reads posts in: every other byte'));
		expect(decodePostFile(Buffer.from(post, 'utf16le').swap16())).toHaveProperty('fix', expect.stringContaining('iconv -f UTF-16BE -t UTF-8'));
		const nul = `---\ntitle: A\u0000B\u0000C\ndate: 2024-01-01\n---\n`;
		expect(decodePostFile(Buffer.from(nul))).toEqual({ text: nul });
	});
});
