import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Posts as other engines write them, after real posts of public repositories (bodies shortened), copied in
// unchanged: Hexo, Zola, Docusaurus, Gatsby's starter blog, Eleventy's base blog, Fuwari (Astro),
// wordpress-export-to-markdown, Astro's blog tutorial, Astro Cactus, Material for MkDocs, Jekyll Chirpy's
// media_subpath, prompts and kramdown attribute lists, Just the Docs' no_toc headings and table of contents,
// Jekyll's excerpt_separator, and Pelican.
const POSTS: Record<string, string> = {
	// Hexo's scaffold (huzhenghui's Hexo-Front-Matter.md), with Hexo's default date form and an asset folder.
	'hexo-front-matter.md': `---
title: Hexo-Front-Matter
date: 2019/10/16 16:17:03
updated: 2019-10-16 16:19:21
comments: true
tags:
  - Hexo
  - Front matter
categories:
  - [Hexo, Migration]
  - [Tools]
keywords:
  - Hexo
permalink: hexo/front-matter/
---

Hexo makes it simple to adjust the post content.

<!-- more -->

{% asset_img diagram.jpg "The Hexo asset folder" %}

{% asset_img diagram.jpg %}

See also {% post_link hexo-unpadded %}.
`,
	// Hexo with post_asset_folder: true, its images written by their bare names, as Hexo resolves them in the asset folder.
	'hexo-bare-assets.md': `---
title: Bare asset names
date: 2012-01-01 10:00:00
---

![A photo](photo.png)

<img src="photo.png" alt="Raw" width="300">

<img src="screen shot.png" alt="Raw spaced">

![Angled](<screen shot.png>)

![Encoded](screen%20shot.png)
`,
	// Hexo's asset folder of a post whose own name has a space.
	'my trip.md': `---
title: My trip
date: 2012-01-02 10:00:00
---

<img src="my photo.png" alt="Raw">

![Angled](<my photo.png>)

![Encoded](my%20photo.png)
`,
	// Hexo with a date whose month and day have one digit, as the scaffold's {{ date }} is often retyped.
	// Boxes written one right after the other, as Docusaurus, Hugo themes and Butterfly's users write them.
	'adjacent-boxes.md': `---
title: Adjacent boxes
date: 2024-06-01
---

:::tip
First.
:::
:::note
Second.
:::
{{< admonition warning >}}
Third.
{{< /admonition >}}
{{< admonition danger >}}
Fourth.
{{< /admonition >}}
{% note info %}
Fifth.
{% endnote %}
{% note warning %}
Sixth.
{% endnote %}
`,
	'hexo-unpadded.md': `---
title: HelloHexo
date: 2018-1-7 9:28:56
tags: [hexo, blog]
categories: misc
---

Hexo's common commands.
`,
	// Hexo with the NexT theme's note tag (a post of 初遇 deepnote).
	'deepnote.md': `---
title: 初遇 deepnote —— 使用简介
tags:
  - deepnote
  - jupyter
categories:
  - deepnote
keywords:
  - deepnote
  - jupyter
description: 本地 python 机器学习环境配置复杂？快来试试在线的 deepnote 吧！
hide: false
comments: true
katex: false
sticky: 0
sitemap: true
date: 2021-10-12 15:03:52
---

{% note info %}
本文章最后更新日期为：2021-10-12
{% endnote %}

## deepnote 是什么
`,
	// The README a Jekyll blog keeps in _posts/ (18F/18f.gsa.gov), with no front matter.
	'_posts/README.md': '# Posts\n\nOne file per post, named YYYY-MM-DD-slug.md.\n',
	// Octopress's codeblock tag, whose code holds a script tag (ttaubert/octoblog).
	'octopress-codeblock.markdown': `---
layout: post
title: "A Firefox OS password storage"
date: 2015-05-18 14:00:00 +0100
---

{% codeblock Store - store.js lang:js https://example.com/store.js Source %}
// <script src="localforage.min.js"/>

const HASH = "SHA-1";
{% endcodeblock %}

## Verifying a given passcode

Everything after the code is published.
`,
	// Zola (grifferz's migrated_frontmatter.md), dated by its file name.
	'2020-01-01-zola-post.md': `+++
title = "Title of the article"
description = """
Brief description of post. Doesn't end with a period
"""
updated = 2020-02-01

[taxonomies]
tags = [
    "list",
    "migrated-from-wordpress",
]
categories = ["tutorial"]

[extra]
hide_from_feed = true
+++

Brief description paragraph.

\`\`\`toml,hl_lines=2-3,name=config.toml
base_url = "https://example.com"
title = "Blog"
compile_sass = true
\`\`\`

\`\`\`go {linenos=table,hl_lines=[1,"3"]}
package main
import "fmt"
func main() { fmt.Println("hi") }
\`\`\`
`,
	// Docusaurus's starter post, dated by its folder's name, and one with a single author object (0815pascal/docusaurus).
	'2021-08-26-welcome/index.md': `---
slug: welcome
title: Welcome
authors: [slorber, yangshun]
tags: [facebook, hello, docusaurus]
---

[Docusaurus blogging features](https://docusaurus.io/docs/blog) are powered by the blog plugin.

<!-- truncate -->

:::tip

Use the power of React to create interactive blog posts.

:::
`,
	// johnnyreilly/blog.johnnyreilly.com's cross-post (body shortened): a <head> block, which Docusaurus moves into
	// the page's head, holding the canonical link to where it first appeared. Dated by its folder, older than the
	// others, so that the feeds' latest posts stay theirs.
	'2001-05-01-typescript-unit-tests-with-debug-support/index.md': `---
slug: typescript-unit-tests-with-debug-support
title: 'TypeScript Unit Tests with Debug Support'
authors: johnnyreilly
tags: [typescript, automated testing]
image: ./title-image.png
description: 'Unit tests are an important part of the development process. This post will outline how to write unit tests using TypeScript and how to debug them as well.'
hide_table_of_contents: false
---

<head>
    <link rel="canonical" href="https://meticulous.ai/blog/typescript-unit-tests-with-debugging/" />
</head>

<!--truncate-->

Unit tests are an important part of the development process. They are used to verify that the code is working as intended. This post will outline how to write unit tests using TypeScript and how to debug them as well.

![title image reading "TypeScript Unit Tests with Debug Support" with TypeScript and Jest logos](title-image.png)
`,
	// A cross-post's <head> block in MDX (after khulnasoft's Docusaurus post, untitled), its title and description
	// the post's, and an element Carnet leaves out. Older than the others, as the post above.
	'head-block.mdx': `---
date: 2001-05-02T09:32:46+09:00
authors:
- slorber
---

<head>
  <link rel="canonical" href="https://medium.com/@suzuki.shunsuke.1989/manage-cli-tool-version-with-khulnasoft-cee38b2c4bf5" />
  <title>Manage CLI tool version with khulnasoft</title>
  <meta name="description" content="In this post, I introduce the CLI tool khulnasoft." />
  <meta name="keywords" content="cli, yaml" />
</head>

Original Post: https://medium.com/@suzuki.shunsuke.1989/manage-cli-tool-version-with-khulnasoft-cee38b2c4bf5
`,
	// A <head> block an author commented out, in HTML and in MDX: not read. Older than the others, as the posts above.
	'2001-05-03-commented-head.md': `---
title: Commented head
description: The post's own description.
---

<!--
<head>
  <link rel="canonical" href="https://old.example.org/first-draft/" />
  <meta name="description" content="An old note I commented out." />
</head>
-->

The post itself.
`,
	'2001-05-04-commented-head-mdx.mdx': `---
title: MDX commented head
description: The MDX post's own description.
---

{/*
<head>
  <link rel="canonical" href="https://old.example.org/mdx/" />
  <meta name="description" content="An old MDX note." />
</head>
*/}

The MDX post itself.
`,
	// Docusaurus 3 reads .md posts as MDX, so they may hold MDX comments and its truncate divider.
	'2024-05-01-mdx-comments.md': `---
title: MDX comments in Markdown
tags: [docusaurus]
authors:
  - name: Ada
    image_url: /images/rose.jpg
---

What readers see first.

{/* truncate */}

The rest. {/* Ask the legal team before publishing. */}
`,
	// Temporal's Docusaurus post, its video player a React component written to close itself. Older than the
	// others, so that the feeds' latest posts stay theirs.
	'self-closing-player.md': `---
title: Self-closing player
date: 2001-06-17
---

Watch the talk.

<ResponsivePlayer url='https://www.youtube.com/watch?v=JK7WLK3ZSu8' />

## After the talk

Rest of the post.
`,
	// Temporal's Docusaurus post, its summary divider before any text. Older than the others, as above.
	'truncate-first.md': `---
title: Timeouts
date: 2001-06-16
---


<!--truncate-->

Part of the benefit of moving business logic to Temporal is how it implements retries.

More text.
`,
	// A post exported from DEV (dev.to), its cover moved into public/.
	'devto-export.md': `---
title: Ten things I learned shipping a side project
published: true
description: Lessons from a year of evenings.
tags: webdev, beginners, productivity
cover_image: /images/rose.jpg
canonical_url: https://dev.to/ada/ten-things-4k2p
published_at: 2023-05-01T10:00:00.000Z
---

Intro paragraph.

{% youtube dQw4w9WgXcQ %}

{% github withastro/astro %}
`,
	// A post from Hashnode's GitHub backup, its table of contents linking to headings with accents. Older
	// than the others, so that the feeds' latest posts stay theirs.
	'hashnode-backup.md': `---
title: "Comment configurer GitHub CLI sur WSL2"
datePublished: Fri Aug 14 2015 20:17:16 GMT+0000 (Coordinated Universal Time)
cuid: cme1abcde000a0alf7h7q7suq
slug: github-cli-wsl2
tags: github, wsl, linux

---

* [Prérequis](#heading-prerequis)
* [Comment révoquer l'accès de GitHub CLI sur GitHub](#heading-comment-revoquer-lacces-de-github-cli-sur-github)

## **Prérequis**

Text.

## Comment révoquer l'accès de GitHub CLI sur GitHub

Text.
`,
	// The lists of Docusaurus's starter blog, as its template writes them.
	'authors.yml': `johnnyreilly:
  name: John Reilly
  url: https://johnnyreilly.com

yangshun:
  name: Yangshun Tay
  title: Front End Engineer @ Facebook
  url: https://github.com/yangshun
  image_url: https://github.com/yangshun.png
  page: true
  socials:
    x: yangshunz
    github: yangshun

slorber:
  name: Sébastien Lorber
  title: Docusaurus maintainer
  url: https://sebastienlorber.com
  image_url: https://github.com/slorber.png
  page:
    # customize the url of the author page at /blog/authors/<permalink>
    permalink: '/all-sebastien-lorber-articles'
  socials:
    x: sebastienlorber
    github: slorber
    newsletter: https://thisweekinreact.com
`,
	'tags.yml': `facebook:
  label: Facebook
  permalink: /facebook
  description: Facebook tag description

hello:
  label: Hello
  permalink: /hello
  description: Hello tag description

docusaurus:
  label: Docusaurus
  permalink: /docusaurus
  description: Docusaurus tag description
`,
	'2019-05-28-first-blog-post.md': `---
slug: forward-vs-redirect
title: RequestDispatcher.forward() vs HttpServletResponse.sendRedirect()
authors:
  name: Pascal
  title: Full Stack Web Dev
  url: https://github.com/0815pascal
  image_url: https://github.com/0815pascal.png
tags: [Java, Servlets, { label: Redirect, permalink: /redirect }]
hide_table_of_contents: true
---

> What is the conceptual difference between \`forward()\` and \`sendRedirect()\`?

### requestDispatcher - forward() method

When we use the \`forward\` method, the request is transferred to another resource.

### SendRedirect

In case of \`sendRedirect\`, the request is transferred to another resource.

### Which one is good?

Its depends upon the scenario.
`,
	// gatsby-starter-lumen's posts, whose slug is the address the Gatsby site gave them.
	'2017-18-08---The-Birth-of-Movable-Type.md': `---
template: post
title: 'Johannes Gutenberg: The Birth of Movable Type'
slug: /posts/the-birth-of-movable-type/
date: '2003-08-18T22:12:03.284Z'
---

Body.
`,
	// Two slugs written as addresses that end in the same word, and one that is a path without a first slash.
	'review-2020.md': '---\ntitle: The year 2020\nslug: /2020/year-in-review\ndate: 2002-12-31\n---\n\nBody.\n',
	// Slugs naming a page's file, or holding a fragment, a query or a %.
	'old-html.md': '---\ntitle: Old HTML\nslug: /2019/03/old-post.html\ndate: 2004-01-02\n---\n\nBody.\n',
	'sharp.md': '---\ntitle: Sharp\nslug: "/posts/a#b/"\ndate: 2004-01-03\n---\n\nBody.\n',
	'query.md': '---\ntitle: Query\nslug: "/posts/q?x=1"\ndate: 2004-01-04\n---\n\nBody.\n',
	'percent.md': '---\ntitle: Percent\nslug: "/posts/100%-done/"\ndate: 2004-01-05\n---\n\nBody.\n',
	'contact-form.md': '---\ntitle: Our contact form\nslug: /contact/\ndate: 2004-01-01\n---\n\nBody.\n',
	'review-2021.md': '---\ntitle: The year 2021\nslug: /2021/year-in-review\ndate: 2003-12-31\n---\n\nBody.\n',
	'slug-a-b.md': '---\ntitle: A and B\nslug: a/b\ndate: 2003-03-01\n---\n\nBody.\n',
	// A Zola post whose dated address, where Carnet published it before, another post's slug now holds.
	'2004-05-01-zola-taken.md': '+++\ntitle = "Zola taken"\ndate = 2004-05-01\n[taxonomies]\n+++\n\nBody.\n',
	'zola-taken-holder.md': '---\ntitle: Holder of the dated address\nslug: 2004-05-01-zola-taken\ndate: 2004-04-01\n---\n\nBody.\n',
	// Gatsby's starter blog.
	'hello-world/index.md': `---
title: Hello World
date: "2015-05-01T22:12:03.284Z"
description: "Hello World"
---

This is my first post on my new fake blog! How exciting!

![Chinese Salty Egg](./salty_egg.jpg)
`,
	// Eleventy's base blog (its folder's data file adds the \`posts\` collection tag).
	'firstpost.md': `---
title: This is my first post.
description: This is a post on My Blog about agile frameworks.
date: 2018-05-01
tags:
  - another tag
layout: layouts/post.njk
---

Leverage agile frameworks to provide a robust synopsis for high level overviews.
`,
	// Fuwari's guide and its extended Markdown post.
	'guide/index.md': `---
title: Simple Guides for Fuwari
published: 2024-04-01
description: "How to use this blog template."
image: "./cover.jpeg"
tags: ["Fuwari", "Blogging", "Customization"]
category: Guides
draft: false
---

This blog template is built with [Astro](https://astro.build/).
`,
	'guide/markdown-extended.md': `---
title: Markdown Extended Features
published: 2024-05-01
updated: 2024-11-29
description: 'Read more about Markdown features in Fuwari'
image: ''
tags: [Demo, Example, Markdown, Fuwari]
category: '指南'
draft: false
lang: ''
---

## Admonitions

:::note
Highlights information that users should take into account, even when skimming.
:::

:::note[MY CUSTOM TITLE]
This is a note with a custom title.
:::

## GitHub Repository Cards

::github{repo="saicaca/fuwari"}

Create a card with the code \`::github{repo="saicaca/fuwari"}\`.

::link{url="https://picoctf.org/" text="picoCTF"}

::youtube{id="dQw4w9WgXcQ"}

## Spoiler

The content :spoiler[is hidden **ayyy**]! :tada: :not_an_emoji: 12:30:45

\`\`\`markdown
The content :spoiler[is hidden **ayyy**]! :tada:
\`\`\`
`,
	// A WordPress post exported by jekyll-import, its shortcodes kept (leonpaternoster.com, shortened).
	'_posts/2009-04-07-leading-and-measure.md': `---
author: admin
date: 2009-04-07 20:16:56+00:00
layout: post
slug: leading-and-measure
title: 'Leading and measure: experimenting with different values'
categories:
- Articles
---

[caption id="attachment_527" align="aligncenter" width="539"]<img src="/images/rose.jpg" alt="A rose" width="539" height="283" class="size-full wp-image-527" /> Typographical terms[/caption]

[embed]https://www.youtube.com/watch?v=ebgXN7VaIZA[/embed]

[gallery ids="12,13,14"]
`,
	// A wordpress.com post exported by jekyll-import: its paragraphs are HTML, a caption inside one.
	'_posts/2010-04-29-tabela.md': `---
title: Caption in a paragraph
date: 2010-04-29
---
<p>Vamos criar a seguinte tabela:
[caption id="attachment_664" align="aligncenter" width="163" caption="Tabela de Usuários"]<img src="http://example.org/tabela_usuarios.jpg" alt="Tabela" width="163" height="146" />[/caption]
Para criar essa tabela:</p>
`,
	// WordPress's default caption, around a linked image, and exitwp's, its caption in Markdown.
	'_posts/2010-04-28-linked-captions.md': `---
title: Linked captions
date: 2010-04-28
---
Intro.

[caption id="attachment_448" align="aligncenter" width="632"]<a href="http://example.org/img_3892.jpg"><img class="size-full wp-image-448" src="http://example.org/img_3892.jpg" alt="Tentative de passage" width="632" height="421" /></a> Pas Firewall-Friendly?[/caption]

[caption id="attachment_1937" align="aligncenter" width="960"][![2013.](http://example.org/oldcrap.png)](http://example.org/oldcrap.png) 2013. It was _worse_ than it looks.[/caption]
`,
	// A wordpress.com post of jekyll-import (thiagobelem.net): a [code] block in its own <p>, wpautop's paragraph
	// marks inside it, then PHP written among the paragraphs without a shortcode. Tagged for its own feed.
	'_posts/2010-01-01-logins.md': `---
title: Logins com classe
date: 2010-01-01
tags: [wp-paragraph-code]
---
<p>Intro:</p>
<p>[code language="php"]
<?php
class Usuario {</p>
<p>}
?>
[/code]</p>
<p>Sem shortcode:
<?php
class Conta {</p>
<p>}
?></p>
<p>After.</p>
`,
	// A caption whose brackets a Turndown-based converter escaped (mithunvp.com).
	'basic-types.md': `---
title: Basic types
date: 2016-05-01
---
See it \\[caption id="attachment_464" align="aligncenter" width="1366"\\][![basic types](/images/rose.jpg)](/images/rose.jpg) Type Checking\\[/caption\\] with this example.

\\[caption id="attachment_466" align="aligncenter" width="502"\\]![template](/images/rose.jpg) Template String code & output\\[/caption\\]
`,
	// SyntaxHighlighter Evolved's code shortcodes, one as written, one as the plugin stores it (escaped).
	'_posts/2010-04-30-wpcode.md': `---
title: Code shortcodes
date: 2010-04-30
---
Code:

[code language="php"]
echo "hi";
$x = array('a' => 1);
[/code]

[sourcecode language="html" title="index.html"]
&lt;p class=&quot;a&quot;&gt;Tom &amp;amp; Jerry&lt;/p&gt;
[/sourcecode]

<p>In HTML:</p>
[code]
x
[/code]

[php]<?php echo "hello"; ?>[/php]
`,
	// Grav's blog item: the folder names the post (after its ordering number), the admin's date, its taxonomy.
	'01.grav-blog/item.md': `---
title: Intro to Containers
date: 14:14 05/19/2016
taxonomy:
    category: [blog]
    tag: [docker, devops]
---

Containers, briefly.

===

The rest, after Grav's summary divider.

! Back up first.
! Then upgrade.

Between the notices.
!!!! A tip right under text.
`,
	// Ghost's members-only post.
	'members-only.md': `---
title: For paying members
date: 2023-01-01
visibility: paid
---

The paid part.
`,
	// blogdown's R Markdown output: knitr's plots beside the post, named through blogdown's postref.
	'flower/index.md': `---
title: Ten lines of R
date: 2022-04-24
---

<img src="{{< blogdown/postref >}}index_files/figure-html/unnamed-chunk-1-1.png" width="672" />
`,
	// A WordPress body in HTML, its sections <h2> headings without ids, one linked to from its introduction.
	'wp-html-headings.md': `---
title: HTML headings
date: 2016-07-07 12:00:00
toc: true
---
<p>Intro paragraph. Jump to <a href="#first-section">the first section</a>.</p>
<h2>First section</h2>
<p>One.</p>
<h2 class="wp-block-heading">Second section</h2>
<p>Two.</p>
<h3>Sub section</h3>
<p>Three.</p>
`,
	// Hugo (and Astro's glob()) keep a file name's underscores and accents in the address, lower-cased.
	'my_First_post.md': `---
title: Underscores
date: 2020-03-05
---
U.
`,
	'café-crème/index.md': `---
title: Café crème
date: 2020-03-03
---
Un café.
`,
	// wordpress-export-to-markdown: the cover image is a file name in the post's images/ folder.
	'hello-wordpress/index.md': `---
title: "Hello from WordPress"
date: "2020-01-05T14:00:00.000Z"
categories: 
  - "uncategorized"
tags: 
  - "cats"
coverImage: "cat.jpg"
---

![](images/cat.jpg)

WordPress.com's resized copies of it, each with the query that asked its host for a size:

![A smaller cat](images/cat.jpg?w=600)

<img src="images/cat.jpg?resize=300%2C200" alt="A resized cat">
`,
	// Jekyll Chirpy's media_subpath: the post's relative image paths are under it.
	'_posts/2024-03-01-chirpy-media.md': `---
title: Chirpy with a media subpath
date: 2024-03-01 10:00:00 +0100
categories: [Blogging]
tags: [chirpy]
media_subpath: /assets/img/posts/chirpy-media/
image:
  path: cover.jpg
  alt: A cover from the media subpath
---

![A figure](figure.jpg)

\`![Shown as code](code.jpg)\`
`,
	// Chirpy's "Text and Typography" post: kramdown attribute lists, and prompts.
	'_posts/2019-08-08-text-and-typography.md': `---
title: Text and Typography
description: Examples of text, typography, math equations, diagrams, flowcharts, pictures, videos, and more.
author: virginia
date: 2019-08-08 11:33:00 +0800
categories: [Blogging, Demo]
tags: [typography]
---

## Headings

## H2 — heading
{: data-toc-skip='' .mt-4 .mb-0 }

## Prompts

> An example showing the \`tip\` type prompt.
{: .prompt-tip }

> An example showing the \`danger\` type prompt.
{: .prompt-danger }

## Filepath

Here is the \`/path/to/the/file.extend\`{: .filepath}.

\`\`\`sass
@import
  "colors/light-typography",
  "colors/dark-typography";
\`\`\`
{: file='_sass/jekyll-theme-chirpy.scss'}

![Desktop View](/assets/img/posts/chirpy-media/figure.jpg){: width="972" height="589" .w-50 .left}
`,
	// Just the Docs' "Navigation Structure" page, as its sites wrote it: no_toc headings and kramdown's table of contents.
	'_posts/2013-05-20-navigation-structure.md': `---
layout: default
title: Navigation Structure
nav_order: 5
---

# Navigation Structure
{: .no_toc }

## Table of contents
{: .no_toc .text-delta }

1. TOC
{:toc}

---

## Main navigation

The main navigation for your Just the Docs site is on the left side of the page at large screens.

## Ordering pages

To specify a page order, you can use the \`nav_order\` parameter in your pages' YAML front matter.

#### Example
{: .no_toc }

\`\`\`yaml
nav_order: 4
\`\`\`

## Excluding pages

For specific pages that you do not wish to include in the main navigation, use \`nav_exclude: true\`.

### Child pages
{: .no_toc }

On child pages, simply set the \`parent:\` YAML front matter.
`,
	// tailwind-nextjs-starter-blog's MDX post: its layout names a component of that site, which MDX would import.
	// Sections written as # headings, as Godot's and Julia's posts write them.
	'godot-sections.md': `---
title: Sections as level 1
date: 2010-06-02
---

Intro.

# Create a script

Text.

## Attach it

Text.

# Run it

Text.

# Support

Text.
`,
	// A stray # heading among ## sections: the contents keep the ## and ### levels.
	'stray-title.md': `---
title: A stray heading
date: 2010-06-03
---

## Install

### On Linux

### On macOS

## Configure

### Options

## Use

# Appendix
`,
	// A Docusaurus 2 post in MDX, with its summary divider written as HTML, which MDX itself refuses.
	'docusaurus-truncate.mdx': `---
title: Truncated in MDX
date: 2010-06-01
---

Before the divider.

<!--truncate-->

After it.

\`\`\`html
<!-- shown -->
\`\`\`
`,
	// Weaviate's blog (Docusaurus): every figure an <img> whose src requires the file beside the post.
	'similarity-figures/index.mdx': `---
title: Distance metrics in MDX
date: 2010-06-02
tags: [figures-required]
---

Before.

<img
    src={require('./distance.png').default}
    alt="Similarity-Distance"
    style={{ maxWidth: "50%" }}
/>

<img src={require('@site/static/images/rose.jpg').default} alt="Rose" />

\`src={require('./distance.png').default}\` is how Docusaurus writes it.
`,
	'tailwind-starter.mdx': `---
title: 'Release of Tailwind Nextjs Starter Blog v2.0'
date: '2023-08-05'
lastmod: '2023-08-06'
tags: ['next-js', 'tailwind']
draft: false
summary: 'Release of Tailwind Nextjs Starter Blog template v2.0.'
layout: PostSimple
---

The starter moved to the app router.
`,
	// Rspress's blog post: MDX titled by its first heading, with a component of its own.
	'rspress-post.mdx': `---
date: 2024-10-01 08:00:00
---

# Announcing *Rspress* 1.0

export const Badge = (props) => <strong>{props.text}</strong>;

Rspress is <Badge text="stable" />.
`,
	// nodejs.org's migration post (an MDX file): a Before and an After block, which nodejs.org shows as labelled tabs.
	// (Dated before the others, so that the feeds' latest posts stay those the tests above read.)
	'chalk-to-styletext.mdx': `---
date: '2010-12-19T00:00:00.000Z'
category: migrations
title: Chalk to Node.js util styleText
author: richiemccoll
---

\`\`\`js displayName="Before"
import chalk from 'chalk';
\`\`\`

\`\`\`js displayName="After"
import { styleText } from 'node:util';
\`\`\`
`,
	// svelte.dev's blog post on observability: its file line and an added part.
	'sveltekit-observability.md': `---
title: 'Introducing integrated observability in SvelteKit'
date: 2010-08-18
author: Elliott Johnson
---

To enable trace emission, add the following to \`svelte.config.js\`:

\`\`\`js
/// file: svelte.config.js
export default {
	kit: {
		+++experimental: {
			tracing: {
				server: true
			}
		}+++
	}
};
\`\`\`
`,
	// The Go blog's context post: lines of a file beside it, and raw code, as the flight recorder post writes it.
	'go-context.md': `---
title: "Go Concurrency Patterns: Context"
date: 2010-07-29
summary: An introduction to the Go context package.
---

The core of the \`context\` package is the \`Context\` type:

{{code "context/interface.go" \`/A Context/\` \`/^}/\`}}

First, in \`main\`, we'll configure and start the flight recorder:

{{raw \`
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   200 * time.Millisecond,
	})
\`}}

{{play "context/missing.go"}}
`,
	// Keystatic's Markdoc post: its templates' date names, a callout, an embed over several lines, an unknown tag.
	'keystatic-post.mdoc': `---
title: Fresh Keystatic CLI
publishedOn: '2024-03-05'
date_updated: '2024-03-07'
---
Intro paragraph.

{% callout type="warning" title="What is npx?" %}
\`npx\` is a package runner.
{% /callout %}

{% embed
  mediaType="video"
  embedCode="<iframe width=\\"560\\" src=\\"https://www.youtube.com/embed/dQw4w9WgXcQ\\"></iframe>" /%}

{% aside %}
Recorded before the release.
{% /aside %}
`,
	// A Blogger post as jekyll-import writes it (Chang Liao's blog): its thumbnail is Blogger's 72-pixel crop.
	'_posts/2016-04-29-surface-water-hydrology.md': `---
layout: post
title: 'Surface water hydrology modeling: deal with different types of precipitation'
date: '2016-04-29T16:54:00.000-07:00'
author: Chang Liao
tags:
- Precipitation
modified_time: '2019-09-18T10:49:40.068-07:00'
thumbnail: https://4.bp.blogspot.com/-Q12F-KpAIQ8/WIPWzRA4L-I/AAAAAAAAUgs/QQh9sJu8_j0N1KTNe29yZ8RAc33QvCijwCLcB/s72-c/snow_or_rain.jpg
blogger_id: tag:blogger.com,1999:blog-5219825485683920737.post-7514953489820814314
blogger_orig_url: https://changliao.blogspot.com/2016/04/surface-water-hydrology-modeling-001.html
---

In surface water hydrology, precipitation is one of the most important components.
`,
	// Chirpy's older name of the same field.
	'_posts/2021-06-01-chirpy-img-path.md': `---
title: Chirpy with an img_path
date: 2021-06-01 10:00:00 +0100
img_path: /assets/img/posts/chirpy-media
image: cover.jpg
---

Body without images.

{% comment %}
A private note: the draft of the next post.
{% endcomment %}
`,
	// Jekyll's own excerpt separator, set on the post (cjshelton's blog).
	'_posts/2019-05-27-customising-jekyll-excerpt.md': `---
layout: post
title:  "Customising the Excerpt Separators in Jekyll"
excerpt_separator: <!-- excerpt-end -->
---

Jekyll offers a multitude of Blog related functionality out-of-the-box.

When creating my blog, I found the Excerpt feature useful.
<!-- excerpt-end -->

By default, the Excerpt for a blog post is set as the first paragraph of text.
`,
	// Astro's "Build a blog" tutorial, and Astro Cactus's cover image.
	'post-1.md': `---
layout: ../../layouts/MarkdownPostLayout.astro
title: 'My First Blog Post'
pubDate: 2022-07-01
description: 'This is the first post of my new Astro blog.'
author: 'Astro Learner'
image:
    url: '/images/rose.jpg'
    alt: 'The Astro logo on a dark background with a pink glow.'
tags: ["astro", "blogging", "learning in public"]
---
# My First Blog Post

Published on: 2022-07-01
`,
	'cover-image/index.md': `---
title: "Example Cover Image"
description: "This post is an example of how to add a cover/hero image"
publishDate: "04 July 2023"
updatedDate: "14 August 2023"
coverImage:
  src: "./cover.png"
  alt: "Astro build wallpaper"
tags: ["test", "image"]
---

This is a test post.
`,
	// Material for MkDocs' blog: a date object, and the title in the body's heading.
	'tackling-broken-links.md': `---
date:
  created: 2018-07-17
  updated: 2023-04-03
categories:
- Digital Humanities
authors:
- giulio
slug: tackling-broken-links
---
# Tackling Broken Links!

Some time ago we published a blog post.

!!! note "This is the whole point of boot environments"
    A bad upgrade is a rollback, not a rebuild.

  ![Blog]

[Blog]: tackling-broken-links/blog.png
`,
	// Zola's path, its old address.
	'zola-path.md': `+++
title = "Post Title"
date = "2026-01-22T16:55:48+00:00"
path = "blog/2026/01/22/post-slug/"

[extra]
  author = "Rohan Verma"
+++

Zola content.
`,
	// vuepress-theme-hope (a post of CPJiNan's PlayerLevel docs).
	'vuepress-download.md': `---
title: 下载&安装
date: 2023-09-05
icon: gears
order: 2
category:
  - 使用指南
tag:
  - 插件下载
  - 插件安装
---

本篇讲述如何正确下载插件

<!-- more -->

[[toc]]

### 下载
::: tip 
你可以在此处获取下载链接
:::
`,
	// Pelican (enriquerendon/blog_pelican_source): metadata lines, no front-matter fences.
	'first_post.md': `Title: My First Blog Post
Author: Enrique Rendon
Date: 2019-10-4 12:10
Category: blogging
Tags: python, markdown, pelican
Slug: my-first-blog-post

Blog post content goes here
`,
	// Pelican's link placeholders, as its own sample posts write them.
	'pelican-links.md': `Title: Pelican links
Date: 2010-06-10 10:00

[The first post]({filename}first_post.md), [from the root]({filename}/first_post.md) and ![A rose]({static}/images/rose.jpg).
`,
	// What Pelican sites write that Python-Markdown reads: {filename} before an image, braces percent-encoded
	// (mixxx.org's), empty fields, a summary with HTML, CodeHilite's first line.
	'pelican-written.md': `Title: Hello Empty Slug
Date: 2020-01-10 10:00
Slug:
Tags:
Summary: First line.<br>Second **bold** and <em>em</em>.

![A shot]({filename}/images/rose.jpg) and [![A cover](%7Bstatic%7D/images/rose.jpg)](%7Bstatic%7D/images/rose.jpg)

    :::bash
    echo hi
`,
	// An Obsidian note: wikilinks are not Markdown links.
	'obsidian/an-obsidian-note.md': `---
title: An Obsidian note
date: 2024-02-02
tags: [notes]
---

See [[Another note]], [[firstpost|the first post]] and [[2021-08-26-welcome/index|the welcome post]].

![[diagram.png|A diagram]]

![[Pasted image 20240202.png]]

![[Nowhere.png]]

Published text. %%A note to self: do not publish.%%

%%
A private block.
%%

Slides: [[talk.pdf|the slides]]; the recording: ![[clip.mp4]]

A line to link to. ^block-id-1

- an item ^item-2
- the next item
`,
	// A micro.blog note, as its Hugo export writes it: no title. Dated before the others, so that the feeds keep theirs.
	'microblog/123456.md': `---
title: ""
date: 2010-03-04T10:00:00-05:00
url: /2010/03/04/123456.html
---
Just had the *best* coffee in town, near the [station](https://example.com/station). ☕
`,
	// A Notion database page as "Export → Markdown & CSV" writes it: no front matter, the page's id in its
	// file name, its properties under the title, and its images in a folder named as the page.
	'Voyage à Kyoto 0123456789abcdef0123456789abcdef.md': `# Voyage à Kyoto

Created: January 5, 2024 3:04 PM
Tags: Voyage, Japon
Status: Published

Deux semaines en **train**.

![Le quai](Voyage%20%C3%A0%20Kyoto%200123456789abcdef0123456789abcdef/quai.jpg)
`,
	// Boxes as Hugo themes write them: Relearn's notice (its docs' example) and LoveIt's admonition.
	'hugo-boxes.md': `---
title: Boxes from Hugo themes
date: 2023-05-04T10:00:00+02:00
---
{{% notice tip "Before you start" %}}
A notice disclaimer, with **bold** text.
{{% /notice %}}

{{< admonition type=warning title="The subnets move too" open=false >}}
Check them before you deploy.
{{< /admonition >}}

{{< details summary="See the details" >}}
This is a **bold** word.
{{< /details >}}

{{< hint danger >}}
A hint from the Book theme.
{{< /hint >}}

{{< rawhtml >}}
<div class="from-rawhtml">Raw <b>HTML</b> from PaperMod's shortcode</div>
{{< /rawhtml >}}
`,
};

