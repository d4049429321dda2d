// Directory data for the benchmark articles. The permalink is a function because Markdown is not
// run through a template engine here (markdownTemplateEngine: false), so a "{{ }}" string would
// not be rendered.
export default {
  layout: 'artikel.njk',
  tags: 'artikel',
  permalink: (data) => `artikel/${data.page.fileSlug}.html`,
};
