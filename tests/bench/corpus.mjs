// A synthetic French blog shaped like the demo's reference post, generated once per size and image
// mode and kept under tests/.bench/: a thousand distinct photos take minutes to encode.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { encodePhoto } from './photo.mjs';
import { createRandom, seedFor } from './random.mjs';
import { ANGLES, EMOJI, SUBJECTS, SUBTITLES, TAGS, createWriter } from './words.mjs';

export const IMAGE_MODES = ['unique', 'pool', 'none'];
/** Distinct photos in `pool` mode, cycled over the posts. */
export const POOL_SIZE = 50;

// Seeds of the independent random streams, so that a post's text does not change with the corpus size.
const STREAM = { text: 1, date: 2, photo: 3 };
const WORDS = { min: 600, max: 1200 };
const FIRST_DATE = Date.UTC(2016, 0, 4);
const LAST_DATE = Date.UTC(2025, 11, 28);
// Any change to the generator makes the cached corpora it wrote stale, without a version number to
// remember. Photos have their own version: editing the text must not cost minutes of re-encoding.
const TEXT_FILES = ['corpus.mjs', 'words.mjs', 'random.mjs'];
const PHOTO_FILES = ['photo.mjs', 'random.mjs'];

/**
 * The corpus for `posts` posts in image mode `images`, in `dir`: Markdown in `posts/`, JPEGs in `images/`.
 * Each part is generated when missing or made by another version of the generator, and reused otherwise.
 */
export async function ensureCorpus(dir, { posts, images }, log) {
	const photos = photoNames(posts, images);
	const textVersion = versionOf(TEXT_FILES);
	const photoVersion = versionOf(PHOTO_FILES, JSON.stringify(photos));
	const manifestFile = path.join(dir, 'corpus.json');
	const cached = readManifest(manifestFile);
	if (cached?.textVersion === textVersion && cached.photoVersion === photoVersion) return { ...cached, reused: true };

	const started = performance.now();
	// Without a manifest, whatever is in `dir` counts as unfinished and is regenerated next time.
	rmSync(manifestFile, { force: true });
	const reusePhotos = cached?.photoVersion === photoVersion;
	for (const part of reusePhotos ? ['posts'] : ['posts', 'images']) {
		rmSync(path.join(dir, part), { recursive: true, force: true });
		mkdirSync(path.join(dir, part), { recursive: true });
	}
	const words = [];
	for (let index = 0; index < posts; index++) {
		const { fileName, markdown, wordCount } = writePost(index, posts, photos[index]);
		writeFileSync(path.join(dir, 'posts', fileName), markdown);
		words.push(wordCount);
	}
	const imageMiB = reusePhotos ? cached.imageMiB : round((await writePhotos(path.join(dir, 'images'), photos, log)) / 2 ** 20);
	words.sort((a, b) => a - b);
	const manifest = {
		textVersion,
		photoVersion,
		posts,
		images,
		distinctImages: new Set(photos.filter(Boolean).map((photo) => photo.name)).size,
		imageMiB,
		words: { min: words[0], median: words[words.length >> 1], max: words[words.length - 1] },
		seconds: round((performance.now() - started) / 1000),
	};
	writeFileSync(manifestFile, `${JSON.stringify(manifest, null, '\t')}\n`);
	return { ...manifest, reused: false };
}

function versionOf(files, extra = '') {
	const hash = createHash('sha256');
	for (const file of files) hash.update(readFileSync(new URL(file, import.meta.url)));
	return hash.update(extra).digest('hex').slice(0, 16);
}

