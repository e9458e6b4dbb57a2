// Times a branch report's arrival on the open province overview, without reload.
const { chromium } = require('playwright-core');
(async () => {
  const [url, token, unit, branch, branchToken, runs] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext();
  await context.addInitScript(t => sessionStorage.setItem('hierarchy.token', t), token);
  const page = await context.newPage();
  await page.goto(`${url}#/unit/${unit}`);
  await page.waitForSelector('[data-testid="kpi-admitted"]');
  await page.waitForTimeout(1500);
  const delays = [];
  for (let i = 0; i < Number(runs); i++) {
    const before = await page.locator('[data-testid="kpi-admitted"] .kpi-value').innerText();
    const today = new Date().toISOString().slice(0, 10);
    const started = Date.now();
    const response = await fetch(`${url}api/units/${branch}/admissions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${branchToken}` },
      body: JSON.stringify({ idempotencyKey: `live-${started}-${i}`, admittedOn: today, gender: 'male', birthDate: '2000-01-01', education: 'university', occupation: 'farmer' }),
    });
    if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
    await page.waitForFunction(b => document.querySelector('[data-testid="kpi-admitted"] .kpi-value').innerText !== b, before, { timeout: 10000 });
    delays.push(Date.now() - started);
    await page.waitForTimeout(700);
  }
  console.log(JSON.stringify(delays));
  await browser.close();
})();
