import { isUtf8 } from 'node:buffer';

/** Why a post file's bytes are not UTF-8 text, and where the first wrong byte is. */
export interface EncodingProblem {
	/** 1-based line and column (in characters before the byte) of the first byte that is not UTF-8. */
	line: number;
	column: number;
	/** What is wrong, as an error message says it after the file's location. */
	problem: string;
	/** How to convert the file. */
	fix: string;
}

const UTF16_MARKS = [
	{ bytes: [0xff, 0xfe], name: 'UTF-16LE' },
	{ bytes: [0xfe, 0xff], name: 'UTF-16BE' },
] as const;

// ignoreBOM keeps a UTF-8 byte order mark in the text, as readFile(file, 'utf8') does.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
// Every byte has a character in Windows-1252 but five, which Node's decoder maps to C1 controls: it shows
// what a file from an old Windows tool, the usual source of such bytes, meant.
const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * The text of a post file, or where and why its bytes are not UTF-8. Node's `readFile(file, 'utf8')`
 * would turn each wrong byte into U+FFFD (the "�" readers see) without a word: "Café" saved in
 * Windows-1252 would be published as "Caf�".
 */
export function decodePostFile(bytes: Uint8Array): { text: string } | EncodingProblem {
	const mark = UTF16_MARKS.find(({ bytes: [a, b] }) => bytes[0] === a && bytes[1] === b);
	if (mark) {
		return {
			line: 1,
			column: 1,
			problem: `the file is ${mark.name}, not UTF-8, which Carnet reads posts in: it starts with the bytes ${hex(mark.bytes)}, the byte order mark that Windows PowerShell 5's ">" and Notepad's "Unicode" encoding write.`,
			fix: `Save the file as UTF-8 (in VS Code: the encoding in the status bar, then "Save with Encoding", then "UTF-8"), or convert it: iconv -f ${mark.name} -t UTF-8 FILE > FILE.new`,
		};
	}
	const unmarked = unmarkedUtf16(bytes);
	if (unmarked) {
		return {
			line: 1,
			column: 1,
			problem: `the file is ${unmarked}, not UTF-8, which Carnet reads posts in: every other byte of its first characters is 0, as UTF-16 writes the letters of the Latin alphabet, without the byte order mark that would say so.`,
			fix: `Save the file as UTF-8 (in VS Code: "Reopen with Encoding", then "${unmarked}", then "Save with Encoding", then "UTF-8"), or convert it: iconv -f ${unmarked} -t UTF-8 FILE > FILE.new`,
		};
	}
	if (isUtf8(bytes)) return { text: UTF8.decode(bytes) };
	const offset = firstInvalidByte(bytes);
	const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
	const lineEnd = bytes.indexOf(0x0a, offset);
	const before = bytes.subarray(lineStart, offset);
	const line = bytes.subarray(lineStart, lineEnd === -1 ? bytes.length : lineEnd);
	const asUtf8 = UTF8.decode(line);
	// A line whose other non-ASCII bytes are UTF-8 was damaged (a paste, a cut copy): Windows-1252 would not read it.
	const otherEncoding = !/[^\u0000-\u007F\uFFFD]/.test(asUtf8);
	const shown = (otherEncoding ? WINDOWS_1252.decode(line) : asUtf8).replace(/\r$/, '').slice(0, 200);
	return {
		line: countNewlines(bytes, lineStart) + 1,
		column: [...UTF8.decode(before)].length + 1,
		problem:
			`the file is not UTF-8, which Carnet reads posts in: byte ${hex([bytes[offset] ?? 0])} here starts no UTF-8 character. ` +
			(otherEncoding
				? `Read as Windows-1252 (Latin-1), the encoding of most files from older Windows tools, the line is:\n\n  ${shown}`
				: `The rest of the line is UTF-8, so the byte was probably pasted or damaged; with the bytes that are not UTF-8 as "\uFFFD", the line is:\n\n  ${shown}`),
		fix: otherEncoding
			? 'Save the file as UTF-8 (in VS Code: "Reopen with Encoding" with the encoding it was written in, then "Save with Encoding", then "UTF-8"), or convert it, e.g. from Windows-1252: iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.new'
			: 'Retype the character at that place and save the file as UTF-8.',
	};
}

/**
 * `UTF-16LE` or `UTF-16BE` for a file that starts as UTF-16 writes text without its byte order mark: of its first
 * 64 pairs of bytes (at least 4), nearly all are a character below U+0100 and 0, in the order of that encoding.
 * A UTF-8 file with a few NUL bytes in it is not.
 */
function unmarkedUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
	const pairs = Math.min(64, Math.floor(bytes.length / 2));
	if (pairs < 4) return undefined;
	let little = 0;
	let big = 0;
	for (let pair = 0; pair < pairs; pair++) {
		const first = bytes[pair * 2] ?? 0;
		const second = bytes[pair * 2 + 1] ?? 0;
		if (first !== 0 && second === 0) little++;
		else if (first === 0 && second !== 0) big++;
	}
	if (little >= pairs * 0.9) return 'UTF-16LE';
	if (big >= pairs * 0.9) return 'UTF-16BE';
	return undefined;
}

/** The offset of the first byte of `bytes` that is not part of a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
	// The valid prefix ends where a lenient decode first gives U+FFFD for bytes that are not U+FFFD itself.
	let offset = 0;
	for (const char of UTF8.decode(bytes)) {
		const code = char.codePointAt(0) ?? 0;
		if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
		offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return offset;
}

function countNewlines(bytes: Uint8Array, end: number): number {
	let count = 0;
	for (let index = bytes.indexOf(0x0a); index !== -1 && index < end; index = bytes.indexOf(0x0a, index + 1)) count++;
	return count;
}

function hex(bytes: readonly number[]): string {
	return bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}