function readManifest(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Each post's photo as { name, seed }: its own in `unique` mode, one of the pool's in `pool` mode. */
function photoNames(posts, images) {
	const digits = Math.max(4, String(posts).length);
	return Array.from({ length: posts }, (_, index) => {
		if (images === 'none') return undefined;
		const photo = images === 'unique' ? index : index % POOL_SIZE;
		const name = images === 'unique' ? `photo-${pad(photo + 1, digits)}.jpg` : `pool-${pad(photo + 1, 2)}.jpg`;
		return { name, seed: seedFor(STREAM.photo, photo) };
	});
}

async function writePhotos(dir, photos, log) {
	const distinct = [...new Map(photos.filter(Boolean).map((photo) => [photo.name, photo])).values()];
	const step = Math.max(1, Math.ceil(distinct.length / 10));
	let next = 0;
	let done = 0;
	let bytes = 0;
	const worker = async () => {
		while (next < distinct.length) {
			const photo = distinct[next++];
			const jpeg = await encodePhoto(photo.seed);
			writeFileSync(path.join(dir, photo.name), jpeg);
			bytes += jpeg.length;
			if (++done % step === 0) log(`corpus: ${done}/${distinct.length} photos`);
		}
	};
	await Promise.all(Array.from({ length: availableParallelism() }, worker));
	return bytes;
}

function writePost(index, total, photo) {
	const random = createRandom(seedFor(STREAM.text, index));
	const write = createWriter(random);
	const subject = random.pick(SUBJECTS);
	const angle = random.pick(ANGLES);
	const title = `${subject} : ${write.capitalise(angle)} ${random.sample(EMOJI, random.between(1, 3)).join(' ')}`;
	// A double-quoted description over two lines, the second flush left, as in the reference post.
	const description = `${write.capitalise(write.clause())}. ${write.sentence()} \nDans ce billet : ${subject.toLowerCase()}, ${angle}.`;
	const frontMatter = [
		'---',
		`title: ${quote(title)}`,
		`subtitle: ${quote(random.pick(SUBTITLES))}`,
		`date: ${postDate(index, total)}`,
		`description: ${quote(description)}`,
		`tags: [${random.sample(TAGS, random.between(2, 5)).map(quote).join(', ')}]`,
		...(photo ? [`featured_image: '/images/${photo.name}'`] : []),
		'---',
	];
	const body = writeBody(write, random);
	const fileName = `${pad(index + 1, Math.max(4, String(total).length))}-${slugify(`${subject} ${angle}`)}.md`;
	return { fileName, markdown: `${frontMatter.join('\n')}\n\n${body}\n`, wordCount: countWords(body) };
}

/** 600 to 1200 words: two paragraphs, sections up to the post's length, one quote, one code block, a conclusion. */
function writeBody(write, random) {
	const target = random.between(WORDS.min, WORDS.max);
	const quoteAt = random.between(0, 2);
	const codeAt = random.between(0, 2);
	const emoji = random.pick(EMOJI);
	const conclusion = `${emoji} En résumé, ${write.clause()}. ${write.sentence()} ${write.sentence()} Pour la suite, lisez ${write.link()}. ${emoji}`;
	const blocks = [write.paragraph(), write.paragraph()];
	let words = countWords(blocks.join(' ')) + countWords(conclusion);
	for (let section = 0; words < target || section <= Math.max(quoteAt, codeAt); section++) {
		const parts = [`## ${write.heading()}${random.chance(0.4) ? ` ${random.pick(EMOJI)}` : ''}`, write.paragraph()];
		if (section === quoteAt) parts.push(write.quote());
		if (random.chance(0.5)) parts.push(random.chance(0.5) ? write.bullets() : write.steps());
		if (random.chance(0.5)) parts.push(`### ${write.subheading()}`, `${write.paragraph(random.between(2, 4))} Voir aussi ${write.link()}.`);
		if (section === codeAt) parts.push('Un exemple :', write.code());
		const size = countWords(parts.join(' '));
		// Sections are at most ~200 words, so stopping here still leaves more than the minimum.
		if (words + size > WORDS.max && section > Math.max(quoteAt, codeAt)) break;
		blocks.push(...parts);
		words += size;
	}
	blocks.push(conclusion);
	return blocks.join('\n\n');
}

/** `YYYY-MM-DD HH:MM:SS`, spread evenly over ten years with some jitter; most posts at midnight. */
function postDate(index, total) {
	const random = createRandom(seedFor(STREAM.date, index));
	const spacing = (LAST_DATE - FIRST_DATE) / total;
	const day = new Date(FIRST_DATE + spacing * (index + 0.5) + (random.next() - 0.5) * spacing * 0.8);
	const [hours, minutes] = random.chance(0.6) ? [0, 0] : [random.between(7, 22), random.between(0, 59)];
	return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)} ${pad(hours, 2)}:${pad(minutes, 2)}:00`;
}

const quote = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const pad = (value, width) => String(value).padStart(width, '0');
const round = (value) => Math.round(value * 10) / 10;
const countWords = (text) => text.split(/\s+/).filter(Boolean).length;
const slugify = (text) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60)
		.replace(/-$/, '');
