import { expect, test } from 'vitest';
import { documentTitle } from '../../theme/utils/titles.ts';

test('adds the blog name to a page title when both fit in 70 characters', () => {
	expect(documentTitle('Hello', 'My blog')).toBe('Hello · My blog');
	expect(documentTitle(undefined, 'My blog')).toBe('My blog');
});

test('drops the blog name, then cuts at a word, so that no title passes 70 characters', () => {
	const long = 'Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁 et bien plus';
	expect(documentTitle('Étiquettes accentuées : « Révolution française » devient revolution', 'Carnet')).toBe(
		'Étiquettes accentuées : « Révolution française » devient revolution',
	);
	const cut = documentTitle(long, 'Carnet');
	expect(cut).toBe('Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁 et bien…');
	expect(cut.length).toBeLessThanOrEqual(70);
});

test('isolates a title that has its own bidirectional controls, so that an override it never closes cannot reorder the blog name', () => {
	expect(documentTitle('\u202Eevil', 'My blog')).toBe('\u2068\u202Eevil\u2069 · My blog');
	const long = documentTitle(`\u202E${'word '.repeat(20)}`, 'My blog');
	expect(long.startsWith('\u2068\u202E')).toBe(true);
	expect(long.endsWith('\u2069')).toBe(true);
	expect(long.length).toBeLessThanOrEqual(70);
	expect(documentTitle('שלום world', 'My blog')).toBe('שלום world · My blog');
});

test("leaves out a title's closing isolate mark that closes none of its own, which ended the isolation around it", () => {
	expect(documentTitle('x\u2069\u202Eevil', 'My blog')).toBe('\u2068x\u202Eevil\u2069 · My blog');
	// Its own isolates, closed, stay as written.
	expect(documentTitle('a \u2067שלום\u2069 \u202Eb', 'My blog')).toBe('\u2068a \u2067שלום\u2069 \u202Eb\u2069 · My blog');
});

test("closes an isolate a title opens and never closes before its own, which that one's closing mark ended instead", () => {
	expect(documentTitle('\u2067iso', 'My blog')).toBe('\u2068\u2067iso\u2069\u2069 · My blog');
	expect(documentTitle('a \u2066b \u2067c\u2069', 'My blog')).toBe('\u2068a \u2066b \u2067c\u2069\u2069\u2069 · My blog');
	// Within 70 characters, the closing marks counted.
	expect(documentTitle(`\u2066\u2067\u2066 ${'word '.repeat(20)}`, 'My blog').length).toBeLessThanOrEqual(70);
});
