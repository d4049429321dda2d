// Eleventy baseline for `npm run bench`: the same articles as plain Markdown, one layout, one
// index page listing every article. Markdown is not pre-processed by Liquid (the scraped text
// is untrusted and not a template), and pages are flat files (artikel/<name>.html) like
// presseschau's, so both tools write the same shape of output.
export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    dir: { includes: '_includes' },
  };
}
