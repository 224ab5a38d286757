// The one script of the interface. Every page works without it: it saves a click here and there, turns a
// selection in a section's text into the exact passage a comment is about, and keeps pages current as others act.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A notice ("Moved to its next phase") is said once: it leaves the address, so a reload or a bookmark does not
  // say it again. The page keeps showing it until the reader moves on.
  const address = new URL(window.location.href);
  if (address.searchParams.has("notice")) {
    address.searchParams.delete("notice");
    window.history.replaceState(window.history.state, "", address.pathname + address.search + address.hash);
  }
  // Forms that ask before they act: the question is in data-confirm, in the reader's language.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  const root = document.querySelector("[data-passage-root]");
  if (root) passageSelection(root);
  if (document.querySelector("mark.passage")) passageLinks();
  const replyTemplate = document.getElementById("reply-template");
  if (replyTemplate) formsInPlace(replyTemplate, "reply-link");
  const disposeTemplate = document.getElementById("dispose-template");
  if (disposeTemplate) formsInPlace(disposeTemplate, "dispose-link");
  const live = document.querySelector("#live-status[data-events]");
  if (live && window.EventSource) {
    if (live.dataset.section) followSection(live);
    else if ("desk" in live.dataset) followDesk(live);
    else if (live.dataset.board) followBoard(live);
  }
});

// MARK: Comments on a selected passage

const encoder = new TextEncoder();
const utf8Length = (text) => encoder.encode(text).length;

/// The section's text is rendered in pieces (`<span data-at>`) that are the body's own bytes, each with the UTF-8
/// offset where it starts; a selection's ends are counted from the pieces they fall in.
function selectedPassage(root) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const pieces = [...root.querySelectorAll("[data-at]")].filter((piece) => range.intersectsNode(piece.firstChild || piece));
  if (pieces.length === 0) return null;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  let start = Number(first.dataset.at);
  if (range.startContainer === first.firstChild) start += utf8Length(first.firstChild.data.slice(0, range.startOffset));
  let end = Number(last.dataset.at) + utf8Length(last.textContent);
  if (range.endContainer === last.firstChild) end = Number(last.dataset.at) + utf8Length(last.firstChild.data.slice(0, range.endOffset));
  if (end <= start) return null;
  return { start, end, text: selection.toString().trim() };
}