let site: BuiltSite;

beforeAll(async () => {
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': astroConfig({ title: 'Engines', timeZone: 'Europe/Paris' }, { site: 'https://engines.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hexo-front-matter/diagram.jpg': await makeJpeg(640, 360, 1),
		'src/content/posts/hexo-bare-assets/photo.png': await sharp(await makeJpeg(600, 400, 16)).png().toBuffer(),
		'src/content/posts/hexo-bare-assets/screen shot.png': await sharp(await makeJpeg(500, 300, 17)).png().toBuffer(),
		'src/content/posts/my trip/my photo.png': await sharp(await makeJpeg(400, 250, 18)).png().toBuffer(),
		'src/content/posts/hello-world/salty_egg.jpg': await makeJpeg(640, 360, 2),
		'src/content/posts/2001-05-01-typescript-unit-tests-with-debug-support/title-image.png': await sharp(await makeJpeg(800, 450, 19)).png().toBuffer(),
		'src/content/posts/guide/cover.jpeg': await makeJpeg(1200, 630, 3),
		'src/content/posts/hello-wordpress/images/cat.jpg': await makeJpeg(800, 600, 4),
		'public/assets/img/posts/chirpy-media/cover.jpg': await makeJpeg(1200, 630, 5),
		'public/assets/img/posts/chirpy-media/figure.jpg': await makeJpeg(700, 400, 6),
		'public/images/rose.jpg': await makeJpeg(1200, 630, 7),
		'src/content/posts/obsidian/diagram.png': await sharp(await makeJpeg(400, 300, 9)).png().toBuffer(),
		// Where Obsidian saves pasted images when its attachments folder is set, and a copy in its trash.
		'src/content/posts/attachments/Pasted image 20240202.png': await sharp(await makeJpeg(300, 200, 10)).png().toBuffer(),
		// Files an Obsidian note links to and embeds that are no images.
		'src/content/posts/obsidian/talk.pdf': '%PDF-1.4 slides',
		'src/content/posts/obsidian/clip.mp4': 'a recording',
		'src/content/posts/.trash/Nowhere.png': await sharp(await makeJpeg(300, 200, 11)).png().toBuffer(),
		'src/content/posts/similarity-figures/distance.png': await sharp(await makeJpeg(400, 300, 15)).png().toBuffer(),
		'src/content/posts/tackling-broken-links/blog.png': await sharp(await makeJpeg(500, 250, 14)).png().toBuffer(),
		'src/content/posts/cover-image/cover.png': await sharp(await makeJpeg(1200, 630, 8)).png().toBuffer(),
		'src/content/posts/Voyage à Kyoto 0123456789abcdef0123456789abcdef/quai.jpg': await makeJpeg(800, 450, 12),
		'src/content/posts/context/interface.go': '//go:build OMIT\n\npackage context\n\n// A Context carries a deadline.\ntype Context interface {\n\tDone() <-chan struct{}\n}\n',
		// A page of the site's own at the address a Gatsby slug names.
		'src/pages/contact.astro': '<p>Write to me</p>\n',
		'src/content/posts/flower/index_files/figure-html/unnamed-chunk-1-1.png': await sharp(await makeJpeg(672, 480, 13)).png().toBuffer(),
	};
	for (const [name, contents] of Object.entries(POSTS)) files[`src/content/posts/${name}`] = contents;
	site = await buildSite(writeSite('migration-engines', files));
	expect(site.ok, site.log).toBe(true);
});

