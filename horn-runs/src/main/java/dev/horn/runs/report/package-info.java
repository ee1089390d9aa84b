/**
 * The pages of runs: a run's report, a comparison of two runs, and the live dashboard. One
 * template renders all three from JSON embedded in the page (charts drawn as inline SVG by the
 * page's own script), so a report is a single file that needs no network; the dashboard serves
 * the same page on 127.0.0.1 and pushes new data as Server-Sent Events.
 */
package dev.horn.runs.report;
