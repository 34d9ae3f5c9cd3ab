// refpack serve: reload the page when the site is rebuilt. Served and
// injected by the dev server only; never part of a built site.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  // The generation of the build this page comes from.
  var seen = null;
  if (document.currentScript) {
    seen = new URL(document.currentScript.src).searchParams.get("gen");
  }
  var events = new EventSource("/__refpack/events");
  events.addEventListener("hello", function (e) {
    // A reconnection after a rebuild that this page missed.
    if (seen !== null && e.data !== seen) {
      window.location.reload();
    }
    seen = e.data;
  });
  events.addEventListener("reload", function (e) {
    seen = e.data;
    window.location.reload();
  });
})();