const tagsOf = (slug: string) => {
	const $ = site.html(`posts/${slug}/index.html`);
	return $('.carnet-post a[rel="tag"], .carnet-post .carnet-tags a').map((_, a) => $(a).text().trim()).get();
};
const datetimes = (slug: string) => site.html(`posts/${slug}/index.html`)('.carnet-post-meta time').map((_, time) => time.attribs.datetime).get();
const description = (slug: string) => site.html(`posts/${slug}/index.html`)('meta[name="description"]').attr('content');

describe('Hexo posts', () => {
	test('reads Hexo dates written 2019/10/16 16:17:03, and 2018-1-7 9:28:56, in the site zone', () => {
		expect(datetimes('hexo-front-matter')).toEqual(['2019-10-16T16:17:03+02:00', '2019-10-16T16:19:21+02:00']);
		expect(datetimes('hexo-unpadded')).toEqual(['2018-01-07T09:28:56+01:00']);
	});

	test("adds every name of Hexo's nested category lists to the tags", () => {
		expect(tagsOf('hexo-front-matter')).toEqual(['Hexo', 'Front matter', 'Migration', 'Tools']);
		// One spelling per tag across the site: the other post's "Hexo".
		expect(tagsOf('hexo-unpadded')).toEqual(['Hexo', 'blog', 'misc']);
	});

	test("shows a Markdown image and a raw <img> written by a bare name (photo.png) from the post's asset folder, as Hexo resolves them, without a warning that no file is beside the post", () => {
		const $ = site.html('posts/hexo-bare-assets/index.html');
		const sources = $('.carnet-prose img').map((_, image) => $(image).attr('src')).get().slice(0, 2);
		expect(sources).toHaveLength(2);
		for (const source of sources) expect(source).toMatch(/^\/_astro\/photo\.[\w-]+\.webp$/);
		expect(site.exists(sources[0]?.slice(1) as string)).toBe(true);
		expect($('.carnet-prose img').eq(1).attr('alt')).toBe('Raw');
		expect(site.log.split('\n').filter((line) => line.includes('hexo-bare-assets.md') && line.includes('shows nothing'))).toEqual([]);
	});

	test("shows an image of the post's asset folder whose name or folder has a space, written <img src=\"screen shot.png\">, ![](<screen shot.png>) or ![](screen%20shot.png), without a warning or an error", () => {
		const shown = (slug: string) => {
			const $ = site.html(`posts/${slug}/index.html`);
			return $('.carnet-prose img')
				.map((_, image) => `${$(image).attr('alt')} ${$(image).attr('width')}x${$(image).attr('height')} ${site.exists(decodeURI($(image).attr('src') ?? '').slice(1))}`)
				.get();
		};
		expect(shown('hexo-bare-assets').slice(2)).toEqual(['Raw spaced 500x300 true', 'Angled 500x300 true', 'Encoded 500x300 true']);
		expect(shown('my-trip')).toEqual(['Raw 400x250 true', 'Angled 400x250 true', 'Encoded 400x250 true']);
		expect(site.log.split('\n').filter((line) => /WARN|ERROR/.test(line) && /screen shot|screen%20shot|my trip|my photo/.test(line))).toEqual([]);
	});

	test('shows the images an asset_img tag names from the post asset folder, with its title', () => {
		const $ = site.html('posts/hexo-front-matter/index.html');
		const images = $('.carnet-prose img');
		expect(images).toHaveLength(2);
		expect(images.first().attr('src')).toMatch(/diagram/);
		expect(images.first().attr('alt')).toBe('The Hexo asset folder');
		expect($('.carnet-prose figcaption').text()).toBe('The Hexo asset folder');
		expect($('.carnet-prose').text()).not.toContain('asset_img');
	});

	test("links post_link to the post it names, with that post's title", () => {
		const link = site.html('posts/hexo-front-matter/index.html')('.carnet-prose a');
		expect([link.text(), link.attr('href')]).toEqual(['HelloHexo', '/posts/hexo-unpadded/']);
	});

	test("shows Hugo themes' notice, admonition and hint shortcodes as callouts with their titles, and Hugo's details folded, without a warning", () => {
		const $ = site.html('posts/hugo-boxes/index.html');
		expect($('.carnet-callout--tip .carnet-callout__title').text().trim()).toBe('Before you start');
		expect($('.carnet-callout--tip').text()).toContain('A notice disclaimer, with bold text.');
		expect($('.carnet-callout--tip strong').last().text()).toBe('bold');
		expect($('.carnet-callout--warning .carnet-callout__title').text().trim()).toBe('The subnets move too');
		expect($('.carnet-callout--warning').text()).toContain('Check them before you deploy.');
		// Hugo's own details shortcode folds, as Hugo's <details> does.
		const details = $('details.carnet-callout--note');
		expect(details.find('summary').text().trim()).toBe('See the details');
		expect(details.attr('open')).toBeUndefined();
		expect(details.find('strong').last().text()).toBe('bold');
		expect($('.carnet-callout--caution').text()).toContain('A hint from the Book theme.');
		expect($('.carnet-prose .from-rawhtml b').text()).toBe('HTML');
		expect(site.log).not.toContain('src/content/posts/hugo-boxes.md:');
	});

	test("builds a page exported from Notion: title from its heading, date and tags from its properties, its image from the page's folder", () => {
		const $ = site.html('posts/voyage-a-kyoto/index.html');
		expect($('h1').text().trim()).toBe('Voyage à Kyoto');
		expect($('time[datetime]').first().attr('datetime')).toMatch(/^2024-01-05T15:04:00/);
		expect(tagsOf('voyage-a-kyoto')).toEqual(['Voyage', 'Japon']);
		expect($('.carnet-prose').text()).not.toContain('Created:');
		expect($('.carnet-prose strong').text()).toBe('train');
		expect($('.carnet-prose img[alt="Le quai"]').attr('src')).toMatch(/^\/_astro\/quai\./);
		expect(site.log).not.toContain('Voyage à Kyoto 0123456789abcdef0123456789abcdef.md:');
	});

	test("publishes nothing of a Liquid comment, on the page or in the feed", () => {
		expect(site.html('posts/chirpy-img-path/index.html')('.carnet-prose').text().trim()).toBe('Body without images.');
		expect(site.read('rss.xml')).toContain('Chirpy with an img_path');
		expect(site.read('rss.xml')).not.toContain('private note');
		expect(site.log).not.toContain('2021-06-01-chirpy-img-path.md:');
	});

	test("shows NexT's note tag as a callout, and names the keys of NexT it does not read", () => {
		const $ = site.html('posts/deepnote/index.html');
		expect($('.carnet-callout--note').text()).toContain('本文章最后更新日期为：2021-10-12');
		expect($('.carnet-prose').text()).not.toContain('{%');
		for (const key of ['hide', 'katex', 'sticky', 'sitemap']) expect(site.log).toContain(`front-matter key "${key}" is not a Carnet field`);
	});

	test('cuts the summary at <!-- more --> and makes a relative permalink an old address from the root', () => {
		expect(description('hexo-front-matter')).toBe('Hexo makes it simple to adjust the post content.');
		expect(site.exists('hexo/front-matter/index.html')).toBe(true);
	});
});

