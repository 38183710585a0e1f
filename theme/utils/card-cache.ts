import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

/** The formats a card is written in: PNG for flat colours and text, JPEG over a photo (README, Social cards). */
export type CardFormat = 'png' | 'jpg';

/** A cache key: the SHA-256 of everything that decides a card's bytes, serialised as JSON. */
export function cardKey(inputs: unknown): string {
	return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * A card rendered by an earlier build, or undefined. The file is named by its key and written atomically;
 * it is still checked to be a whole image of the expected size, since anything may have touched it.
 */
export async function readCachedCard(dir: string, key: string, format: CardFormat, size: { width: number; height: number }): Promise<Buffer | undefined> {
	const file = path.join(dir, `${key}.${format}`);
	const bytes = await readFile(file).catch(() => undefined);
	if (!bytes) return undefined;
	if (isWholeImage(bytes, format, size)) return bytes;
	await rm(file, { force: true });
	return undefined;
}

/** Writes a card under its key: to a temporary file first, renamed into place, so no reader sees half a file. */
export async function writeCachedCard(dir: string, key: string, format: CardFormat, bytes: Uint8Array): Promise<void> {
	await mkdir(dir, { recursive: true });
	await writeFileAtomic(path.join(dir, `${key}.${format}`), bytes);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A PNG with its header, the expected size and its end chunk; a JPEG with its start, frame size and end markers. */
export function isWholeImage(bytes: Buffer, format: CardFormat, size: { width: number; height: number }): boolean {
	if (format === 'png') {
		return (
			bytes.length > 45 &&
			bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
			bytes.toString('latin1', 12, 16) === 'IHDR' &&
			bytes.readUInt32BE(16) === size.width &&
			bytes.readUInt32BE(20) === size.height &&
			bytes.subarray(-12).equals(PNG_END)
		);
	}
	if (bytes.length < 4 || bytes.readUInt16BE(0) !== 0xffd8 || bytes.readUInt16BE(bytes.length - 2) !== 0xffd9) return false;
	// Walk the segments to the frame header (SOF0 to SOF15, except DHT, JPG and DAC), which holds the size.
	let at = 2;
	while (at + 9 < bytes.length && bytes[at] === 0xff) {
		const marker = bytes[at + 1] as number;
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return bytes.readUInt16BE(at + 5) === size.height && bytes.readUInt16BE(at + 7) === size.width;
		}
		at += 2 + bytes.readUInt16BE(at + 2);
	}
	return false;
}
