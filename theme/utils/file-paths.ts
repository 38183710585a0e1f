import { statSync } from 'node:fs';
import path from 'node:path';

/** Whether `file` is a file (not a folder, not missing). */
export function isFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** Whether `file` is a folder that exists. */
export function isFolder(file: string): boolean {
	try {
		return statSync(file).isDirectory();
	} catch {
		return false;
	}
}

/** Whether `file` is `dir` or inside it, once `..` segments are resolved. */
export function isInside(file: string, dir: string): boolean {
	const relative = path.relative(dir, file);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
