/* Buletin Desk Pilkada: two fixes to what Material's JavaScript puts on the page, for keyboard and
   screen-reader users. The pages work without this file; it only adds names and focus. */
(function () {
  "use strict";

  /* A wide table scrolls inside Material's wrapper (.md-typeset__scrollwrap). While it does, keyboard users must
     be able to reach and scroll it: the wrapper becomes a focusable, named region. When it fits, it is a plain
     box again (no useless tab stop). */
  function tableName(wrap) {
    for (let node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        return "Tabel " + node.textContent.replace(/¶/g, "").replace(/\s+/g, " ").trim();
      }
    }
    return "Tabel";
  }

  function updateScrollable(wrap) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", tableName(wrap) + " (geser ke samping untuk melihat semua kolom)");
    } else if (!scrolls && wrap.hasAttribute("tabindex")) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  const resized = "ResizeObserver" in window
    ? new ResizeObserver((entries) => entries.forEach((entry) => updateScrollable(entry.target)))
    : null;

  function watchTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      updateScrollable(wrap);
      if (resized) resized.observe(wrap);
    });
  }

  /* The version selector's button is named "Pilih versi" by Material while it shows the edition's title and
     alias ("Pilgub Kalteng 2020" "terbaru"): a name that does not contain the visible words (WCAG 2.5.3, label
     in name). It is named by what it shows, then what it does, and the alias gets a space before it. */
  function labelVersionButton(button) {
    if (button.dataset.bdpLabelled) return;
    const alias = button.querySelector(".md-version__alias");
    if (alias && !/\s$/.test(alias.previousSibling ? alias.previousSibling.textContent : "")) {
      alias.before(" ");
    }
    const shown = button.textContent.replace(/\s+/g, " ").trim();
    const action = (button.getAttribute("aria-label") || "Pilih versi").toLowerCase();
    button.setAttribute("aria-label", shown ? shown + ": " + action : action);
    button.dataset.bdpLabelled = "1";
  }

  function watchVersionSelector() {
    const header = document.querySelector(".md-header");
    if (!header) return;
    const label = () => header.querySelectorAll(".md-version__current").forEach(labelVersionButton);
    label();
    new MutationObserver(label).observe(header, { childList: true, subtree: true });
  }

  function init() {
    watchTables();
    watchVersionSelector();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);   /* Material's page signal: after it has wrapped the tables */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
