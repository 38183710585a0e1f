/**
 * The `editUrl` link of a post. `filePath` is the entry's path from the project root
 * (`src/content/posts/2024/hello.md`). When `editUrl` already ends with the folders of that path
 * (`…/edit/main/src/content/posts/`), only the rest is appended; otherwise `editUrl` is taken as the
 * project root's URL and the whole path is appended.
 */
export function editLink(editUrl: string, filePath: string): string {
	const base = editUrl.endsWith('/') ? editUrl : `${editUrl}/`;
	const segments = filePath.replaceAll('\\', '/').split('/').filter(Boolean);
	const basePath = new URL(base).pathname.split('/').filter(Boolean);
	// The longest run of leading folders of the file that ends the editUrl's path.
	for (let count = segments.length - 1; count > 0; count--) {
		const folders = segments.slice(0, count);
		if (folders.every((folder, index) => basePath[basePath.length - count + index] === folder)) {
			return base + segments.slice(count).map(encodeURIComponent).join('/');
		}
	}
	return base + segments.map(encodeURIComponent).join('/');
}
