// "Lees voor": reads the page aloud with the browser's own speech synthesis. No server, no third party.
(function () {
  "use strict";
  var button = document.getElementById("lees-voor");
  if (!button || !("speechSynthesis" in window)) { return; }
  button.hidden = false;
  var start = button.textContent, stop = button.getAttribute("data-stop");
  button.addEventListener("click", function () {
    var synth = window.speechSynthesis;
    if (synth.speaking) { synth.cancel(); button.textContent = start; return; }
    var main = document.getElementById("inhoud");
    var utterance = new SpeechSynthesisUtterance(main ? main.innerText : document.body.innerText);
    utterance.lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
    utterance.rate = 0.9;
    utterance.onend = function () { button.textContent = start; };
    button.textContent = stop;
    synth.speak(utterance);
  });
}());
