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
