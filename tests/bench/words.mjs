// The French a corpus is written in: accents, typographic spaces before ":" and "?", emoji, and the
// Markdown a real post has (headings, lists, a quote, links, a code block).

export const SUBJECTS = [
	'Économie', 'Télétravail', 'Trésorerie', 'Artisanat', 'Cybersécurité', 'Écologie au bureau', 'Comptabilité',
	'Relation client', 'Recrutement', 'Logistique', 'Fiscalité', 'Créativité', 'Vente en ligne', 'Énergie',
	'Management', 'Formation continue', 'Santé au travail', 'Données personnelles', 'Négociation', 'Qualité',
];

export const ANGLES = [
	'sept réflexes pour passer l’hiver', 'ce que l’on apprend la deuxième année', 'le guide des premiers pas',
	'les erreurs qui coûtent cher', 'une méthode qui tient sur une page', 'pourquoi tout le monde s’y met',
	'ce qui a changé depuis dix ans', 'le récit d’une boutique lyonnaise', 'retrouver du temps sans rien négliger',
	'comment s’organiser à trois', 'les idées reçues à oublier', 'un an après, le bilan', 'préparer l’été sereinement',
	'à quel prix, pour quel résultat ?', 'la check-list avant de signer', 'des outils simples qui suffisent',
];

export const EMOJI = ['🌐', '📦', '🧾', '💶', '🧭', '🛠️', '🌿', '☀️', '📊', '🤝', '🎯', '💡', '🔐', '📚', '🚲', '🧑‍🍳', '🏡', '✨', '⏱️', '🇫🇷'];

export const SUBTITLES = ['Lire la suite', 'Notre carnet de route', 'Le point en dix minutes', 'Ce qu’il faut retenir', 'Un retour d’expérience', 'Pour aller à l’essentiel'];

/** Thirty tags, most with accents, as bloggers write them. */
export const TAGS = [
	'économie', 'télétravail', 'trésorerie', 'comptabilité', 'stratégie', 'créativité', 'sécurité', 'écologie',
	'santé', 'bien-être', 'éducation', 'société', 'études de cas', 'méthodes', 'outils numériques', 'réseaux',
	'qualité', 'énergie', 'artisanat', 'indépendance', 'management', 'recrutement', 'fiscalité', 'logistique',
	'marketing', 'e-commerce', 'données', 'vie pratique', 'entreprises', 'été',
];

