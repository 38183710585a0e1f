/**
 * The `editUrl` link of a post. `filePath` is the entry's path from the project root
 * (`src/content/posts/2024/hello.md`). When `editUrl` already ends with the folders of that path
 * (`…/edit/main/src/content/posts/`), only the rest is appended; otherwise `editUrl` is taken as the
 * project root's URL and the whole path is appended. The path goes on the URL's path: a query or fragment
 * (GitLab's `?ref_type=heads`) is kept after it.
 */
export function editLink(editUrl: string, filePath: string): string {
	const url = new URL(editUrl);
	const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
	const segments = filePath.replaceAll('\\', '/').split('/').filter(Boolean);
	const basePath = base.split('/').filter(Boolean);
	// The longest run of leading folders of the file that ends the editUrl's path.
	let count = segments.length - 1;
	while (count > 0 && !segments.slice(0, count).every((folder, index) => basePath[basePath.length - count + index] === folder)) count--;
	url.pathname = base + segments.slice(count).map(encodeURIComponent).join('/');
	return url.href;
}
