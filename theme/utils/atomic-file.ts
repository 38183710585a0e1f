import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `data` to `file` whole or not at all, for caches a later build reads back: into a temporary
 * file beside it, then renamed over it, so that a crash or a full disk never leaves half a file under
 * the real name. The temporary file is removed if the write fails. The folder must exist.
 */
export async function writeFileAtomic(file: string, data: Parameters<typeof writeFile>[1]): Promise<void> {
	const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		await writeFile(temporary, data);
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}
