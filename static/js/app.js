// Keep keyboard and screen-reader users oriented after htmx swaps: focus the new
// content's first heading or the element marked data-focus-after-swap. An outerHTML swap
// (e.g. a queue row) replaces the target, so look in the new element the event fires on.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  if (!target || !target.isConnected) { target = event.target; }
  if (!target || !target.isConnected || !target.querySelector) { return; }
  var focusable = target.matches("[data-focus-after-swap]") ? target :
    target.querySelector("[data-focus-after-swap]") || target.querySelector("h1, h2, h3");
  if (focusable) {
    if (!focusable.hasAttribute("tabindex")) { focusable.setAttribute("tabindex", "-1"); }
    focusable.focus();
  }
});
// Confirm dangerous actions without inline script: <form data-confirm="...">.
document.addEventListener("submit", function (event) {
  var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