describe("a README in Jekyll's _posts/ folder", () => {
	test('is read as the folder\'s notes, not as a post, and says so', () => {
		expect(site.exists('posts/readme/index.html')).toBe(false);
		expect(site.read('rss.xml')).not.toContain('One file per post');
		expect(site.log).toContain("src/content/posts/_posts/README.md has no front matter: it is read as the folder's notes");
	});
});

describe("Zola's and Hugo's fence options, and Octopress's codeblock tag", () => {
	test("highlight the lines hl_lines names and caption Zola's name=, with no unknown language", () => {
		const $ = site.html('posts/zola-post/index.html');
		const [toml, go] = $('.carnet-code').toArray().map((block) => $(block));
		expect(toml?.find('figcaption').text()).toBe('config.toml');
		expect(toml?.find('mark').toArray().map((mark) => $(mark).text())).toEqual(['title = "Blog"', 'compile_sass = true']);
		expect(go?.find('mark').toArray().map((mark) => $(mark).text())).toEqual(['package main', 'func main() { fmt.Println("hi") }']);
		expect($('pre').attr('data-language')).toBe('toml');
		expect(site.log).not.toContain('Language does not exist');
		expect(site.log).not.toContain('hl_lines');
	});

	test('shows an Octopress codeblock as code, and the rest of the post after it', () => {
		const $ = site.html('posts/octopress-codeblock/index.html');
		expect($('.carnet-prose script')).toHaveLength(0);
		expect($('figure.carnet-code figcaption').text()).toBe('Store - store.js');
		expect($('.carnet-prose pre').text()).toContain('// <script src="localforage.min.js"/>');
		expect($('.carnet-prose h2').text()).toBe('Verifying a given passcode');
		expect($('.carnet-prose p').last().text()).toBe('Everything after the code is published.');
	});
});

