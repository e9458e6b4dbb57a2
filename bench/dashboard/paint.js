// Times the province overview: from navigation start to the admitted figure and the children table on screen.
const { chromium } = require('playwright-core');
(async () => {
  const [url, token, unit, runs] = [process.argv[2], process.argv[3], process.argv[4], Number(process.argv[5] || 5)];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(t => t === 'anon' ? sessionStorage.setItem('hierarchy.anonymous', '1') : sessionStorage.setItem('hierarchy.token', t), token);
    const page = await context.newPage();
    await page.goto(`${url}#/unit/${unit}`);
    await page.waitForSelector('[data-testid="kpi-admitted"]');
    await page.waitForSelector('table tbody tr');
    const timing = await page.evaluate(() => ({
      ready: performance.now(),
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
      rows: document.querySelectorAll('table tbody tr').length,
      admitted: document.querySelector('[data-testid="kpi-admitted"]').innerText.replace(/\s+/g, ' '),
    }));
    results.push(timing);
    await context.close();
  }
  console.log(JSON.stringify(results));
  await browser.close();
})();
