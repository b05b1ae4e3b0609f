// rasid web UI: analyst corrections and the stance timeline chart. No network access but this server.
(function () {
  "use strict";
  var TOKEN_KEY = "rasid-token";

  function send(form) {
    var msg = form.querySelector("output.msg");
    var body = { statement_id: form.dataset.statement };
    var stances = {};
    form.querySelectorAll("select[name=stance]").forEach(function (sel) {
      if (sel.value) { stances[sel.dataset.target] = sel.value; }
    });
    if (Object.keys(stances).length) { body.stances = stances; }
    ["speaker", "date", "note"].forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) { body[name] = v; }
    });
    if (form.elements.wrong.checked) { body.wrong = true; }
    msg.className = "msg";
    msg.textContent = "…";
    postJson("/api/corrections", body, form, function (res) {
      msg.className = "msg ok";
      msg.textContent = "✓ #" + res.correction.id;
    });
  }

  // POST a JSON body with the form's token (else the one saved); on success keep the token, call done, reload;
  // an error is shown in the form's output
  function postJson(url, body, form, done) {
    var msg = form.querySelector("output.msg");
    var field = form.elements.token;
    var token = (field && field.value.trim()) || window.localStorage.getItem(TOKEN_KEY) || "";
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body)
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (res.ok) {
        if (token) { window.localStorage.setItem(TOKEN_KEY, token); }
        if (done) { done(res); }
        window.location.reload();
      } else if (msg) {
        msg.className = "msg err";
        msg.textContent = res.error;
      }
    }).catch(function (e) { if (msg) { msg.className = "msg err"; msg.textContent = String(e); } });
  }

  // alerts: mark one (data-ids) or all of a watchlist (data-watchlist) or all (neither) read or unread
  function markRead(form) {
    var body = { read: form.dataset.read !== "false" };
    if (form.dataset.ids) { body.ids = form.dataset.ids.split(",").map(Number); }
    if (form.dataset.watchlist) { body.watchlist_id = Number(form.dataset.watchlist); }
    if (!body.ids && body.watchlist_id === undefined) {
      body.ids = Array.prototype.map.call(document.querySelectorAll("li.alert.unread"),
        function (li) { return Number(li.dataset.alert); });
    }
    postJson("/api/alerts/read", body, form);
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.classList && form.classList.contains("correction")) {
      ev.preventDefault();
      send(form);
    } else if (form.classList && form.classList.contains("alert-read")) {
      ev.preventDefault();
      markRead(form);
    } else if (form.classList && form.classList.contains("follow-claim")) {
      // a watchlist that follows this claim: every statement that joins it raises an alert
      ev.preventDefault();
      postJson("/api/watchlists", { name: form.elements.name.value, claims: [Number(form.dataset.claim)] }, form);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var saved = window.localStorage.getItem(TOKEN_KEY);
    if (saved) {
      document.querySelectorAll("form.correction input[name=token]").forEach(function (i) { i.value = saved; });
    }
    // a link to a statement (#st-…) outlines its spans in the text and brings the first into view
    var target = window.location.hash.match(/^#st-(.+)$/);
    if (target) {
      var id = decodeURIComponent(target[1]);
      var spans = Array.prototype.filter.call(document.querySelectorAll(".m[data-st]"),
        function (s) { return s.dataset.st === id; });
      spans.forEach(function (s) { s.classList.add("focus"); });
      if (spans.length) { spans[0].scrollIntoView({ block: "center" }); }
    }
    // hovering a statement card outlines its spans in the text
    document.querySelectorAll(".st[data-statement]").forEach(function (card) {
      var id = card.dataset.statement;
      card.addEventListener("mouseenter", function () {
        document.querySelectorAll('.m[data-st="' + id + '"]').forEach(function (s) { s.classList.add("active"); });
      });
      card.addEventListener("mouseleave", function () {
        document.querySelectorAll(".m.active").forEach(function (s) { s.classList.remove("active"); });
      });
    });
  });

  // the actor page's chart: the count of each stance per month, stacked; a click on a month lists its statements
  window.rasidTimeline = function (divId, dataId) {
    var el = document.getElementById(divId);
    var data = JSON.parse(document.getElementById(dataId).textContent);
    if (!el || !window.Plotly) { return; }
    var colors = { favor: "#15803d", neutral: "#98a2b3", against: "#be123c" };
    var months = data.months.map(function (m) { return m.month; });
    var traces = ["favor", "neutral", "against"].map(function (stance) {
      return {
        name: data.labels[stance], type: "bar", x: months, marker: { color: colors[stance] },
        y: data.months.map(function (m) { return m[stance]; }),
        hovertemplate: "%{x|%Y-%m}: %{y}<extra>" + data.labels[stance] + "</extra>"
      };
    });
    // the view opens on the months that hold 98% of the stances: a few statements about 1948 or a plan for
    // 2030 would squeeze the rest into a sliver (a double click shows every month)
    var totals = data.months.map(function (m) { return m.favor + m.against + m.neutral; });
    var all = totals.reduce(function (a, b) { return a + b; }, 0), seen = 0, first = null, last = null;
    totals.forEach(function (n, i) {
      seen += n;
      if (first === null && seen > all * 0.01) { first = i; }
      if (last === null && seen >= all * 0.99) { last = i; }
    });
    var xaxis = { type: "date", gridcolor: "#f0f2f5" };
    if (months.length > 1 && first !== null && last !== null) {
      var pad = 15 * 24 * 3600 * 1000;
      xaxis.range = [new Date(Date.parse(months[first] + "-01") - pad).toISOString().slice(0, 10),
                     new Date(Date.parse(months[last] + "-01") + 2 * pad).toISOString().slice(0, 10)];
    }
    var font = "Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans, sans-serif";
    Plotly.newPlot(el, traces, {
      barmode: "stack", margin: { l: 50, r: 30, t: 10, b: 40 }, font: { family: font, size: 13 },
      xaxis: xaxis, yaxis: { fixedrange: true, gridcolor: "#f0f2f5" },
      legend: { orientation: "h", y: -0.18 }, plot_bgcolor: "#fff", paper_bgcolor: "#fff",
      hoverlabel: { font: { family: font } }
    }, { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] });
    el.on("plotly_click", function (ev) {
      if (!ev.points || !ev.points.length) { return; }
      var month = String(ev.points[0].x).slice(0, 7);
      window.location.href = data.link + encodeURIComponent(month);
    });
  };
})();