function passageSelection(root) {
  const form = document.getElementById("comment-form");
  const details = document.getElementById("comment-form-details");
  const popover = document.getElementById("selection-popover");
  const actions = document.getElementById("selection-actions");
  const hint = document.getElementById("select-hint");
  if (!form || !popover || !actions) return;
  const field = (name) => form.elements.namedItem(name);
  hint.hidden = false;
  actions.hidden = false;
  // The text takes focus so that keyboard users can move a caret in it and select with Shift and the arrows.
  root.tabIndex = 0;
  root.setAttribute("aria-label", root.dataset.label);
  root.setAttribute("aria-describedby", "select-hint");

  let chosen = null;
  const update = () => {
    chosen = selectedPassage(root);
    if (!chosen) {
      popover.hidden = true;
      return;
    }
    const box = window.getSelection().getRangeAt(0).getBoundingClientRect();
    popover.hidden = false;
    popover.style.top = `${window.scrollY + box.bottom + 6}px`;
    // Within the page's width, however narrow the screen.
    const room = document.documentElement.clientWidth - popover.offsetWidth - 8;
    popover.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, room))}px`;
  };
  document.addEventListener("selectionchange", () => window.requestAnimationFrame(update));

  // Without caret browsing a page's text has no caret: give it one at the start, and move or extend it here.
  root.addEventListener("focus", () => {
    const selection = window.getSelection();
    if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
      const first = root.querySelector("[data-at]");
      if (first) selection.collapse(first.firstChild, 0);
    }
  });
  root.addEventListener("keydown", (event) => {
    if (event.target !== root || !["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(event.key)) return;
    const direction = event.key === "ArrowLeft" || event.key === "ArrowUp" || event.key === "Home" ? "backward" : "forward";
    const unit = { ArrowUp: "line", ArrowDown: "line", Home: "lineboundary", End: "lineboundary" }[event.key] || (event.ctrlKey || event.altKey ? "word" : "character");
    window.getSelection().modify(event.shiftKey ? "extend" : "move", direction, unit);
    event.preventDefault();
  });

  const open = (mode) => {
    const passage = chosen || selectedPassage(root);
    if (!passage) {
      root.focus();
      return;
    }
    field("start").value = String(passage.start);
    field("end").value = String(passage.end);
    field("passage").value = passage.text;
    if (mode === "suggest") {
      field("kind").value = "editorial";
      if (!field("suggestion").value) field("suggestion").value = passage.text;
    }
    details.open = true;
    popover.hidden = true;
    (mode === "suggest" ? field("suggestion") : field("body")).focus();
  };
  for (const button of document.querySelectorAll("[data-comment-selection]")) {
    // Keep the selection while the button is pressed (a click would otherwise collapse it first).
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => open(button.dataset.commentSelection));
  }
  // Words typed into the passage field are looked up by the service; offsets from an earlier selection no longer apply.
  field("passage").addEventListener("input", () => {
    field("start").value = "";
    field("end").value = "";
  });
}

// MARK: Passages and their comments

/// A comment card and the passage it is about point to each other: pointing at or focusing either lights up
/// both, the card's "Show the passage" link lights the passage it leads to, and a click on a marked passage
/// brings its comment into view. Delegated, so that cards brought in by live updates take part too.
function passageLinks() {
  const marks = (number) => document.querySelectorAll(`mark.passage[data-comments~="${number}"]`);
  const card = (number) => document.querySelector(`article.comment[data-comment="${number}"]`);
  const light = (numbers, on) => {
    for (const number of numbers) {
      for (const mark of marks(number)) mark.classList.toggle("is-linked", on);
      card(number)?.classList.toggle("is-linked", on);
    }
  };
  const numbersOf = (element) => {
    const mark = element.closest?.("mark.passage[data-comments]");
    if (mark) return mark.dataset.comments.split(" ");
    const article = element.closest?.("article.comment[data-comment]");
    return article ? [article.dataset.comment] : [];
  };
  for (const [on, off] of [["mouseover", "mouseout"], ["focusin", "focusout"]]) {
    document.addEventListener(on, (event) => light(numbersOf(event.target), true));
    document.addEventListener(off, (event) => light(numbersOf(event.target), false));
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.passage-link");
    if (link) {
      light([link.dataset.comment], true);
      window.setTimeout(() => light([link.dataset.comment], false), 2500);
      return;
    }
    const mark = event.target.closest("mark.passage[data-comments]");
    // Selecting words to comment on is not a click on the passage.
    if (!mark || !window.getSelection().isCollapsed) return;
    const target = card(mark.dataset.comments.split(" ")[0]);
    if (!target) return;
    target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  });
}

// MARK: Forms in place

/// "Reply" (section page) and "Dispose" (desk) lead to the comment's own page; with the script, the page's one
/// form of that kind opens under the comment instead (one form in the page rather than one per comment).
function formsInPlace(template, linkClass) {
  document.addEventListener("click", (event) => {
    const link = event.target.closest(`a.${linkClass}`);
    if (!link) return;
    event.preventDefault();
    const form = template.content.firstElementChild.cloneNode(true);
    const suffix = link.dataset.action.replace(/[^a-z0-9]+/gi, "-");
    form.action = link.dataset.action;
    for (const element of form.querySelectorAll("[id]")) element.id = `${element.id}-${suffix}`;
    for (const label of form.querySelectorAll("label[for]")) label.htmlFor = `${label.htmlFor}-${suffix}`;
    if (link.dataset.suggestion === "false") form.querySelector("[name=applySuggestion]")?.closest("p")?.remove();
    link.parentElement.replaceWith(form);
    form.querySelector("select, textarea")?.focus();
  });
}

// MARK: Live updates

/// The section page follows its strategy's activity (`/app/…/events`, server-sent events): a new revision of
/// this section is announced with a link to it (the text someone is reading or selecting is never swapped
/// under them); new comments and changed amendments are brought into their lists from the section's lists (`…/lists`).
function followSection(live) {
  const section = live.dataset.section;
  const shown = Number(live.dataset.sectionRevision);
  let announced = false;
  follow(live.dataset.events, (entry) => {
    const detail = entry.detail || {};
    const thisSection = entry.subject === `section/${section}` || detail.section === section;
    if (!thisSection) return;
    const revision = Number(detail.revision || 0);
    if ((entry.action === "section.edited" || entry.action === "amendment.accepted") && revision > shown && !announced) {
      announced = true;
      announce(live, live.dataset.changed, live.dataset.show, window.location.pathname);
    }
    if (entry.action === "section.edited" || entry.action === "amendment.accepted") return refreshLists(live, false);
    if (entry.action.startsWith("comment.")) return refreshLists(live, true);
    if (entry.action.startsWith("amendment.")) return refreshLists(live, false);
  });
}

/// Follows a strategy's event stream for as long as the page is open. EventSource reconnects by itself after a
/// dropped connection, but gives up for good on an answer that is not a stream (429 when the account already
/// follows too many, 503 while the server restarts): then a new one is opened after a growing, jittered pause
/// (1 s, 2 s, 4 s… at most a minute), resuming after the last event seen so that nothing is missed or repeated.
function follow(url, onActivity) {
  let lastEventId = null;
  let pause = 1000;
  const open = () => {
    const address = lastEventId === null ? url : `${url}${url.includes("?") ? "&" : "?"}lastEventId=${encodeURIComponent(lastEventId)}`;
    const source = new EventSource(address);
    source.addEventListener("open", () => { pause = 1000; });
    source.addEventListener("activity", (message) => {
      lastEventId = message.lastEventId || lastEventId;
      onActivity(JSON.parse(message.data));
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) return;
      const wait = pause * (0.75 + Math.random() / 2);
      pause = Math.min(pause * 2, 60000);
      window.setTimeout(open, wait);
    });
  };
  open();
}

function announce(live, text, linkText, href) {
  live.replaceChildren();
  const banner = document.createElement("p");
  banner.className = "notice live-banner";
  banner.append(`${text} — `);
  const link = document.createElement("a");
  link.href = href;
  link.textContent = linkText;
  banner.append(link);
  live.append(banner);
}

/// Fetches the section's lists (`…/lists`: the open amendments and the comments beside each block, on the whole
/// section and orphaned, without the rest of the page) and puts them in place, marking what is new. The text itself stays as it is while the revision is the one shown.
async function refreshLists(live, comments) {
  const response = await fetch(live.dataset.lists, { credentials: "same-origin", headers: { Accept: "text/html" } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  const listed = () => document.querySelectorAll("article.comment[id^=comment-], .amendment-list li[id]");
  const known = new Set([...listed()].map((element) => element.id));
  const swap = (selector) => {
    const now = document.querySelector(selector);
    const then = fresh.querySelector(selector);
    if (now && then) now.replaceWith(document.adoptNode(then));
  };
  swap("#amendment-list");
  swap("#section-comments-area");
  const noAmendments = document.getElementById("no-amendments");
  if (noAmendments) noAmendments.hidden = document.querySelectorAll("#amendment-list li").length > 0;
  const freshBlocks = fresh.querySelectorAll("#block-asides > .block-aside");
  const blocks = document.querySelectorAll(".section-body .block");
  if (freshBlocks.length === blocks.length) {
    blocks.forEach((block, index) => {
      block.querySelector("aside")?.remove();
      const aside = freshBlocks[index].querySelector("aside");
      if (aside) block.append(document.adoptNode(aside));
    });
  }
  let arrived = 0;
  for (const element of listed()) {
    if (!known.has(element.id)) {
      element.classList.add("is-new");
      arrived += element.matches("article.comment") ? 1 : 0;
    }
  }
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.textContent = comments && arrived > 0 ? live.dataset.newComment : comments ? "" : live.dataset.newAmendment;
  if (status.textContent && !live.querySelector(".live-banner")) live.replaceChildren(status);
}

/// The desk follows the strategy too: when an amendment or a comment changes, its counts are brought up to date
/// (`…/desk/counts`, the counts alone) and a link offers the rest (forms being filled in are never replaced).
function followDesk(live) {
  follow(live.dataset.events, async (entry) => {
    if (!entry.action.startsWith("amendment.") && !entry.action.startsWith("comment.") && entry.action !== "section.edited") return;
    const response = await fetch(live.dataset.counts + window.location.search, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("desk-counts");
    const counts = document.getElementById("desk-counts");
    if (fresh && counts && fresh.textContent !== counts.textContent) {
      counts.replaceWith(document.adoptNode(fresh));
      fresh.classList.add("is-new");
      if (!live.querySelector(".live-banner")) announce(live, live.dataset.changed, live.dataset.show, window.location.href);
    }
  });
}

/// The strategy page follows its strategy too: when a group signs off (a draft or a section), a section's text
/// changes (which makes its sign-offs stale), a draft is cut or the strategy adopted, the sign-off board is
/// brought in again (`…/board`, the board alone) and the change is said to screen readers.
function followBoard(live) {
  const changes = ["draft.signed-off", "section.signed-off", "section.edited", "amendment.accepted", "draft.created", "strategy.adopted"];
  follow(live.dataset.events, async (entry) => {
    if (!changes.includes(entry.action)) return;
    const response = await fetch(live.dataset.board, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("signoff-board-area");
    const board = document.getElementById("signoff-board-area");
    if (!fresh || !board || fresh.innerHTML === board.innerHTML) return;
    board.replaceWith(document.adoptNode(fresh));
    fresh.classList.add("is-new");
    if (entry.action.endsWith("signed-off")) {
      const status = document.createElement("p");
      status.className = "visually-hidden";
      status.textContent = live.dataset.changed;
      live.replaceChildren(status);
    }
  });
}
