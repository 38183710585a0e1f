// @ts-check
import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://carnet.example.com',
	integrations: [
		carnet({
			title: 'Carnet',
			description: 'Le blog de démonstration de Carnet, un thème de blog pour Astro.',
			locale: 'fr',
			timeZone: 'Europe/Paris',
			postsPerPage: 6,
			socialImage: '/images/carnet-social.jpg',
			author: { name: 'L’équipe Carnet', url: 'https://carnet.example.com/' },
			navigation: [{ label: 'À propos', href: '/about/' }],
			social: [
				{ platform: 'mastodon', href: 'https://mastodon.example/@carnet' },
				{ platform: 'github', href: 'https://github.com/carnet-example' },
				{ platform: 'email', href: 'bonjour@carnet.example.com' },
			],
			themeToggle: true,
			intro:
				'Bienvenue sur le blog de démonstration de **Carnet**, un thème de blog pour Astro. Chaque article montre une fonction du thème : séries, articles épinglés, flux, images. [Suivre le blog](/subscribe/) dans votre lecteur de flux.',
			editUrl: 'https://github.com/carnet-example/carnet/edit/main/src/content/posts/',
			// A placeholder repository: giscus loads only when a reader reaches the comments.
			comments: {
				provider: 'giscus',
				repo: 'carnet-example/carnet',
				repoId: 'R_kgDOCarnet0',
				category: 'Commentaires',
				categoryId: 'DIC_kwDOCarnet0',
			},
			// One part replaced, one wrapped: see src/components/.
			components: {
				Footer: './src/components/Footer.astro',
				PostCard: './src/components/UpdatedPostCard.astro',
			},
		}),
	],
});