describe('Zola posts', () => {
	test('reads tags and categories from [taxonomies], the date from the file name, and updated', () => {
		expect(tagsOf('zola-post')).toEqual(['list', 'migrated-from-wordpress', 'tutorial']);
		expect(datetimes('zola-post')).toEqual(['2020-01-01T00:00:00+01:00', '2020-02-01T00:00:00+01:00']);
		expect(description('zola-post')).toBe("Brief description of post. Doesn't end with a period");
	});

	test("warns naming both files when another post's slug holds the dated address a Zola post had, which then stays that post's page", () => {
		expect(site.html('posts/zola-taken/index.html')('h1').first().text().trim()).toBe('Zola taken');
		expect(site.html('posts/2004-05-01-zola-taken/index.html')('h1').first().text().trim()).toBe('Holder of the dated address');
		expect(site.log).toContain(
			'src/content/posts/2004-05-01-zola-taken.md: the address Carnet gave the post before, from its dated file name (/posts/2004-05-01-zola-taken), is the address of the post src/content/posts/zola-taken-holder.md, so no redirect page to this post is made there.',
		);
	});

	test('keeps [extra] as data and names it in a warning, as other unknown keys', () => {
		expect(site.log).toContain('src/content/posts/2020-01-01-zola-post.md:15: front-matter key "extra" is not a Carnet field');
		expect(site.log).not.toContain('"taxonomies"');
	});
});

describe('DEV (dev.to) exports', () => {
	test('read cover_image as the featured image, the tags string, and the embeds as links', () => {
		const $ = site.html('posts/devto-export/index.html');
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/engines\.example\.com\/_astro\/rose\./);
		expect($('.carnet-post picture img, .carnet-post img').first().attr('src')).toMatch(/rose/);
		expect(tagsOf('devto-export')).toEqual(['webdev', 'beginners', 'productivity']);
		expect(datetimes('devto-export')).toEqual(['2023-05-01T12:00:00+02:00']);
		expect($('.carnet-prose a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://github.com/withastro/astro']);
		expect($('link[rel="canonical"]').attr('href')).toBe('https://dev.to/ada/ten-things-4k2p');
		expect(site.log).not.toMatch(/devto-export\.md:\d+: (?:cover_image|.*is shown as written)/);
	});
});

describe("Hashnode's GitHub backups", () => {
	test('link their table of contents to headings with accents, whose ids keep them', () => {
		const $ = site.html('posts/github-cli-wsl2/index.html');
		const hrefs = $('.carnet-prose li a').map((_, a) => decodeURIComponent($(a).attr('href') ?? '')).get();
		expect(hrefs).toEqual(['#prérequis', "#comment-révoquer-laccès-de-github-cli-sur-github"]);
		for (const href of hrefs) expect($(`.carnet-prose h2[id="${href.slice(1)}"]`).length).toBe(1);
	});

	test('read their tags written as one string with commas without a warning', () => {
		expect(tagsOf('github-cli-wsl2')).toEqual(['github', 'wsl', 'linux']);
		expect(site.log).not.toMatch(/hashnode-backup\.md:\d+: tags/);
	});
});

