import { isSafeLink } from './links.ts';

/**
 * What an author may say besides a name, e-mail and link, as Docusaurus writes it in `authors.yml` and
 * front matter: a `title` (their role), an `image_url` (a photo), and `socials`, each a platform's handle
 * or a full URL. Carnet publishes them in JSON-LD (`jobTitle`, `image`, `sameAs`) and as the JSON Feed
 * author's `avatar`.
 */

/** A handle on a platform Docusaurus knows, as the URL of its profile (Docusaurus's own addresses). */
const PROFILE_URLS: Readonly<Record<string, (handle: string) => string>> = {
	x: (handle) => `https://x.com/${handle}`,
	twitter: (handle) => `https://twitter.com/${handle}`,
	github: (handle) => `https://github.com/${handle}`,
	linkedin: (handle) => `https://www.linkedin.com/in/${handle}/`,
	stackoverflow: (id) => `https://stackoverflow.com/users/${id}`,
	bluesky: (handle) => `https://bsky.app/profile/${handle}`,
	instagram: (handle) => `https://www.instagram.com/${handle}`,
	threads: (handle) => `https://www.threads.net/@${handle}`,
	mastodon: (handle) => `https://mastodon.social/@${handle}`,
	twitch: (handle) => `https://twitch.tv/${handle}`,
	youtube: (handle) => `https://youtube.com/@${handle}`,
	email: (address) => `mailto:${address}`,
};

/** The names an author's photo is written under: Docusaurus's `image_url` and `imageURL`, `image`, Vercel's and Outstatic's `picture`, Tina's `avatar`. */
export const AUTHOR_IMAGE_KEYS = ['image_url', 'imageURL', 'image', 'picture', 'avatar'] as const;

const isWebUrl = (value: string) => /^https?:\/\//i.test(value) && isSafeLink(value);

/** Why an author's photo cannot be published, or undefined: it is an http(s) URL or a path in `public/`. */
export function authorImageProblem(value: string): string | undefined {
	if (isWebUrl(value) || (value.startsWith('/') && !value.startsWith('//') && isSafeLink(value, { relative: true }))) return undefined;
	return 'expected an http(s) URL or a path in public/ such as /images/ada.png';
}

/** The URL of a social profile (`github: slorber`, or a full URL), or why it has none. */
export function socialProfile(platform: string, value: string): { url: string } | { problem: string } {
	if (/^[a-z][a-z\d+.-]*:/i.test(value)) {
		return isWebUrl(value) || (platform.toLowerCase() === 'email' && isSafeLink(value)) ? { url: value } : { problem: 'expected a handle or an http(s) URL such as https://example.com/ada' };
	}
	const profile = PROFILE_URLS[platform.toLowerCase()];
	if (value.includes('/') || /\s/.test(value)) return { problem: 'expected a handle without "/" or spaces, or a full http(s) URL' };
	if (!profile) return { problem: `Carnet knows no address for a handle on "${platform}": write the profile's full URL (https://…)` };
	return { url: profile(value) };
}

/** Profile URLs of an author's socials that are web pages (not `mailto:`), without repeats. */
export function profileUrls(socials: Readonly<Record<string, string>> | undefined): string[] {
	const urls = new Set<string>();
	for (const [platform, value] of Object.entries(socials ?? {})) {
		const profile = socialProfile(platform, value);
		if ('url' in profile && !profile.url.startsWith('mailto:')) urls.add(profile.url);
	}
	return [...urls];
}
