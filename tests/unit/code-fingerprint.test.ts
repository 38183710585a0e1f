import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installedVersions, sourceFingerprint } from '../../theme/integration/code-fingerprint.ts';

let root: string;

function write(relative: string, text: string): void {
	const file = path.join(root, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
}

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'carnet-fingerprint-'));
	write('index.ts', 'export {};\n');
	write('markdown/plugin.ts', 'export const a = 1;\n');
	write('markdown/deep/helper.mjs', 'export const b = 2;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sourceFingerprint', () => {
	const dirs = ['index.ts', 'markdown'];

	test('changes when a patch edits one source file in a nested folder', () => {
		const before = sourceFingerprint(root, dirs);
		write('markdown/deep/helper.mjs', 'export const b = 3;\n');
		expect(sourceFingerprint(root, dirs)).not.toBe(before);
	});

	test('changes when a source file is added, renamed or deleted', () => {
		const before = sourceFingerprint(root, dirs);
		write('markdown/new.ts', 'export {};\n');
		const added = sourceFingerprint(root, dirs);
		expect(added).not.toBe(before);
		rmSync(path.join(root, 'markdown/new.ts'));
		write('markdown/renamed.ts', 'export {};\n');
		expect(sourceFingerprint(root, dirs)).not.toBe(added);
		rmSync(path.join(root, 'markdown/renamed.ts'));
		expect(sourceFingerprint(root, dirs)).toBe(before);
	});

	test('ignores type declarations, other files, node_modules and folders it was not given', () => {
		const before = sourceFingerprint(root, dirs);
		write('markdown/types.d.ts', 'export {};\n');
		write('markdown/notes.md', '# notes\n');
		write('markdown/node_modules/x/index.js', 'x');
		write('components/Card.ts', 'export {};\n');
		expect(sourceFingerprint(root, dirs)).toBe(before);
	});

	test('gives the same digest for the same files, whatever order the folders are listed in', () => {
		expect(sourceFingerprint(root, ['markdown', 'index.ts'])).toBe(sourceFingerprint(root, dirs));
	});
});

describe('installedVersions', () => {
	test('reads the version of the nearest installed copy of each package, or says it is missing', () => {
		write('node_modules/satteri/package.json', JSON.stringify({ name: 'satteri', version: '1.0.0' }));
		write('node_modules/@scope/pkg/package.json', JSON.stringify({ name: '@scope/pkg', version: '2.1.0' }));
		write('theme/node_modules/satteri/package.json', JSON.stringify({ name: 'satteri', version: '1.1.0' }));
		mkdirSync(path.join(root, 'theme/integration'), { recursive: true });
		expect(installedVersions(['satteri', '@scope/pkg', 'not-installed-anywhere-carnet'], path.join(root, 'theme/integration'))).toEqual({
			satteri: '1.1.0',
			'@scope/pkg': '2.1.0',
			'not-installed-anywhere-carnet': 'missing',
		});
	});
});
