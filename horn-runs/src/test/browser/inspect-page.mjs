// Loads a page in Debian's Chromium (driven by playwright-core), waits for what the caller names,
// saves a screenshot and prints, as one JSON line, what a person would see: the title, the status
// badge, the section headings, each chart's metric with its number of points per series, and the
// text of the named tables. The Java tests assert on that JSON.
//
//   node inspect-page.mjs URL SCREENSHOT.png [WAIT_FOR_POINTS]
import { chromium } from "playwright-core";

const [url, screenshot, waitPoints] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on("pageerror", e => errors.push(String(e)));
  page.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("section");
  if (waitPoints) {
    // the live page: wait until the loss chart shows this many training points
    await page.waitForFunction(n => document.querySelectorAll('svg.chart[data-metric="loss"] circle.training').length >= n,
      Number(waitPoints), { timeout: 60000 });
  }
  const facts = await page.evaluate(() => {
    const text = s => (document.querySelector(s) || {}).textContent || "";
    const charts = [...document.querySelectorAll("svg.chart")].map(svg => ({
      metric: svg.getAttribute("data-metric"),
      training: svg.querySelectorAll("circle.training").length,
      validation: svg.querySelectorAll("circle.validation").length,
      lines: svg.querySelectorAll("path").length,
    }));
    const sections = {};
    document.querySelectorAll("section").forEach(s => { sections[s.getAttribute("data-section")] = s.innerText; });
    return { title: text("#title"), status: text("#status"), charts, sections };
  });
  facts.errors = errors;
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(facts));
} finally {
  await browser.close();
}
