// How much a build writes, by kind of file: what a host stores and uploads on every deploy.
import { statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

const KIND_BY_EXTENSION = {
	'.html': 'html',
	'.css': 'css',
	'.js': 'js',
	'.mjs': 'js',
	'.webp': 'images',
	'.avif': 'images',
	'.jpg': 'images',
	'.jpeg': 'images',
	'.png': 'images',
	'.gif': 'images',
	'.svg': 'images',
	'.xml': 'feeds',
	'.xsl': 'feeds',
	'.json': 'feeds',
};

/** Files and mebibytes in `dist`, in total and per kind (html, css, js, images, feeds, other). */
export async function measureDist(dist) {
	const files = await glob('**/*', { cwd: dist, dot: true });
	const bytes = { html: 0, css: 0, js: 0, images: 0, feeds: 0, other: 0 };
	for (const file of files) bytes[KIND_BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'other'] += statSync(path.join(dist, file)).size;
	const mebibytes = (value) => Math.round((value / 2 ** 20) * 100) / 100;
	const total = Object.values(bytes).reduce((sum, value) => sum + value, 0);
	return { files: files.length, totalMiB: mebibytes(total), ...Object.fromEntries(Object.entries(bytes).map(([kind, value]) => [`${kind}MiB`, mebibytes(value)])) };
}
