// The summary to carry as a PDF file (mobile/src/summary_pdf.rs asks for it): the words of the
// print view on screen, in reading order, sent to the server, which sets them on A4 pages with
// the app's font embedded (POST /v1/summary.pdf); the file is handed to the phone's share sheet
// (a messenger, e-mail) or, where the browser cannot share files, downloaded. Imported only when
// the person asks, so none of it weighs on the first visit.
//
// Every answer is an object the app reads: {status} with 0 for no answer from the server, the
// HTTP status and the error's code for a refusal, and for a file made {status: 200, outcome}
// with "shared", "saved" or "cancelled" (the person closed the share sheet).

/** One block of the summary: a style the server knows and its text. */
const block = (style, text, label) => (label === undefined ? { style, text } : { style, text, label });

/** The words of one language's part of the print view, in the order they are read. */
function readPart(article) {
  const blocks = [];
  const text = (el) => el.textContent.replace(/\s+/g, " ").trim();
  for (const el of article.querySelectorAll("h2, h3, h4, p, dl.answers > div, li")) {
    if (el.closest("li") && el.tagName !== "LI") continue;
    if (el.tagName === "H2") blocks.push(block("title", text(el)));
    else if (el.tagName === "H3") blocks.push(block("heading", text(el)));
    else if (el.tagName === "H4") blocks.push(block("subheading", text(el)));
    else if (el.tagName === "DIV") {
      const dt = el.querySelector("dt");
      const dd = el.querySelector("dd");
      blocks.push(block("answer", dd ? text(dd) : "", dt ? text(dt) : ""));
    } else if (el.tagName === "LI") {
      // The box drawn before a paper is a sign of the print view; the words beside it say the
      // same ("ready", "not ready"), so the file says it in words.
      const mark = el.querySelector(".mark");
      const words = text(el).replace(mark ? mark.textContent : "", "").trim();
      blocks.push(block("item", `• ${words}`));
    } else if (el.closest("header")) blocks.push(block("quiet", text(el)));
    else if (el.classList.contains("summary-missing") || el.classList.contains("summary-caveat"))
      blocks.push(block("strong", text(el)));
    else blocks.push(block("text", text(el)));
  }
  return { lang: article.getAttribute("lang") || "kk", blocks: blocks.filter((b) => b.text !== "" || b.label) };
}

/** Make the file with the access token `token` and hand it on as `fileName`. */
export async function share(token, title, fileName) {
  const parts = [...document.querySelectorAll(".summary-sheet article.summary-part")].map(readPart);
  let response;
  try {
    response = await fetch("/v1/summary.pdf", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, parts }),
    });
  } catch (e) {
    return { status: 0 };
  }
  if (!response.ok) {
    let code;
    try {
      code = (await response.json()).error.code;
    } catch (e) {
      // Not Kosh's error body (a proxy's page): the status says enough.
    }
    return { status: response.status, code };
  }
  let blob;
  try {
    blob = await response.blob();
  } catch (e) {
    return { status: 0 };
  }
  const file = new File([blob], fileName, { type: "application/pdf" });
  if (navigator.canShare && navigator.share && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title });
      return { status: 200, outcome: "shared" };
    } catch (e) {
      if (e && e.name === "AbortError") return { status: 200, outcome: "cancelled" };
      // Sharing refused for another reason (no app to share with): the download below.
    }
  }
  const url = URL.createObjectURL(file);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 200, outcome: "saved" };
}
