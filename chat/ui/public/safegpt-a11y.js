/* SafeGPT: accessibility repairs for Chainlit's page (WCAG 2.1 AA / BITV 2.0, issue 19).
 *
 * Chainlit's React front end is shipped pre-built, so what it lacks is added here, on the page it renders:
 * German accessible names for its icon-only buttons, valid ARIA where it has none, a skip link, a link to the
 * accessibility statement, and for screen readers one announcement of each answer once it is complete (never
 * token by token) with focus moved to the answer. The German texts come from the translation file the server
 * writes (chat/ui/translations/de-DE.json, section "safegpt.a11y"), so all UI wording stays in one place.
 * Every repair is checked in the browser by tests/browser/test_accessibility.py (axe-core, keyboard only).
 */
(function () {
  "use strict";

  var rootPath = (document.querySelector('meta[property="og:root_path"]') || {}).content || "";
  var labels = {};

  // Buttons Chainlit renders with an icon only: their name by element id, else by the icon they show.
  var BY_ID = {
    "new-chat-button": "newChat",
    "sidebar-trigger-button": "sidebar",
    "search-chats-button": "searchChats",
    "upload-button": "attachFile",
    "upload-button-loading": "attachFile",
    "chat-submit": "send",
    "stop-button": "stop",
    "theme-toggle": "theme",
    "user-nav-button": "userMenu",
    "chat-settings-header-button": "settings",
    "readme-button": "readme"
  };
  var BY_ICON = [
    ["lucide-copy", "copyAnswer"],
    ["lucide-check", "copyAnswer"],
    ["lucide-thumbs-up", "helpful"],
    ["lucide-thumbs-down", "notHelpful"],
    ["lucide-arrow-down", "scrollDown"],
    ["lucide-arrow-left", "closeSource"],
    ["lucide-eye-off", "hidePassword"],
    ["lucide-eye", "showPassword"],
    ["lucide-x", "remove"],
    ["lucide-log-out", "logout"]
  ];

  function text(key) {
    return labels[key] || "";
  }

  function hasName(el) {
    if (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.getAttribute("title")) {
      return true;
    }
    return (el.textContent || "").trim().length > 0 && !el.querySelector("[data-safegpt-named]");
  }

  function nameFor(el) {
    var byId = BY_ID[el.id];
    if (byId) return text(byId);
    var svg = el.querySelector("svg");
    var cls = svg ? svg.getAttribute("class") || "" : "";
    for (var i = 0; i < BY_ICON.length; i++) {
      if ((" " + cls + " ").indexOf(" " + BY_ICON[i][0] + " ") >= 0) return text(BY_ICON[i][1]);
    }
    return "";
  }

  function nameButtons() {
    var buttons = document.querySelectorAll("button, [role=button], a[href]");
    for (var i = 0; i < buttons.length; i++) {
      var el = buttons[i];
      var wanted = BY_ID[el.id] ? nameFor(el) : "";
      // The user menu shows only an initial ("N"): say what it is. Icon-only buttons get their name.
      if (!wanted && !hasName(el)) wanted = nameFor(el);
      if (wanted && el.getAttribute("aria-label") !== wanted) el.setAttribute("aria-label", wanted);
    }
  }

  // Set a landmark role this script owns (marked, so it can be taken back when Chainlit's layout changes).
  function ownRole(el, role) {
    if (!el) return;
    var mine = el.hasAttribute("data-safegpt-role");
    if (role) {
      if (el.getAttribute("role") !== role) el.setAttribute("role", role);
      if (!mine) el.setAttribute("data-safegpt-role", "");
    } else if (mine) {
      el.removeAttribute("role");
      el.removeAttribute("data-safegpt-role");
    }
  }

  function repairAria() {
    // A real button must not be hidden from assistive technology as "presentation".
    document.querySelectorAll("button[role=presentation], button[role=none]").forEach(function (el) {
      el.removeAttribute("role");
    });
    // aria-controls naming an element that does not exist (resize handle of the source panel).
    document.querySelectorAll("[aria-controls]").forEach(function (el) {
      var ids = (el.getAttribute("aria-controls") || "").split(/\s+/).filter(Boolean);
      var dangling = ids.some(function (id) { return !document.getElementById(id); });
      if (dangling && el.getAttribute("aria-expanded") !== "false") el.removeAttribute("aria-controls");
    });
    // The thread menu trigger sits inside the thread's own button, so it cannot be a second control there; it is
    // hidden from assistive technology and opened from the thread button with Shift+F10 / the context-menu key.
    document.querySelectorAll('[data-sidebar="menu-button"] #thread-options').forEach(function (el) {
      el.setAttribute("aria-hidden", "true");
      el.removeAttribute("role");
      el.removeAttribute("tabindex");
      var owner = el.closest('[data-sidebar="menu-button"]');
      if (owner && owner.getAttribute("aria-keyshortcuts") !== "Shift+F10") owner.setAttribute("aria-keyshortcuts", "Shift+F10");
    });
    // Landmarks. With the chat history on, Chainlit wraps header, chat and source panel in its own <main>; then
    // the landmarks inside it must not be top-level ones (a second main, a banner or complementary inside main
    // are invalid), and the source panel is a named region. Without a <main> (history off, login page) the chat
    // column is the main content, the header the banner and the source panel complementary.
    var composer = document.getElementById("message-composer");
    var chatPanel = composer && composer.closest("[data-panel]");
    var nativeMain = document.querySelector("main");
    var header = document.getElementById("header");
    var sideTitle = document.getElementById("side-view-title");
    var sidePanel = sideTitle && sideTitle.closest("[data-panel]");
    if (sidePanel === chatPanel) sidePanel = null;
    ownRole(chatPanel, nativeMain ? null : "main");
    ownRole(header, nativeMain && nativeMain.contains(header) ? null : "banner");
    ownRole(sidePanel, nativeMain && nativeMain.contains(sidePanel) ? "region" : "complementary");
    if (sidePanel && sidePanel.getAttribute("aria-labelledby") !== "side-view-title") {
      sidePanel.setAttribute("aria-labelledby", "side-view-title");
    }
    var sidebar = document.querySelector('[data-sidebar="sidebar"]');
    if (sidebar && sidebar.getAttribute("role") !== "navigation") {
      sidebar.setAttribute("role", "navigation");
      sidebar.setAttribute("aria-label", text("chatList"));
    }
    if (!composer && document.getElementById("email")) {  // login page
      var page = document.querySelector("#root > div");
      if (page && page.getAttribute("role") !== "main") page.setAttribute("role", "main");
    }
    // Every page has a first-level heading; the chat's is for screen readers only.
    if (chatPanel && !chatPanel.querySelector("h1") && labels.pageHeading) {
      var h1 = document.createElement("h1");
      h1.className = "safegpt-visually-hidden";
      h1.textContent = text("pageHeading");
      chatPanel.insertBefore(h1, chatPanel.firstChild);
    }
    // Lists may hold only list items: wrappers Chainlit puts between <ul> and <li> are made transparent.
    document.querySelectorAll("ul, ol").forEach(function (list) {
      for (var i = 0; i < list.children.length; i++) {
        var child = list.children[i];
        var tag = child.tagName;
        if (tag !== "LI" && tag !== "SCRIPT" && tag !== "TEMPLATE" && child.getAttribute("role") !== "listitem") {
          child.setAttribute("role", "listitem");
        }
      }
    });
  }

  // Chainlit renders each header link ([[UI.header_links]]: "Was wird gespeichert?", "Meine Chats") as a link inside
  // a button (the button is the trigger of its tooltip): two nested controls and two tab stops for one target. The
  // button becomes the one control, announced as a link with the link's text; the inner <a> stays for the mouse (and
  // "open in new tab") but leaves the tab order and the accessibility tree. Enter on the button follows the link
  // (followNestedLink). The button is kept rather than the link because a focusable button cannot be made inert.
  function repairNestedLinks() {
    document.querySelectorAll("button a[href]").forEach(function (link) {
      var button = link.closest("button");
      var img = link.querySelector("img[alt]");
      var name = (link.textContent || "").trim() || (img ? img.getAttribute("alt") : "");
      if (!button.hasAttribute("data-safegpt-link")) button.setAttribute("data-safegpt-link", "");
      if (button.getAttribute("role") !== "link") button.setAttribute("role", "link");
      if (name && button.getAttribute("aria-label") !== name) button.setAttribute("aria-label", name);
      if (link.getAttribute("tabindex") !== "-1") link.setAttribute("tabindex", "-1");
      if (link.getAttribute("aria-hidden") !== "true") link.setAttribute("aria-hidden", "true");
    });
  }

  function followNestedLink(event) {
    var button = event.target.closest && event.target.closest("button[data-safegpt-link]");
    if (!button || event.target.closest("a[href]")) return;  // a click on the link itself follows it already
    var link = button.querySelector("a[href]");
    if (link) link.click();
  }

  // -- skip link and statement link ---------------------------------------------------------------------
  function addLinks() {
    if (!labels.skipToInput) return;
    var input = document.getElementById("chat-input");
    var skip = document.getElementById("safegpt-skip");
    if (input && !skip) {
      skip = document.createElement("a");
      skip.id = "safegpt-skip";
      skip.className = "safegpt-skip-link";
      skip.href = "#chat-input";
      skip.textContent = text("skipToInput");
      skip.addEventListener("click", function (event) {
        event.preventDefault();
        var box = document.getElementById("chat-input");
        if (box) box.focus();
      });
      document.body.insertBefore(skip, document.body.firstChild);
    } else if (!input && skip) {
      skip.remove();
    }
    // The chat links the statement in its note under the input (translation "chat.watermark"); the login page
    // has no such note, so it gets the link at its bottom.
    var footer = document.getElementById("safegpt-footer");
    if (!input && !footer && labels.statementLink) {
      footer = document.createElement("footer");
      footer.id = "safegpt-footer";
      var link = document.createElement("a");
      link.href = labels.statementUrl;
      link.textContent = labels.statementLink;
      footer.appendChild(link);
      document.body.appendChild(footer);
    } else if (input && footer) {
      footer.remove();
    }
  }

  // -- announce a finished answer once, move focus to it ------------------------------------------------
  var announcer = null;
  var seen = new Set();
  var userActed = false;
  var settleTimer = null;

  function ensureAnnouncer() {
    if (announcer && document.body.contains(announcer)) return announcer;
    announcer = document.createElement("div");
    announcer.id = "safegpt-announcer";
    announcer.className = "safegpt-visually-hidden";
    announcer.setAttribute("role", "status");
    announcer.setAttribute("aria-live", "polite");
    announcer.setAttribute("aria-atomic", "true");
    document.body.appendChild(announcer);
    return announcer;
  }

  function messageSteps() {
    return Array.prototype.slice.call(document.querySelectorAll('.step[data-step-type="assistant_message"]'));
  }

  function messageText(step) {
    var parts = [];
    step.querySelectorAll(".prose").forEach(function (p) { parts.push(p.innerText.trim()); });
    return parts.filter(Boolean).join("\n");
  }

  function stepKey(step) {
    var inner = step.querySelector("[id^=step-]");
    return inner ? inner.id : null;
  }

  function settle() {
    settleTimer = null;
    if (document.getElementById("stop-button")) {  // still answering: announce only what is complete
      schedule();
      return;
    }
    var fresh = messageSteps().filter(function (s) {
      var key = stepKey(s);
      return key && !seen.has(key) && messageText(s);
    });
    if (!fresh.length) return;
    fresh.forEach(function (s) { seen.add(stepKey(s)); });
    var region = ensureAnnouncer();
    var said = fresh.map(messageText).join("\n\n");
    region.textContent = "";
    setTimeout(function () { region.textContent = said; }, 50);
    var last = fresh[fresh.length - 1];
    var active = document.activeElement;
    var focusLost = !active || active === document.body || !document.body.contains(active);
    var actionable = last.querySelector("button");
    var typing = active && active.id === "chat-input" && !actionable;
    if ((actionable || focusLost) && !typing) {
      var target = last.querySelector("[id^=step-]") || last;
      target.setAttribute("tabindex", "-1");
      target.setAttribute("role", "article");
      target.setAttribute("aria-label", text("answer"));
      target.setAttribute("data-safegpt-answer", "");
      target.focus({ preventScroll: false });
    }
  }

  function schedule() {
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(settle, 600);
  }

  // Shift+F10 or the context-menu key on a chat in the sidebar opens its menu (rename, delete).
  function openThreadMenu(event) {
    if (!(event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey))) return;
    var owner = event.target.closest && event.target.closest('[data-sidebar="menu-button"]');
    var trigger = owner && owner.querySelector("#thread-options");
    if (!trigger) return;
    event.preventDefault();
    trigger.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, cancelable: true, button: 0, pointerType: "mouse" }));
  }

  function onUserAction() {
    if (!userActed) {
      userActed = true;
      messageSteps().forEach(function (s) { var k = stepKey(s); if (k) seen.add(k); });
    }
  }

  // -- sources: Chainlit opens the source panel by itself when an answer with sources arrives. In a narrow window
  // (phone, 200 % zoom) that panel is a modal sheet over the whole chat, hiding the answer and its buttons: such
  // a sheet is closed again unless the person asked for the source.
  var sourceRequested = 0;
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".element-link")) sourceRequested = Date.now();
  }, true);

  function closeUnrequestedSheet() {
    var title = document.getElementById("side-view-title");
    var sheet = title && title.closest("[role=dialog]");
    if (!sheet || Date.now() - sourceRequested < 3000) return;
    var close = Array.prototype.find.call(sheet.querySelectorAll("button"), function (b) {
      return b.querySelector("svg.lucide-x");
    });
    if (close) close.click();
    else sheet.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  }

  // -- wiring ---------------------------------------------------------------------------------------------
  var repairQueued = false;
  function repair() {
    repairQueued = false;
    closeUnrequestedSheet();
    nameButtons();
    repairAria();
    repairNestedLinks();
    addLinks();
  }

  function queueRepair() {
    if (!repairQueued) {
      repairQueued = true;
      setTimeout(repair, 30);
    }
  }

  function start() {
    ensureAnnouncer();
    document.addEventListener("keydown", onUserAction, true);
    document.addEventListener("keydown", openThreadMenu);
    document.addEventListener("click", followNestedLink);
    document.addEventListener("pointerdown", onUserAction, true);
    new MutationObserver(function () {
      queueRepair();
      if (userActed) schedule();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    queueRepair();
  }

  fetch(rootPath + "/project/translations", { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      labels = ((data.translation || {}).safegpt || {}).a11y || {};
      queueRepair();
    })
    .catch(function () { /* names stay as Chainlit has them */ });

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
