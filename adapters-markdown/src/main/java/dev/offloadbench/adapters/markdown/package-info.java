/**
 * Markdown adapters: {@link dev.offloadbench.adapters.markdown.HandlebarsReportRenderer} renders
 * the README's Benchmarks section from a report with Handlebars templates, and
 * {@link dev.offloadbench.adapters.markdown.MarkdownReadmeStore} swaps that section into a README
 * while leaving every other byte of the file as it was.
 */
package dev.offloadbench.adapters.markdown;
