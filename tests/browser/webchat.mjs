// Drives the chat page in Debian's headless Chromium with playwright-core, as a person on a phone would:
// reads the notice, types a symptom, clicks a button, types answers, reaches the assessment, reloads the
// page, and writes HTML-looking messages. Prints what it saw as JSON on stdout; tests/test_web.py checks it.
// Usage: node tests/browser/webchat.mjs <rasa url> <api token> <answers json> <screenshot dir>
import { chromium } from "playwright-core";

const [url, token, answersJson, shots] = process.argv.slice(2);
const { first, plain } = JSON.parse(answersJson);
const seen = { dialogs: [], consoleErrors: [], steps: [] };
const step = (name) => seen.steps.push(name);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });
  const page = await context.newPage();
  page.on("dialog", async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on("console", (message) => { if (message.type() === "error") seen.consoleErrors.push(message.text()); });

  const responses = () => page.locator(".rw-messages-container .rw-response").allInnerTexts();
  const clients = () => page.locator(".rw-messages-container .rw-client").allInnerTexts();
  const sessionId = () => page.evaluate(() => JSON.parse(localStorage.getItem("chat_session") || "{}").session_id);
  const tracker = async () => {
    const reply = await fetch(`${url}/conversations/${await sessionId()}/tracker?token=${token}`);
    return reply.json();
  };
  const userTurns = (t) => t.events.filter((e) => e.event === "user").length;
  // Waits until the server has processed `turns` messages and the page shows the bot's last message.
  const waitForTurn = async (turns) => {
    for (let i = 0; i < 600; i++) {
      const t = await tracker();
      if (userTurns(t) >= turns && t.latest_action_name === "action_listen") {
        const last = [...t.events].reverse().find((e) => e.event === "bot");
        const tail = last.text.trim().split("\n").pop().slice(0, 30).replace(/\*/g, "");
        await page.waitForFunction(
          (tail) => [...document.querySelectorAll(".rw-response")].some((e) => e.innerText.includes(tail)), tail,
          { timeout: 30000 });
        return t;
      }
      await page.waitForTimeout(200);
    }
    throw new Error(`turn ${turns} not processed`);
  };
  let turns = 0;
  const type = async (text) => {
    await page.locator(".rw-new-message").fill(text);
    await page.locator(".rw-new-message").press("Enter");
    return waitForTurn(++turns);
  };
  const click = async (title) => {
    await page.locator(".rw-replies .rw-reply", { hasText: new RegExp(`^${title}$`) }).last().click();
    return waitForTurn(++turns);
  };
  const buttons = () => page.locator(".rw-replies .rw-reply").allInnerTexts();

  await page.goto(`${url}/chat/`);
  seen.notice = await page.locator("header.notice").innerText();
  await page.waitForSelector(".rw-new-message", { timeout: 60000 });
  turns = 1; // the widget's initPayload, /greet
  await waitForTurn(turns);
  seen.greeting = (await responses()).join("\n");
  step("greeted");

  let t = await type(first);
  seen.firstQuestion = (await responses()).pop();
  seen.firstButtons = await buttons();
  const clicked = [], typed = [];
  for (let asked = 0; t.active_loop && t.active_loop.name === "symptom_form"; asked++) {
    if (asked > 25) throw new Error("interview too long");
    const slot = t.slots.requested_slot;
    if (!(slot in plain) && (await buttons()).includes("No")) { t = await click("No"); clicked.push(slot); }
    else { t = await type(plain[slot] ?? "no"); typed.push(slot); }
  }
  Object.assign(seen, { clicked, typed, slots: t.slots });
  step("assessed");
  seen.assessment = (await responses()).join("\n");
  seen.sessionBefore = await sessionId();
  // Readable on a phone: nothing wider than the screen, no tiny text.
  seen.layout = await page.evaluate(() => {
    const messages = [...document.querySelectorAll(".rw-response, .rw-client")];
    return {
      scrollWidth: document.documentElement.scrollWidth,
      widest: Math.max(...messages.map((e) => e.getBoundingClientRect().right)),
      smallestFont: Math.min(...messages.map((e) => parseFloat(getComputedStyle(e).fontSize))),
    };
  });
  await page.locator(".rw-response", { hasText: "Possible causes" }).last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/webchat-assessment-390x844.png` });

  await page.reload();
  await page.waitForSelector(".rw-new-message", { timeout: 60000 });
  await page.waitForFunction(() => document.querySelectorAll(".rw-response").length > 3, null, { timeout: 30000 });
  seen.afterReload = { responses: (await responses()).join("\n"), clients: await clients(), session: await sessionId() };
  const shown = (await responses()).length;
  t = await type("what tests might I need?"); // the same conversation goes on, on the server too
  seen.afterReload.reply = (await responses()).slice(shown).join("\n");
  seen.afterReload.userTurns = userTurns(t);
  await page.screenshot({ path: `${shots}/webchat-after-reload-390x844.png` });
  step("reloaded");

  // A new conversation: what the person types is shown as text, never as HTML.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector(".rw-new-message", { timeout: 60000 });
  turns = 1;
  await waitForTurn(turns);
  for (const text of ["<img src=x onerror=alert(1)>", "<b>hi</b>"]) await type(text);
  seen.html = {
    clients: await clients(),
    images: await page.locator(".rw-messages-container img[src='x']").count(),
    bold: await page.locator(".rw-messages-container .rw-client b").count(),
  };
  await page.screenshot({ path: `${shots}/webchat-html-as-text-390x844.png` });
  step("html checked");
} catch (error) {
  seen.error = String(error.stack || error);
} finally {
  await browser.close();
  console.log(JSON.stringify(seen));
}
