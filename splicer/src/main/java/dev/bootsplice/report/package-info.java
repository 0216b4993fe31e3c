/**
 * Profile reports in text, JSON, Markdown, HTML (inline SVG) and JUnit XML
 * ({@link dev.bootsplice.report.Reports}), `--fail-on` budgets ({@link dev.bootsplice.report.Budget})
 * and comparisons of two reports ({@link dev.bootsplice.report.ReportComparison}).
 */
package dev.bootsplice.report;