const ACTORS = [
	['une boulangerie de quartier', false], ['les graphistes indépendants', true], ['une équipe de cinq personnes', false],
	['les gérants de TPE', true], ['un atelier de menuiserie', false], ['les associations', true], ['une librairie', false],
	['les consultants', true], ['une coopérative agricole', false], ['les artisans du bâtiment', true], ['un cabinet d’architectes', false],
	['les créateurs d’entreprise', true],
];
const ACTIONS = [
	['prépare', 'préparent'], ['revoit', 'revoient'], ['simplifie', 'simplifient'], ['mesure', 'mesurent'], ['délègue', 'délèguent'],
	['repense', 'repensent'], ['protège', 'protègent'], ['négocie', 'négocient'], ['automatise', 'automatisent'], ['documente', 'documentent'],
];
const THINGS = [
	'ses relances de factures', 'son budget de l’année', 'ses échanges avec la banque', 'ses mots de passe', 'son stock',
	'ses devis', 'ses horaires d’ouverture', 'sa présence sur les réseaux', 'ses sauvegardes', 'le planning des congés',
	'ses achats de matériel', 'l’accueil des nouveaux arrivants', 'sa consommation d’électricité', 'ses tarifs',
];
const PLURAL_POSSESSIVE = { ses: 'leurs', son: 'leur', sa: 'leur' };
const MANNERS = [
	'avant la fin du trimestre', 'sans embaucher', 'avec un simple tableur', 'en deux après-midi', 'pour la première fois',
	'malgré un carnet de commandes plein', 'avec l’aide d’un expert-comptable', 'sans dépenser un euro de plus',
	'chaque lundi matin', 'à l’approche de l’été', 'après une mauvaise surprise', 'dès la création',
];
const OPENERS = ['Au fond,', 'Dans les faits,', 'Pourtant,', 'Bien souvent,', 'D’expérience,', 'Pour résumer,', 'À l’usage,', 'Côté chiffres,', 'Autrement dit,'];
const ASIDES = [
	'Le plus difficile est de commencer, pas de continuer.',
	'Une heure bien employée en janvier en épargne dix en décembre.',
	'Personne ne regrette d’avoir écrit les choses noir sur blanc.',
	'Les clients remarquent surtout ce qui ne change pas : la fiabilité.',
	'Un outil que l’équipe n’ouvre jamais ne vaut rien, quel que soit son prix.',
	'Mieux vaut un petit pas chaque semaine qu’une grande réforme par an.',
	'La sérénité se gagne rarement en travaillant davantage.',
	'Demander conseil n’est pas un aveu de faiblesse, c’est de la gestion.',
];
const SECTIONS = [
	'Pourquoi en parler maintenant ?', 'Ce que disent les chiffres', 'Les trois écueils classiques', 'Une méthode pas à pas',
	'Le témoignage de Mélanie, fleuriste', 'Combien ça coûte vraiment ?', 'Les outils que nous utilisons', 'Et si l’on s’y prenait autrement ?',
	'Ce que nous ferions différemment', 'Questions fréquentes', 'Pour aller plus loin',
];
const SUBSECTIONS = ['Première étape : l’état des lieux', 'Deuxième étape : les priorités', 'Troisième étape : le suivi', 'Le cas des micro-entreprises', 'Côté réglementation', 'Un exemple chiffré'];
const POINTS = [
	'💶 **Des coûts prévisibles**', '⏱️ **Du temps retrouvé**', '🔐 **Moins de risques**', '🤝 **Des clients fidèles**',
	'🌿 **Un impact réduit**', '📚 **Des compétences partagées**', '🎯 **Des objectifs clairs**',
];
const LINKS = [
	['le site du service public', 'https://www.service-public.example/professionnels'], ['notre article sur les devis', 'https://carnet.example.com/posts/devis'],
	['une étude de l’Insee', 'https://insee.example.fr/etudes/tpe'], ['la documentation de l’outil', 'https://docs.example.org/demarrer'],
	['ce fil de discussion', 'https://forum.example.net/t/organisation'],
];
const CODE = [
	['js', 'const relances = factures.filter((f) => f.échéance < aujourdhui && !f.payée);\nconsole.log(`${relances.length} relances à envoyer 📬`);'],
	['bash', '# Archive mensuelle des pièces comptables\ntar czf "compta-$(date +%Y-%m).tgz" ~/Documents/compta/\necho "Archive prête ✅"'],
	['yaml', 'boutique:\n  nom: "Les Délices d’Éloïse"\n  horaires: "9h–19h"\n  fermeture: lundi\n  livraison: true'],
	['python', 'def seuil_de_rentabilite(charges_fixes, taux_marge):\n    """Chiffre d’affaires à partir duquel on gagne de l’argent."""\n    return round(charges_fixes / taux_marge)\n\nprint(seuil_de_rentabilite(42_000, 0.35))'],
];

/** Sentences and blocks drawn from `random`, a generator from random.mjs. */
export function createWriter(random) {
	const clause = () => {
		const [actor, plural] = random.pick(ACTORS);
		const verb = random.pick(ACTIONS)[plural ? 1 : 0];
		const thing = random.pick(THINGS).replace(/^(ses|son|sa) /, (word, possessive) => (plural ? `${PLURAL_POSSESSIVE[possessive]} ` : word));
		return `${actor} ${verb} ${thing} ${random.pick(MANNERS)}`;
	};
	const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
	const sentence = () => {
		if (random.chance(0.2)) return random.pick(ASIDES);
		return random.chance(0.35) ? `${random.pick(OPENERS)} ${clause()}.` : `${capitalise(clause())}.`;
	};
	const paragraph = (count = random.between(3, 6)) => {
		const sentences = Array.from({ length: count }, sentence);
		if (random.chance(0.25)) sentences.push(random.pick(EMOJI));
		return sentences.join(' ');
	};
	const link = () => {
		const [text, href] = random.pick(LINKS);
		return `[${text}](${href})`;
	};
	// Drawn without repeats, so that a post's headings (and their ids) are distinct.
	const sections = random.sample(SECTIONS, SECTIONS.length);
	let sectionCount = 0;
	return {
		clause,
		capitalise,
		sentence,
		paragraph,
		link,
		heading: () => sections[sectionCount++ % sections.length],
		subheading: () => random.pick(SUBSECTIONS),
		bullets: () => random.sample(POINTS, random.between(3, 5)).map((point) => `- ${point} : ${clause()}.`).join('\n'),
		steps: () => random.sample(POINTS, random.between(3, 4)).map((point, index) => `${index + 1}. ${point}\n   ${sentence()}`).join('\n'),
		quote: () => `> ${random.pick(ASIDES)} ${random.pick(EMOJI)}\n> — ${capitalise(random.pick(ACTORS)[0])}`,
		code: () => {
			const [language, source] = random.pick(CODE);
			return `\`\`\`${language}\n${source}\n\`\`\``;
		},
	};
}
