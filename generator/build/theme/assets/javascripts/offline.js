/* Buletin Desk Pilkada: registers the public edition's service worker (its address is the script tag's
   data-service-worker), which keeps the newest bulletin and every page read for when the signal is gone. Only
   the public edition's pages load this file; from file:// (the ZIP copy) there is nothing to register. */
(function () {
  "use strict";
  var script = document.currentScript;
  var address = script && script.getAttribute("data-service-worker");
  if (!address || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(address).catch(function () { /* no worker: the site works as before */ });
  });
})();
