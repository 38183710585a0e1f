import type { ThemeConfig } from '../config.ts';

export interface ShareLink {
	target: ThemeConfig['share'][number];
	network: string;
	href: string;
}

const NETWORKS = { bluesky: 'Bluesky', linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook', email: '' } satisfies Record<ShareLink['target'], string>;

/** Links that open each network's own share page for `url`; no script of theirs runs on the blog. */
export function shareLinks(targets: ThemeConfig['share'], title: string, url: string): ShareLink[] {
	const u = encodeURIComponent(url);
	const text = encodeURIComponent(title);
	const hrefs: Record<ShareLink['target'], string> = {
		bluesky: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}`,
		linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
		x: `https://x.com/intent/post?text=${text}&url=${u}`,
		facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
		email: `mailto:?subject=${text}&body=${u}`,
	};
	return targets.map((target) => ({ target, network: NETWORKS[target], href: hrefs[target] }));
}
