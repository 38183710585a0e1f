import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findAttachment, listAttachments } from '../../theme/integration/attachments.ts';

function postsFolder(files: string[]): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'carnet-attachments-'));
	for (const file of files) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), file);
	}
	return dir;
}

describe("the image of an Obsidian embed, looked for as Obsidian finds it in a vault", () => {
	const dir = postsFolder(['notes/post.md', 'notes/beside.png', 'attachments/pasted.png', 'attachments/twice.png', 'other/twice.png', 'assets/sub/deep.jpg', '.trash/gone.png', 'notes/café.png', 'notes/talk.pdf', 'files/clip.mp4', 'notes/other.md', 'notes/folder.d/x.png']);
	const post = path.join(dir, 'notes/post.md');
	const find = (name: string) => findAttachment(name, post, dir, () => listAttachments(dir));

	test('is beside the post, in the folder the embed names from the top, or the only file of its name anywhere', () => {
		expect([find('beside.png'), find('attachments/twice.png'), find('/attachments/twice.png'), find('pasted.png'), find('deep.jpg'), find('sub/deep.jpg')]).toEqual([
			'./beside.png',
			'../attachments/twice.png',
			'../attachments/twice.png',
			'../attachments/pasted.png',
			'../assets/sub/deep.jpg',
			'../assets/sub/deep.jpg',
		]);
	});

	test('is found the same way for a file that is no image, a linked document or video', () => {
		expect([find('talk.pdf'), find('clip.mp4')]).toEqual(['./talk.pdf', '../files/clip.mp4']);
	});

	test('is never a post, which the list of attachments leaves out with hidden folders', () => {
		expect(listAttachments(dir).sort()).toEqual(['assets/sub/deep.jpg', 'attachments/pasted.png', 'attachments/twice.png', 'files/clip.mp4', 'notes/beside.png', 'notes/café.png', 'notes/folder.d/x.png', 'notes/talk.pdf', 'other/twice.png']);
	});

	test('is found whichever way its name spells an accent', () => {
		expect(find('cafe\u0301.png')).toBe('./café.png');
	});

	test('is not shown when it is in several places, nowhere but the trash, or outside the folder', () => {
		expect(find('twice.png')).toEqual({ reason: `2 files in ${path.basename(dir)}/ are named "twice.png" (attachments/twice.png, other/twice.png); write the folders before its name, [[attachments/twice.png]]` });
		expect(find('gone.png')).toEqual({ reason: `no file "gone.png" is beside the post or anywhere in ${path.basename(dir)}/` });
		expect(find('../../etc/x.png')).toEqual({ reason: 'its path "../../etc/x.png" leaves the folder it is looked for in' });
	});
});