describe('Docusaurus posts', () => {
	test('dates a post by the name of its folder, and reads its slug, authors and tags', () => {
		expect(datetimes('welcome')).toEqual(['2021-08-26T00:00:00+02:00']);
	});

	test('names the authors and tags a post gives by key as authors.yml and tags.yml do', () => {
		expect(tagsOf('welcome')).toEqual(['Facebook', 'Hello', 'Docusaurus']);
		const $ = site.html('posts/welcome/index.html');
		expect($('.carnet-post-meta').text()).toContain('Sébastien Lorber and Yangshun Tay');
		const [posting] = JSON.parse($('script[type="application/ld+json"]').text()) as { author: Record<string, unknown>[] }[];
		expect(posting?.author.map((author) => [author.name, author.url])).toEqual([
			['Sébastien Lorber', 'https://sebastienlorber.com'],
			['Yangshun Tay', 'https://github.com/yangshun'],
		]);
		const item = (JSON.parse(site.read('feed.json')).items as { title: string; authors: { name: string; url?: string; avatar?: string }[] }[]).find((entry) => entry.title === 'Welcome');
		expect(item?.authors.map((author) => author.name)).toEqual(['Sébastien Lorber', 'Yangshun Tay']);
		// An author that is no key of the list, in another engine's post, is shown as written, with a warning naming the list.
		expect(site.log.match(/^.*(?:authors|tags)\.yml.*$/gm)).toEqual([expect.stringMatching(/tackling-broken-links\.md:\d+: authors names the key "giulio", which \S*authors\.yml does not list: the byline shows "giulio"/)]);
	});

	test("makes the canonical link of a post's <head> block the page's only one, with no <head> in the body, and the page passes the Nu checker", () => {
		const $ = site.html('posts/typescript-unit-tests-with-debug-support/index.html');
		expect($('link[rel="canonical"]').map((_, link) => $(link).attr('href')).get()).toEqual(['https://meticulous.ai/blog/typescript-unit-tests-with-debugging/']);
		expect($('body link, body title, body meta').length).toBe(0);
		expect($('.carnet-prose').text()).not.toContain('canonical');
		expect($('.carnet-prose p').first().text()).toMatch(/^Unit tests are an important part/);
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const page = path.join(site.dist, 'posts/typescript-unit-tests-with-debug-support/index.html');
		expect(execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', page], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
		expect(site.log).not.toContain('typescript-unit-tests-with-debug-support/index.md:');
	});

	test('reads no <head> block inside an HTML comment or an MDX comment: the canonical link and description are the post\'s own, with no warning', () => {
		for (const [slug, own, extension] of [
			['commented-head', "The post's own description.", 'md'],
			['commented-head-mdx', "The MDX post's own description.", 'mdx'],
		] as const) {
			const $ = site.html(`posts/${slug}/index.html`);
			expect($('link[rel="canonical"]').map((_, link) => $(link).attr('href')).get(), slug).toEqual([`https://engines.example.com/posts/${slug}/`]);
			expect(description(slug), slug).toBe(own);
			expect($('body').text(), slug).not.toContain('old.example.org');
			expect(site.log, slug).not.toContain(`${slug}.${extension}:`);
		}
	});

	test("takes an MDX post's title and description from its <head> block when it has none, and leaves its other elements out with a warning naming the line", () => {
		const $ = site.html('posts/head-block/index.html');
		expect($('link[rel="canonical"]').map((_, link) => $(link).attr('href')).get()).toEqual(['https://medium.com/@suzuki.shunsuke.1989/manage-cli-tool-version-with-khulnasoft-cee38b2c4bf5']);
		expect($('h1').text().trim()).toBe('Manage CLI tool version with khulnasoft');
		expect(description('head-block')).toBe('In this post, I introduce the CLI tool khulnasoft.');
		expect($('body link, body title, body meta').length).toBe(0);
		expect($('.carnet-prose').text().trim()).toMatch(/^Original Post:/);
		expect(site.log.match(/^.*head-block\.mdx:.*$/gm)?.map((line) => line.replace(/^.*?src\//, 'src/'))).toEqual([
			'src/content/posts/head-block.mdx:11: <meta name="keywords" content="cli, yaml" /> in the post\'s <head> block is left out: Carnet writes each page\'s head itself, and reads from the block only a canonical link, a <title> and a <meta name="description">. To add it to the head of every page, override the Head component (see Components in the README); otherwise remove it.',
		]);
	});

	test("publishes an author's role, photo and profiles from authors.yml in JSON-LD, and the photo as the JSON Feed avatar", () => {
		const [posting] = JSON.parse(site.html('posts/welcome/index.html')('script[type="application/ld+json"]').text()) as { author: Record<string, unknown>[] }[];
		expect(posting?.author[0]).toEqual({
			'@type': 'Person',
			name: 'Sébastien Lorber',
			url: 'https://sebastienlorber.com',
			jobTitle: 'Docusaurus maintainer',
			image: 'https://github.com/slorber.png',
			sameAs: ['https://x.com/sebastienlorber', 'https://github.com/slorber', 'https://thisweekinreact.com'],
		});
		const item = (JSON.parse(site.read('feed.json')).items as { title: string; authors: { name: string; avatar?: string }[] }[]).find((entry) => entry.title === 'Welcome');
		expect(item?.authors.map((author) => author.avatar)).toEqual(['https://github.com/slorber.png', 'https://github.com/yangshun.png']);
	});

	test("reads a post's own author object with Docusaurus's title and image_url, and a photo in public/ as an absolute URL", () => {
		const [posting] = JSON.parse(site.html('posts/forward-vs-redirect/index.html')('script[type="application/ld+json"]').text()) as { author: Record<string, unknown> }[];
		expect(posting?.author).toMatchObject({ name: 'Pascal', jobTitle: 'Full Stack Web Dev', image: 'https://github.com/0815pascal.png' });
		const item = (JSON.parse(site.read('feed.json')).items as { title: string; authors: { name: string; avatar?: string }[] }[]).find((entry) => entry.title === 'MDX comments in Markdown');
		expect(item?.authors).toEqual([{ name: 'Ada', avatar: 'https://engines.example.com/images/rose.jpg' }]);
	});

	test('reads one author written as an object, and a tag written as { label, permalink }', () => {
		expect(site.html('posts/forward-vs-redirect/index.html')('.carnet-post-meta').text()).toContain('Pascal');
		expect(tagsOf('forward-vs-redirect')).toEqual(['Java', 'Servlets', 'Redirect']);
	});

	test('hides the table of contents of a post with hide_table_of_contents: true', () => {
		const $ = site.html('posts/forward-vs-redirect/index.html');
		expect($('.carnet-prose h3')).toHaveLength(3);
		expect($('.carnet-toc')).toHaveLength(0);
		expect(site.log).not.toContain('"hide_table_of_contents"');
	});

	test('cuts the summary at <!-- truncate --> and shows :::tip as a callout', () => {
		expect(description('welcome')).toBe('Docusaurus blogging features are powered by the blog plugin.');
		const callout = site.html('posts/welcome/index.html')('.carnet-callout--tip');
		expect(callout.text()).toContain('Use the power of React to create interactive blog posts.');
		expect(site.html('posts/welcome/index.html')('.carnet-prose').text()).not.toContain(':::');
	});

	test('shows a component written to close itself as an empty element, the rest of the post after it, with the warning that says so', () => {
		const $ = site.html('posts/self-closing-player/index.html');
		const player = $('.carnet-prose responsiveplayer');
		expect(player.attr('url')).toBe('https://www.youtube.com/watch?v=JK7WLK3ZSu8');
		expect(player.html()).toBe('');
		expect($('.carnet-prose > h2').text()).toBe('After the talk');
		expect($('.carnet-prose > p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Watch the talk.', 'Rest of the post.']);
		expect(site.log).toContain(
			'src/content/posts/self-closing-player.md:8: <ResponsivePlayer> is not rendered: it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render: the page shows an empty element, or the tag as text. Replace it with Markdown or HTML.',
		);
	});

	test('describes a post whose <!--truncate--> comes before any text by its first paragraph, as Docusaurus does', () => {
		const first = 'Part of the benefit of moving business logic to Temporal is how it implements retries.';
		const $ = site.html('posts/truncate-first/index.html');
		expect($('meta[name="description"]').attr('content')).toBe(first);
		expect($('meta[property="og:description"]').attr('content')).toBe(first);
		expect($('.carnet-prose p').map((_, paragraph) => $(paragraph).text()).get()).toEqual([first, 'More text.']);
	});

	test('cuts the summary at {/* truncate */} and publishes no other MDX comment of a .md post', () => {
		expect(description('mdx-comments')).toBe('What readers see first.');
		const page = site.read('posts/mdx-comments/index.html');
		expect(page).toContain('The rest.');
		expect(page).not.toContain('{/*');
		expect(page).not.toContain('legal team');
		expect(site.read('rss.xml')).toContain('MDX comments in Markdown');
		expect(site.read('rss.xml')).not.toContain('legal team');
	});
});

describe("Gatsby's starter blog, Eleventy's base blog, Fuwari and WordPress exports", () => {
	test('read their dates, descriptions, images and tags', () => {
		expect(datetimes('hello-world')).toEqual(['2015-05-02T00:12:03+02:00']);
		expect(description('hello-world')).toBe('Hello World');
		expect(site.html('posts/hello-world/index.html')('.carnet-prose img').attr('src')).toMatch(/salty_egg/);
		expect(tagsOf('firstpost')).toEqual(['another tag']);
		expect(datetimes('guide')).toEqual(['2024-04-01T00:00:00+02:00']);
		expect(tagsOf('guide')).toEqual(['Fuwari', 'Blogging', 'Customization', 'Guides']);
		expect(site.html('posts/guide/index.html')('.carnet-post__image').attr('src')).toMatch(/cover/);
		expect(site.html('posts/markdown-extended/index.html')('.carnet-post__image')).toHaveLength(0);
		expect(tagsOf('markdown-extended')).toEqual(['Demo', 'Example', 'Markdown', 'Fuwari', '指南']);
	});

	test('lists the # sections of a post that has no ## in its table of contents, the level under them nested', () => {
		const $ = site.html('posts/godot-sections/index.html');
		expect($('.carnet-toc > ol > li > a').map((_, link) => $(link).text()).get()).toEqual(['Create a script', 'Run it', 'Support']);
		expect($('.carnet-toc ol ol a').map((_, link) => $(link).text()).get()).toEqual(['Attach it']);
	});

	test('keeps ## and ### in the contents of a post with one stray # heading', () => {
		const $ = site.html('posts/stray-title/index.html');
		expect($('.carnet-toc > ol > li > a').map((_, link) => $(link).text()).get()).toEqual(['Install', 'Configure', 'Use']);
		expect($('.carnet-toc ol ol a').map((_, link) => $(link).text()).get()).toEqual(['On Linux', 'On macOS', 'Options']);
	});

	test("builds an MDX post with Docusaurus's <!--truncate-->, the comment out of the page and a comment in its code shown", () => {
		const $ = site.html('posts/docusaurus-truncate/index.html');
		expect($('.carnet-prose p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Before the divider.', 'After it.']);
		expect($('.carnet-prose pre code').text()).toContain('<!-- shown -->');
		expect($('.carnet-prose').html()).not.toContain('truncate');
	});

	test("shows an MDX post's images whose src requires the file, as Docusaurus posts write them, in its page and its feeds", () => {
		const $ = site.html('posts/similarity-figures/index.html');
		const sources = $('.carnet-prose img').map((_, image) => image.attribs.src).get();
		expect(sources).toEqual([expect.stringMatching(/^\/_astro\/distance\.[\w-]+\.png$/), '/images/rose.jpg']);
		expect(site.exists((sources[0] as string).slice(1))).toBe(true);
		expect($('.carnet-prose code').text()).toBe("src={require('./distance.png').default}");
		const [item] = [site.xml('tags/figures-required/rss.xml').rss.channel.item].flat() as Record<string, string>[];
		const content = cheerio.load(item?.['content:encoded'] ?? '');
		expect(content('img').map((_, image) => image.attribs.src).get()).toEqual([`https://engines.example.com${sources[0]}`, 'https://engines.example.com/images/rose.jpg']);
	});

	test('shows boxes written one right after the other as callouts of their own, no marker left as text', () => {
		const $ = site.html('posts/adjacent-boxes/index.html');
		const callouts = $('.carnet-prose aside.carnet-callout');
		expect(callouts.map((_, callout) => $(callout).attr('class')?.match(/carnet-callout--(\w+)/)?.[1]).get()).toEqual(['tip', 'note', 'warning', 'caution', 'note', 'warning']);
		expect(callouts.map((_, callout) => $(callout).find('p:not(.carnet-callout__title)').text().trim()).get()).toEqual(['First.', 'Second.', 'Third.', 'Fourth.', 'Fifth.', 'Sixth.']);
		expect($('.carnet-prose').text()).not.toContain('[!');
	});

	test("shows Fuwari's :::note admonitions as callouts, with their own title", () => {
		const $ = site.html('posts/markdown-extended/index.html');
		const titles = $('.carnet-callout--note .carnet-callout__title').map((_, title) => $(title).text().trim()).get();
		expect(titles).toEqual(['Note', 'MY CUSTOM TITLE']);
		expect($('.carnet-prose').text()).not.toContain(':::');
	});

	test("links Fuwari's repository and link cards, hides a spoiler until it is pointed at, and shows :tada: as 🎉", () => {
		const $ = site.html('posts/markdown-extended/index.html');
		expect($('.carnet-prose a[href="https://github.com/saicaca/fuwari"]').text()).toBe('saicaca/fuwari');
		expect($('.carnet-prose a[href="https://picoctf.org/"]').text()).toBe('picoCTF');
		const spoiler = $('.carnet-prose .carnet-spoiler');
		expect(spoiler.attr('tabindex')).toBe('0');
		expect(spoiler.find('strong').text()).toBe('ayyy');
		const paragraph = spoiler.parent().text();
		expect(paragraph).toContain('🎉 :not_an_emoji: 12:30:45');
		// Code shows what was written.
		expect($('.carnet-prose code').text()).toContain('::github{repo="saicaca/fuwari"}');
		expect($('.carnet-prose pre').text()).toContain('The content :spoiler[is hidden **ayyy**]! :tada:');
		expect(site.log).toContain(
			'src/content/posts/guide/markdown-extended.md:31: ::youtube{id="dQw4w9WgXcQ"} is shown as written: ::youtube is a remark-directive component that Carnet does not have.',
		);
		expect(site.log).not.toContain('::github{repo="saicaca/fuwari"} is shown as written');
		// In the feed, the spoiler's words and the emoji are there.
		const items = site.xml('rss.xml').rss.channel.item as Record<string, any>[];
		const content = items.find((item) => item.title === 'Markdown Extended Features')?.['content:encoded'] as string;
		expect(content).toContain('is hidden <strong>ayyy</strong>');
		expect(content).toContain('🎉');
	});

	test("finds wordpress-export-to-markdown's coverImage in the post's images folder, shown once, where its body shows it first", () => {
		const $ = site.html('posts/hello-wordpress/index.html');
		expect($('.carnet-post__image')).toHaveLength(0);
		expect($('.carnet-prose img').first().attr('src')).toMatch(/cat/);
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https?:\/\/.+\.jpe?g$/);
		expect(tagsOf('hello-wordpress')).toEqual(['cats', 'uncategorized']);
	});

	test("shows an image beside a WordPress post written with its host's query (cat.jpg?w=600) from the file the path names", () => {
		const $ = site.html('posts/hello-wordpress/index.html');
		const sources = ['A smaller cat', 'A resized cat'].map((alt) => $(`.carnet-prose img[alt="${alt}"]`).attr('src'));
		for (const source of sources) expect(source).toMatch(/^\/_astro\/cat\.[\w-]+\.(?:webp|jpe?g)$/);
		expect(site.log).not.toContain('cat.jpg?');
	});
});

describe('WordPress exports, Grav, Ghost and blogdown', () => {
	test("show WordPress's caption as a figure, its embed as a link, and leave its gallery out, saying so", () => {
		const $ = site.html('posts/leading-and-measure/index.html');
		expect($('.carnet-prose figure img').attr('alt')).toBe('A rose');
		expect($('.carnet-prose figure figcaption').text()).toBe('Typographical terms');
		expect($('.carnet-prose a[href="https://www.youtube.com/watch?v=ebgXN7VaIZA"]').length).toBe(1);
		expect($('.carnet-prose').text()).not.toMatch(/\[(?:caption|embed|gallery)|\[\/(?:caption|embed)/);
		expect(site.log).toContain('src/content/posts/_posts/2009-04-07-leading-and-measure.md:15: [gallery ids="12,13,14"] is left out');
	});

	test("show a caption inside a jekyll-import <p> as the image with its caption under it, its address intact", () => {
		const $ = site.html('posts/tabela/index.html');
		expect($('.carnet-prose p img').attr('src')).toBe('http://example.org/tabela_usuarios.jpg');
		expect($('.carnet-prose p em').text()).toBe('Tabela de Usuários');
		expect($('.carnet-prose').text()).not.toMatch(/\[\/?caption|!\[/);
	});

	test("show a WordPress caption around a linked image as a figure that keeps the link, exitwp's Markdown caption as its text", () => {
		const $ = site.html('posts/linked-captions/index.html');
		const figures = $('.carnet-prose figure.carnet-figure');
		expect(figures.map((_, figure) => [[$(figure).find('> a').attr('href'), $(figure).find('a > img').length, $(figure).find('figcaption').text()]]).get()).toEqual([
			['http://example.org/img_3892.jpg', 1, 'Pas Firewall-Friendly?'],
			['http://example.org/oldcrap.png', 1, '2013. It was worse than it looks.'],
		]);
	});

	test("show SyntaxHighlighter's [code] blocks as code in their language, as the plugin shows it, one written on one line as inline code, and say which one in HTML is shown as written", () => {
		const $ = site.html('posts/wpcode/index.html');
		expect($('.carnet-prose pre').map((_, pre) => [[$(pre).attr('data-language'), $(pre).text()]]).get()).toEqual([
			['php', 'echo "hi";\n$x = array(\'a\' => 1);'],
			['html', '<p class="a">Tom &amp; Jerry</p>'],
		]);
		expect($('.carnet-prose figure.carnet-code figcaption').text()).toBe('index.html');
		expect($('.carnet-prose p > code').map((_, code) => $(code).text()).get()).toEqual(['<?php echo "hello"; ?>']);
		expect(site.log).toContain('src/content/posts/_posts/2010-04-30-wpcode.md:17: [code] is shown as written: it is in HTML, where Markdown is not read; leave a blank line before it.');
	});

	test("show a [code] block jekyll-import wrote in its own <p> as its code, whole, on the page and in the feed; and PHP among paragraphs as text, saying so", () => {
		const $ = site.html('posts/logins/index.html');
		expect($('.carnet-prose pre').map((_, pre) => [[$(pre).attr('data-language'), $(pre).text()]]).get()).toEqual([['php', '<?php\nclass Usuario {\n\n}\n?>']]);
		expect($('.carnet-prose p').map((_, p) => $(p).text()).get()).toEqual(['Intro:', 'Sem shortcode:\n<?php\nclass Conta {', '}\n?>', 'After.']);
		const [item] = [site.xml('tags/wp-paragraph-code/rss.xml').rss.channel.item].flat() as Record<string, string>[];
		const feed = cheerio.load(item?.['content:encoded'] ?? '', null, false);
		expect(feed('pre').text()).toBe('<?php\nclass Usuario {\n\n}\n?>');
		expect(feed.root().text()).toContain('<?php\nclass Conta {');
		expect(site.log).toContain('src/content/posts/_posts/2010-01-01-logins.md:14: "<?php" opens something only the ">" of a tag after it ends');
		expect(site.log).not.toMatch(/2010-01-01-logins\.md:\d+: \[code/);
	});

	test("show a caption whose brackets a Turndown converter escaped as the unescaped one: the image, its caption its title or a figure's", () => {
		const $ = site.html('posts/basic-types/index.html');
		expect($('.carnet-prose p a img').attr('title')).toBe('Type Checking');
		expect($('.carnet-prose figure figcaption').text()).toBe('Template String code & output');
		expect($('.carnet-prose').text()).not.toMatch(/\[\/?caption/);
	});

	test('build an MDX post whose layout names a component of the blog it came from, with its body in the page and the feeds', () => {
		expect(site.html('posts/tailwind-starter/index.html')('.carnet-prose').text().trim()).toBe('The starter moved to the app router.');
		expect(site.read('feed.json')).toContain('The starter moved to the app router.');
	});

	test("build an MDX post titled by its first heading, as Rspress writes them, which the page and the feeds show once, as its title", () => {
		const $ = site.html('posts/rspress-post/index.html');
		expect($('h1').map((_, heading) => $(heading).text()).get()).toEqual(['Announcing Rspress 1.0']);
		expect($('.carnet-prose').text().trim()).toBe('Rspress is stable.');
		const item = (JSON.parse(site.read('feed.json')) as { items: { title: string; content_html: string }[] }).items.find((entry) => entry.title === 'Announcing Rspress 1.0');
		expect(item?.content_html).not.toContain('<h1');
		expect(item?.content_html).toContain('<strong>stable</strong>');
	});

	test("read Keystatic's Markdoc post (.mdoc): its dates, callout and embed, and its unknown tags shown as code, each warned about", () => {
		expect(datetimes('keystatic-post')).toEqual(['2024-03-05T00:00:00+01:00', '2024-03-07T00:00:00+01:00']);
		const $ = site.html('posts/keystatic-post/index.html');
		expect($('.carnet-prose aside.carnet-callout--warning .carnet-callout__title').text()).toBe('What is npx?');
		expect($('.carnet-prose a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').length).toBe(1);
		expect($('.carnet-prose code').map((_, code) => $(code).text()).get()).toEqual(['npx', '{% aside %}', '{% /aside %}']);
		expect($('.carnet-prose').text()).toContain('Recorded before the release.');
		expect(site.log).toContain('src/content/posts/keystatic-post.mdoc:16: {% aside %} is shown as written: the Markdoc tag aside is not one Carnet knows.');
		expect(site.log).toContain('src/content/posts/keystatic-post.mdoc:18: {% /aside %} is shown as written: it closes the Markdoc tag aside, which is not one Carnet knows.');
	});

	test("read a Blogger post of jekyll-import: its Blogger address redirects, its update is shown, and Blogger's thumbnail is no featured image", () => {
		expect(datetimes('surface-water-hydrology')).toEqual(['2016-04-30T01:54:00+02:00', '2019-09-18T19:49:40+02:00']);
		expect(site.html('2016/04/surface-water-hydrology-modeling-001.html')('meta[http-equiv="refresh"]').attr('content')).toContain('/posts/surface-water-hydrology/');
		expect(site.html('posts/surface-water-hydrology/index.html')('.carnet-post img').length).toBe(0);
		expect(site.log).not.toMatch(/surface-water-hydrology\.md:\d+: (?:front-matter key|thumbnail)/);
	});

	test("name a Grav post after its folder, date it as Grav's admin wrote it, and read its taxonomy and summary divider", () => {
		expect(datetimes('grav-blog')).toEqual(['2016-05-19T14:14:00+02:00']);
		expect(tagsOf('grav-blog')).toEqual(['docker', 'devops', 'blog']);
		// Its summary divider ends the summary, and is not shown.
		expect(description('grav-blog')).toBe('Containers, briefly.');
		const $ = site.html('posts/grav-blog/index.html');
		expect($('.carnet-prose').text()).not.toContain('===');
		// Its notices (`!` yellow, `!!!!` green) are callouts, each line of a notice in it.
		expect($('.carnet-prose aside.carnet-callout--warning').text()).toMatch(/Back up first\.\s+Then upgrade\./);
		expect($('.carnet-prose aside.carnet-callout--tip').text()).toContain('A tip right under text.');
		expect($('.carnet-prose').text()).not.toMatch(/^!/m);
	});

	test("hold a Ghost post for paying members back, saying why", () => {
		expect(site.exists('posts/members-only/index.html')).toBe(false);
		expect(site.read('rss.xml')).not.toContain('The paid part');
		expect(site.log).toContain("src/content/posts/members-only.md:4: visibility: paid says the post is not for everyone (Ghost's members, or a private note)");
	});

	test("show blogdown's plots, which it names through its postref, as images of the build", () => {
		const image = site.html('posts/flower/index.html')('.carnet-prose img');
		expect(image.attr('src')).toMatch(/^\/_astro\/unnamed-chunk-1-1\.[\w-]+\.webp$/);
		expect(site.exists(image.attr('src')?.slice(1) as string)).toBe(true);
	});
});

describe("Jekyll's media_subpath, kramdown attribute lists and excerpt_separator", () => {
	test("puts Chirpy's media_subpath (and img_path) before the featured image and the body's images", () => {
		const $ = site.html('posts/chirpy-media/index.html');
		expect($('.carnet-post__image').attr('src')).toMatch(/cover/);
		expect($('.carnet-post__image').attr('alt')).toBe('A cover from the media subpath');
		expect($('.carnet-prose img').attr('src')).toMatch(/figure/);
		expect($('.carnet-prose code').text()).toContain('![Shown as code](code.jpg)');
		expect(site.html('posts/chirpy-img-path/index.html')('.carnet-post__image').attr('src')).toMatch(/cover/);
		expect(site.log).not.toContain('"media_subpath"');
		expect(site.log).not.toContain('"img_path"');
	});

	test("shows Chirpy's prompts as callouts and leaves kramdown's attribute lists out, saying so", () => {
		const $ = site.html('posts/text-and-typography/index.html');
		expect($('.carnet-callout--tip').text()).toContain('An example showing the tip type prompt.');
		expect($('.carnet-callout--caution').text()).toContain('An example showing the danger type prompt.');
		expect($('.carnet-prose').text()).not.toContain('{:');
		expect($('.carnet-prose p code').filter((_, code) => $(code).text() === '/path/to/the/file.extend')).toHaveLength(1);
		expect(site.log).toContain(
			"src/content/posts/_posts/2019-08-08-text-and-typography.md:13: {: data-toc-skip='' .mt-4 .mb-0 } and 3 other kramdown attribute lists (lines 13, 25, 32, 34) are left out",
		);
	});

	test("leaves the heading above Chirpy's {: data-toc-skip='' } out of Contents, shown on the page", () => {
		const $ = site.html('posts/text-and-typography/index.html');
		expect($('.carnet-toc a').map((_, link) => $(link).text()).get()).toEqual(['Headings', 'Prompts', 'Filepath']);
		expect($('.carnet-prose h2').map((_, heading) => $(heading).text()).get()).toEqual(['Headings', 'H2 — heading', 'Prompts', 'Filepath']);
	});

	test("leaves Just the Docs' no_toc headings out of Contents, shown on the page, and kramdown's table of contents out with its heading, saying so", () => {
		const $ = site.html('posts/navigation-structure/index.html');
		expect($('.carnet-toc > ol > li > a').map((_, link) => $(link).text()).get()).toEqual(['Main navigation', 'Ordering pages', 'Excluding pages']);
		expect($('.carnet-toc ol ol a')).toHaveLength(0);
		expect($('.carnet-prose h4').text()).toBe('Example');
		expect($('.carnet-prose h3').text()).toBe('Child pages');
		expect($('.carnet-prose h3').attr('id')).toBe('child-pages');
		// The title heading is the page's title, and the table of contents' own heading is left out with it.
		expect($('.carnet-prose h1, .carnet-prose h2').map((_, heading) => $(heading).text()).get()).toEqual(['Main navigation', 'Ordering pages', 'Excluding pages']);
		expect($('.carnet-prose').text()).not.toContain('{:');
		expect($('.carnet-prose').text()).not.toContain('TOC');
		expect(site.log).toContain(
			'src/content/posts/_posts/2013-05-20-navigation-structure.md:14: kramdown\'s table of contents (a list line above {:toc}) and its "Table of contents" heading (line 10) are left out: Carnet shows a table of contents by itself from three sections on (see the post\'s toc field).',
		);
		expect(site.log).not.toContain('2013-05-20-navigation-structure.md:8:');
		expect(site.log).not.toContain('2013-05-20-navigation-structure.md:11:');
	});

	test("ends the summary at the post's own excerpt_separator", () => {
		expect(description('customising-jekyll-excerpt')).toBe('Jekyll offers a multitude of Blog related functionality out-of-the-box. When creating my blog, I found the Excerpt feature useful.');
		expect(site.log).not.toContain('"excerpt_separator"');
	});
});

describe("Astro's blog tutorial, Astro Cactus, Material for MkDocs and Zola's path", () => {
	test('read an image object { url, alt } and a coverImage { src, alt }', () => {
		const tutorial = site.html('posts/post-1/index.html');
		expect(tutorial('.carnet-post__image').attr('src')).toMatch(/rose/);
		expect(tutorial('.carnet-post__image').attr('alt')).toBe('The Astro logo on a dark background with a pink glow.');
		const cactus = site.html('posts/cover-image/index.html');
		expect(cactus('.carnet-post__image').attr('src')).toMatch(/cover/);
		expect(cactus('.carnet-post__image').attr('alt')).toBe('Astro build wallpaper');
		expect(datetimes('cover-image')).toEqual(['2023-07-04T00:00:00+02:00', '2023-08-14T00:00:00+02:00']);
	});

	test("take Material for MkDocs' date object, the title from the body's heading, shown once, and !!! admonitions", () => {
		const $ = site.html('posts/tackling-broken-links/index.html');
		expect($('h1').map((_, h1) => $(h1).text().trim()).get()).toEqual(['Tackling Broken Links!']);
		expect(datetimes('tackling-broken-links')).toEqual(['2018-07-17T00:00:00+02:00', '2023-04-03T00:00:00+02:00']);
		expect(tagsOf('tackling-broken-links')).toEqual(['Digital Humanities']);
		expect($('.carnet-callout--note .carnet-callout__title').text().trim()).toBe('This is the whole point of boot environments');
		expect($('.carnet-callout--note').text()).toContain('A bad upgrade is a rollback, not a rebuild.');
	});

	test('show an image written as a reference to a file beside the post ([Blog]: folder/blog.png), optimised as an inline one is', () => {
		const image = site.html('posts/tackling-broken-links/index.html')('.carnet-prose img[alt="Blog"]');
		expect(image.attr('src')).toMatch(/^\/_astro\/blog\.[\w-]+\.webp$/);
		expect({ width: image.attr('width'), height: image.attr('height') }).toEqual({ width: '500', height: '250' });
	});

	test("keep a Gatsby slug written as an address as the post's slug, with a redirect page from that address", () => {
		expect(site.html('posts/posts-the-birth-of-movable-type/index.html')('h1').first().text().trim()).toBe('Johannes Gutenberg: The Birth of Movable Type');
		expect(site.html('posts/the-birth-of-movable-type/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://engines.example.com/posts/posts-the-birth-of-movable-type/');
		for (const year of ['2020', '2021']) {
			expect(site.html(`posts/${year}-year-in-review/index.html`)('h1').first().text().trim()).toBe(`The year ${year}`);
			expect(site.html(`${year}/year-in-review/index.html`)('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=https://engines.example.com/posts/${year}-year-in-review/`);
		}
		expect(site.html('posts/a-b/index.html')('h1').first().text().trim()).toBe('A and B');
		expect(site.html('a/b/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://engines.example.com/posts/a-b/');
	});

	test('list the headings a WordPress body writes in HTML in its table of contents, each with an id its links reach', () => {
		const $ = site.html('posts/wp-html-headings/index.html');
		expect($('.carnet-toc a').map((_, link) => `${$(link).attr('href')} ${$(link).text().trim()}`).get()).toEqual([
			'#first-section First section',
			'#second-section Second section',
			'#sub-section Sub section',
		]);
		expect($('.carnet-prose h2#first-section').text()).toBe('First section');
		expect($('.carnet-prose h2#second-section').attr('class')).toBe('wp-block-heading');
		expect($('.carnet-prose a[href="#first-section"]')).toHaveLength(1);
	});

	test("keep the address Hugo and Astro's glob() gave a file name with underscores or accents, with a redirect page from it", () => {
		expect(site.html('posts/my-first-post/index.html')('h1').first().text().trim()).toBe('Underscores');
		expect(site.html('posts/my_first_post/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://engines.example.com/posts/my-first-post/');
		expect(site.html('posts/cafe-creme/index.html')('h1').first().text().trim()).toBe('Café crème');
		expect(site.html('posts/café-crème/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://engines.example.com/posts/cafe-creme/');
		expect(site.log).not.toMatch(/my_First_post\.md.*(?:WARN|no redirect)/);
	});

	test("keep the site's own page at the address a Gatsby slug names (slug: /contact/ and src/pages/contact.astro), with a warning naming the page, where a redirect replaced it", () => {
		expect(site.html('contact/index.html')('p').text()).toBe('Write to me');
		expect(site.html('posts/contact/index.html')('h1').first().text().trim()).toBe('Our contact form');
		expect(site.log).toContain(
			'src/content/posts/contact-form.md:3: slug: "/contact/" is an address the post had (/contact/), but it is the site\'s page src/pages/contact.astro, so no redirect page to this post is made there.',
		);
	});

	test('write the redirect page of a Gatsby slug naming a page\'s file (slug: /2019/03/old-post.html) as that file, make none for one holding a # or ?, and warn about one holding a %, where they were written at old-post.html/index.html, /posts/a/ and /posts/q/, and Astro logged an error', () => {
		expect(site.html('2019/03/old-post.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://engines.example.com/posts/2019-03-old-post-html/');
		expect(site.exists('2019/03/old-post.html/index.html')).toBe(false);
		expect(site.exists('posts/a/index.html')).toBe(false);
		expect(site.exists('posts/q/index.html')).toBe(false);
		expect(site.exists('posts/100%-done/index.html')).toBe(false);
		expect(site.html('posts/posts-100-done/index.html')('h1').first().text().trim()).toBe('Percent');
		expect(site.log).not.toContain('Invalid URL encoding');
		expect(site.log).toContain(
			'src/content/posts/percent.md:3: slug: "/posts/100%-done/" is an address the post had, but it holds a % (/posts/100%-done/), and Astro cannot write a page at an address with one, so no redirect page to this post is made there. Redirect it with your host\'s rules instead (Netlify\'s _redirects, an nginx rewrite).',
		);
	});

	test("make Zola's path an old address with a redirect page", () => {
		expect(site.exists('blog/2026/01/22/post-slug/index.html')).toBe(true);
		expect(site.read('blog/2026/01/22/post-slug/index.html')).toContain('/posts/zola-path/');
	});
});

describe('VuePress posts', () => {
	test('read tag and category, the summary before <!-- more -->, ::: tip, and leave [[toc]] out, saying so', () => {
		const $ = site.html('posts/vuepress-download/index.html');
		expect(tagsOf('vuepress-download')).toEqual(['插件下载', '插件安装', '使用指南']);
		expect(description('vuepress-download')).toBe('本篇讲述如何正确下载插件');
		expect($('.carnet-callout--tip').text()).toContain('你可以在此处获取下载链接');
		expect($('.carnet-prose').text()).not.toContain('[[toc]]');
		expect(site.log).toContain('src/content/posts/vuepress-download.md:17: [[toc]] is left out: it asks for a table of contents');
		expect(site.log).not.toContain('front-matter key "tag"');
	});
});

describe('Pelican posts', () => {
	test('read their metadata lines: title, author, date, category, tags and slug', () => {
		const $ = site.html('posts/my-first-blog-post/index.html');
		expect($('h1').first().text().trim()).toBe('My First Blog Post');
		expect($('.carnet-post-meta').text()).toContain('Enrique Rendon');
		expect(datetimes('my-first-blog-post')).toEqual(['2019-10-04T12:10:00+02:00']);
		// One spelling per tag across the site: Fuwari's "Markdown", Chirpy's "Blogging".
		expect(tagsOf('my-first-blog-post').map((tag) => tag.toLowerCase())).toEqual(['python', 'markdown', 'pelican', 'blogging']);
		expect($('.carnet-prose').text().trim()).toBe('Blog post content goes here');
		expect(site.log).not.toContain('src/content/posts/first_post.md:');
	});

	test('have their {filename} links lead to the post and their {static} images shown from public/', () => {
		const $ = site.html('posts/pelican-links/index.html');
		expect($('.carnet-prose a').map((_, a) => $(a).attr('href')).get()).toEqual(['/posts/my-first-blog-post/', '/posts/my-first-blog-post/']);
		expect($('.carnet-prose img').attr('src')).toBe('/images/rose.jpg');
		expect(site.log).not.toContain('pelican-links.md:');
	});

	test("show {filename} and percent-encoded {static} images from public/, are named after their title when Slug: is empty, and describe themselves by their Summary's text without its tags, CodeHilite's :::bash read as the language", () => {
		const $ = site.html('posts/hello-empty-slug/index.html');
		expect($('.carnet-prose img').map((_, img) => $(img).attr('src')).get()).toEqual(['/images/rose.jpg', '/images/rose.jpg']);
		expect($('.carnet-prose a').attr('href')).toBe('/images/rose.jpg');
		expect(description('hello-empty-slug')).toBe('First line. Second bold and em.');
		expect([$('.carnet-prose pre').attr('data-language'), $('.carnet-prose pre code').text().trim()]).toEqual(['bash', 'echo hi']);
		expect($('meta[property="og:description"]').attr('content')).toBe('First line. Second bold and em.');
		expect(site.log).not.toContain('pelican-written.md');
	});
});

describe('micro.blog notes', () => {
	test('are titled by their first words, which their page and card do not show twice, and named in one warning', () => {
		const $ = site.html('posts/123456/index.html');
		expect($('h1.carnet-post__title').text()).toBe('Just had the best coffee in town, near the station. ☕');
		expect($('h1.carnet-post__title').hasClass('carnet-visually-hidden')).toBe(true);
		expect($('title').text()).toContain('Just had the best coffee in town');
		expect($('.carnet-prose p').first().text()).toContain('Just had the best coffee in town');
		// The old address redirects, as a Hugo url does.
		expect(site.read('2010/03/04/123456.html')).toContain('/posts/123456/');
		expect(site.log).toContain('src/content/posts/microblog/123456.md has no title, and is titled by its first words');
	});

	test('have a card whose visible text is the note, with no link hidden from sight', () => {
		// The listing page that lists it, among the last, as it is one of the oldest posts.
		const pages = ['index.html'];
		for (let number = 2; site.exists(`page/${number}/index.html`); number++) pages.push(`page/${number}/index.html`);
		const page = pages.find((file) => site.read(file).includes('href="/posts/123456/"')) as string;
		const $ = site.html(page);
		const card = $('.carnet-card').filter((_, element) => $(element).find('a.carnet-card__more[href="/posts/123456/"]').length > 0);
		expect(card).toHaveLength(1);
		expect(card.find('.carnet-card__title').hasClass('carnet-visually-hidden')).toBe(true);
		expect(card.find('.carnet-card__title a')).toHaveLength(0);
		expect(card.find('.carnet-card__description').text()).toContain('Just had the best coffee in town');
	});
});

describe('Obsidian notes', () => {
	test('link wikilinks to the posts they name and show embedded images beside the note or in the attachments folder', () => {
		const $ = site.html('posts/an-obsidian-note/index.html');
		expect($('.carnet-prose a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
			['the first post', '/posts/firstpost/'],
			['the welcome post', '/posts/welcome/'],
			['the slides', '/posts/an-obsidian-note/talk.pdf'],
			['clip.mp4', '/posts/an-obsidian-note/clip.mp4'],
		]);
		const images = $('.carnet-prose img').map((_, image) => [[$(image).attr('alt'), $(image).attr('src')]]).get() as [string, string][];
		expect(images.map(([alt]) => alt)).toEqual(['A diagram', '']);
		expect(images.map(([, src]) => src)).toEqual([expect.stringMatching(/^\/_astro\/diagram\.[\w-]+\.webp$/), expect.stringMatching(/^\/_astro\/Pasted.+\.webp$/)]);
	});

	test("show the wikilinks they cannot resolve as written, and say so with their line, leaving Obsidian's trash unread", () => {
		expect(site.html('posts/an-obsidian-note/index.html')('.carnet-prose').text()).toContain('[[Another note]]');
		expect(site.log).toContain('src/content/posts/obsidian/an-obsidian-note.md:7: [[Another note]] is shown as written: it is an Obsidian wikilink');
		expect(site.log).toContain(
			'src/content/posts/obsidian/an-obsidian-note.md:13: ![[Nowhere.png]] is shown as written: it is an Obsidian wikilink, which Markdown does not read, and no file "Nowhere.png" is beside the post or anywhere in posts/',
		);
		expect(site.log).not.toContain('Pasted image 20240202.png]] is shown as written');
	});

	test('publish the files that wikilinks link to or embed, other than images, under the note\'s address', () => {
		expect(site.read('posts/an-obsidian-note/talk.pdf')).toBe('%PDF-1.4 slides');
		expect(site.read('posts/an-obsidian-note/clip.mp4')).toBe('a recording');
		expect(site.log).not.toMatch(/\[\[talk\.pdf|\[\[clip\.mp4/);
	});

	test('publish nothing of their %% comments, on the page or in the feed, and name their lines', () => {
		const page = site.read('posts/an-obsidian-note/index.html');
		expect(page).toContain('Published text.');
		expect(site.read('rss.xml')).toContain('Published text.');
		for (const text of [page, site.read('rss.xml'), site.log]) {
			expect(text).not.toContain('do not publish');
			expect(text).not.toContain('A private block');
		}
		expect(site.log).toContain('src/content/posts/obsidian/an-obsidian-note.md:15: %%…%% is left out: it is an Obsidian comment');
		expect(site.log).toContain('src/content/posts/obsidian/an-obsidian-note.md:17: %% … %% is left out: it is an Obsidian comment');
	});

	test('publish nothing of their block IDs, on the page or in the feed, and name their lines', () => {
		const $ = site.html('posts/an-obsidian-note/index.html');
		expect($('.carnet-prose p').filter((_, p) => $(p).text().startsWith('A line to link to')).text()).toBe('A line to link to.');
		expect($('.carnet-prose li').map((_, item) => $(item).text()).get()).toEqual(['an item', 'the next item']);
		expect(site.read('rss.xml')).toContain('A line to link to.');
		for (const text of [site.read('posts/an-obsidian-note/index.html'), site.read('rss.xml')]) expect(text).not.toMatch(/\^block-id-1|\^item-2/);
		expect(site.log).toContain("src/content/posts/obsidian/an-obsidian-note.md:23: ^block-id-1 is left out: it is an Obsidian block ID, which Obsidian's reading view hides");
		expect(site.log).toContain('src/content/posts/obsidian/an-obsidian-note.md:25: ^item-2 is left out');
	});
});

describe("project blogs' code conventions: nodejs.org, svelte.dev and the Go blog", () => {
	test("titles nodejs.org's Before and After blocks of an MDX post by their displayName", () => {
		const $ = site.html('posts/chalk-to-styletext/index.html');
		expect($('figure.carnet-code > figcaption').map((_, caption) => $(caption).text()).get()).toEqual(['Before', 'After']);
	});

	test("titles a svelte.dev block by its file line and shows its +++ part as added lines, without the markers", () => {
		const $ = site.html('posts/sveltekit-observability/index.html');
		expect($('figure.carnet-code > figcaption').text()).toBe('svelte.config.js');
		expect($('figure.carnet-code ins').length).toBe(5);
		expect($('figure.carnet-code code').text()).not.toMatch(/\+\+\+|\/\/\/ file/);
	});

	test("shows the lines a Go blog's {{code}} names of the file beside the post, raw code as code, and warns about a file that is not there", () => {
		const $ = site.html('posts/go-context/index.html');
		expect($('.carnet-prose pre code').map((_, code) => $(code).text().trim()).get()).toEqual([
			'// A Context carries a deadline.\ntype Context interface {\n\tDone() <-chan struct{}\n}',
			'fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{\n\tMinAge:   200 * time.Millisecond,\n})',
		]);
		expect($('.carnet-prose p code').last().text()).toBe('{{play "context/missing.go"}}');
		expect(site.log).toContain('src/content/posts/go-context.md:19: {{play "context/missing.go"}} is shown as written: the file it shows, src/content/posts/context/missing.go, is not there');
		expect($('.carnet-prose').text()).not.toMatch(/[“”]/);
	});
});
