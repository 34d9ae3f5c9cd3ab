/* refpack search: the query side of internal/search. The tokenizer below
   must agree with internal/search/tokenize.go (testdata/tokenize.json is run
   against both). No framework; loaded with defer; no inline code (CSP). */
(function () {
  "use strict";

  // ---- Tokenizer (same rules as tokenize.go) -----------------------------

  var MAX_WORD = 40;
  var reCJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
  var reWord = /[\p{L}\p{M}\p{Nd}]/u;
  var reCyr = /\p{Script=Cyrillic}/u;

  function fold(ch) {
    var l = ch.toLowerCase();
    if (l.length > 1) l = String.fromCodePoint(l.codePointAt(0)); // Go lowers rune by rune
    return l === "ё" ? "е" : l;
  }

  // tokenize returns [{term, surface, cjk, de}] for text; de, the German
  // stem of a Latin word, only where it differs from term.
  function tokenize(text) {
    var out = [], word = [], cjk = [];
    function flushWord() {
      if (word.length > 0 && word.length <= MAX_WORD) {
        var w = word.join(""), t = { term: stem(w), surface: w, cjk: false };
        if (latin(w)) {
          var de = stemDe(w);
          if (de !== t.term) t.de = de;
        }
        out.push(t);
      }
      word = [];
    }
    function flushCJK() {
      if (cjk.length === 1) out.push({ term: cjk[0], surface: cjk[0], cjk: true });
      for (var i = 0; i + 1 < cjk.length; i++) {
        var b = cjk[i] + cjk[i + 1];
        out.push({ term: b, surface: b, cjk: true });
      }
      cjk = [];
    }
    for (var ch of text.normalize("NFKC")) {
      ch = fold(ch);
      var cp = ch.codePointAt(0);
      if (cp < 0x80) {
        if ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")) {
          flushCJK();
          word.push(ch);
        } else {
          flushWord();
          flushCJK();
        }
      } else if (reCJK.test(ch)) {
        flushWord();
        cjk.push(ch);
      } else if (reWord.test(ch)) {
        flushCJK();
        word.push(ch);
      } else {
        flushWord();
        flushCJK();
      }
    }
    flushWord();
    flushCJK();
    return out;
  }

  function stem(w) {
    if (reCyr.test(w)) return stemRu(w);
    return latin(w) ? stemEn(w) : w;
  }

  // latin tells whether the English (and, for German cases, the German)
  // stemmer takes a folded word: it has a letter a-z and no Cyrillic.
  function latin(w) { return /[a-z]/.test(w) && !reCyr.test(w); }

  // ---- Snowball, as github.com/kljensen/snowball v0.10.0 implements it -----

  function Word(s) {
    this.rs = Array.from(s);
    this.r1 = this.r2 = this.rv = this.rs.length;
  }
  Word.prototype.reset = function () {
    var n = this.rs.length;
    if (this.r1 > n) this.r1 = n;
    if (this.r2 > n) this.r2 = n;
    if (this.rv > n) this.rv = n;
  };
  Word.prototype.hasSuffixIn = function (start, end, suf) {
    var n = suf.length;
    if (n > end - start) return false;
    for (var i = 0; i < n; i++) if (this.rs[end - i - 1] !== suf[n - i - 1]) return false;
    return true;
  };
  Word.prototype.firstSuffixIfIn = function (start, end, list) {
    for (var i = 0; i < list.length; i++) {
      if (this.hasSuffixIn(0, end, list[i])) return end - list[i].length >= start ? list[i] : "";
    }
    return "";
  };
  Word.prototype.firstSuffixIn = function (start, end, list) {
    for (var i = 0; i < list.length; i++) if (this.hasSuffixIn(start, end, list[i])) return list[i];
    return "";
  };
  Word.prototype.firstSuffix = function (list) { return this.firstSuffixIfIn(0, this.rs.length, list); };
  Word.prototype.removeLast = function (n) { this.rs.length -= n; this.reset(); };
  Word.prototype.replace = function (suf, repl) {
    this.rs.length -= suf.length;
    for (var ch of repl) this.rs.push(ch);
    this.reset();
  };
  Word.prototype.removeFirstSuffixIn = function (start, list) {
    var s = this.firstSuffixIn(start, this.rs.length, list);
    if (s) this.removeLast(s.length);
    return s;
  };
  Word.prototype.vnv = function (isV, start) {
    for (var i = 1; i < this.rs.length - start; i++) {
      var j = start + i;
      if (isV(this.rs[j - 1]) && !isV(this.rs[j])) return j + 1;
    }
    return this.rs.length;
  };

  var EN_SPECIAL = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes", inning: "inning", innings: "inning",
    outing: "outing", outings: "outing", canning: "canning", cannings: "canning", herring: "herring",
    herrings: "herring", earring: "earring", earrings: "earring", proceed: "proceed", proceeds: "proceed",
    proceeded: "proceed", proceeding: "proceed", exceed: "exceed", exceeds: "exceed", exceeded: "exceed",
    exceeding: "exceed", succeed: "succeed", succeeds: "succeed", succeeded: "succeed", succeeding: "succeed"
  };
  function enV(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function utf8Len(s) { return new TextEncoder().encode(s).length; }
  function endsShort(w, i) {
    var rs = w.rs;
    if (i === 2) return enV(rs[0]) && !enV(rs[1]);
    if (i >= 3) {
      var s1 = rs[i - 1], s2 = rs[i - 2], s3 = rs[i - 3];
      return !enV(s1) && s1 !== "w" && s1 !== "x" && s1 !== "Y" && enV(s2) && !enV(s3);
    }
    return false;
  }
  function isShort(w) { return w.r1 >= w.rs.length && endsShort(w, w.rs.length); }

  // Words reach the stemmer without apostrophes (they separate words), so
  // the Snowball apostrophe steps never apply.
  function stemEn(word) {
    if (utf8Len(word) <= 2) return word;
    if (Object.prototype.hasOwnProperty.call(EN_SPECIAL, word)) return EN_SPECIAL[word];
    var w = new Word(word), rs = w.rs, i, n, s;
    for (i = 0; i < rs.length; i++) if (rs[i] === "y" && (i === 0 || enV(rs[i - 1]))) rs[i] = "Y";
    var pre = ["gener", "commun", "arsen"].find(function (p) { return word.startsWith(p); });
    w.r1 = pre ? pre.length : w.vnv(enV, 0);
    w.r2 = w.vnv(enV, w.r1);
    // step 1a
    s = w.firstSuffix(["sses", "ied", "ies", "us", "ss", "s"]);
    if (s === "sses") w.replace(s, "ss");
    else if (s === "ies" || s === "ied") w.replace(s, w.rs.length > 4 ? "i" : "ie");
    else if (s === "s") {
      for (i = 0; i < w.rs.length - 2; i++) if (enV(w.rs[i])) { w.removeLast(1); break; }
    }
    // step 1b
    s = w.firstSuffix(["eedly", "ingly", "edly", "ing", "eed", "ed"]);
    n = s.length;
    if (s === "eed" || s === "eedly") {
      if (n <= w.rs.length - w.r1) w.replace(s, "ee");
    } else if (s) {
      var vowel = false;
      for (i = 0; i < w.rs.length - n; i++) if (enV(w.rs[i])) { vowel = true; break; }
      if (vowel) {
        var o1 = w.r1, o2 = w.r2, restore = true;
        w.removeLast(n);
        // Named "ending", not with one letter: a one-letter name next to
        // a short suffix reads as a short private name split in two words.
        var ending = w.firstSuffix(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
        if (ending === "") {
          if (isShort(w)) {
            w.rs.push("e");
            w.r1 = w.r2 = w.rs.length;
            restore = false;
          }
        } else if (ending === "at" || ending === "bl" || ending === "iz") w.replace(ending, ending + "e");
        else w.removeLast(1);
        if (restore) {
          w.r1 = Math.min(o1, w.rs.length);
          w.r2 = Math.min(o2, w.rs.length);
        }
      }
    }
    // step 1c
    n = w.rs.length;
    if (n > 2 && (w.rs[n - 1] === "y" || w.rs[n - 1] === "Y") && !enV(w.rs[n - 2])) w.rs[n - 1] = "i";
    // step 2
    s = w.firstSuffix(["ational", "fulness", "iveness", "ization", "ousness", "biliti", "lessli", "tional",
      "alism", "aliti", "ation", "entli", "fulli", "iviti", "ousli", "anci", "abli", "alli", "ator", "enci",
      "izer", "bli", "ogi", "li"]);
    if (s && s.length <= w.rs.length - w.r1) {
      n = w.rs.length;
      if (s === "li") {
        if (n >= 3 && "cdeghkmnrt".indexOf(w.rs[n - 3]) >= 0) w.removeLast(2);
      } else if (s === "ogi") {
        if (n >= 4 && w.rs[n - 4] === "l") w.replace(s, "og");
      } else {
        w.replace(s, {
          tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
          ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
          ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", fulli: "ful",
          lessli: "less"
        }[s]);
      }
    }
    // step 3
    s = w.firstSuffix(["ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"]);
    if (s && s.length <= w.rs.length - w.r1) {
      if (s === "ative") {
        if (w.rs.length - w.r2 >= 5) w.removeLast(5);
      } else {
        w.replace(s, { ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "" }[s]);
      }
    }
    // step 4
    s = w.firstSuffix(["ement", "ance", "ence", "able", "ible", "ment", "ent", "ant", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "al", "er", "ic"]);
    if (s && s.length <= w.rs.length - w.r2) {
      n = w.rs.length;
      if (s !== "ion") w.removeLast(s.length);
      else if (n >= 4 && (w.rs[n - 4] === "s" || w.rs[n - 4] === "t")) w.removeLast(3);
    }
    // step 5
    var last = w.rs.length - 1;
    if (w.r1 <= last) {
      if (w.rs[last] === "e") {
        if (w.r2 <= last || !endsShort(w, last)) w.removeLast(1);
      } else if (w.r2 <= last && w.rs[last] === "l" && last >= 1 && w.rs[last - 1] === "l") w.removeLast(1);
    }
    return w.rs.join("").replace(/Y/g, "y");
  }

  function ruV(c) { return "аеиоуыэюя".indexOf(c) >= 0; }
  function precededByAR(w, n) {
    var i = w.rs.length - n - 1;
    return i >= w.rv && (w.rs[i] === "а" || w.rs[i] === "я");
  }
  function stemRu(word) {
    var w = new Word(word);
    if (w.rs.length <= 2) return word;
    w.r1 = w.vnv(ruV, 0);
    w.r2 = w.vnv(ruV, w.r1);
    w.rv = w.rs.length;
    for (var i = 0; i < w.rs.length; i++) if (ruV(w.rs[i])) { w.rv = i + 1; break; }
    step1Ru(w);
    w.removeFirstSuffixIn(w.rv, ["и"]);
    w.removeFirstSuffixIn(w.r2, ["ост", "ость"]);
    if (w.hasSuffixIn(0, w.rs.length, "нн")) w.removeLast(1);
    else if (w.removeFirstSuffixIn(0, ["ейше", "ейш"])) {
      if (w.hasSuffixIn(0, w.rs.length, "нн")) w.removeLast(1);
    } else if (w.rs.length > 0 && w.rs[w.rs.length - 1] === "ь") w.removeLast(1);
    return w.rs.join("");
  }
  function step1Ru(w) {
    var s = w.firstSuffixIn(w.rv, w.rs.length, ["ившись", "ывшись", "вшись", "ивши", "ывши", "вши", "ив", "ыв", "в"]);
    if ((s === "в" || s === "вши" || s === "вшись") && !precededByAR(w, s.length)) s = "";
    if (s) { w.removeLast(s.length); return; }
    w.removeFirstSuffixIn(w.rv, ["ся", "сь"]);
    s = w.removeFirstSuffixIn(w.rv, ["ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий",
      "ый", "ой", "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]);
    if (s) {
      var p = w.firstSuffixIn(w.rv, w.rs.length, ["ивш", "ывш", "ующ", "ем", "нн", "вш", "ющ", "щ"]);
      if (["ем", "нн", "вш", "ющ", "щ"].indexOf(p) >= 0 && !precededByAR(w, p.length)) p = "";
      if (p) w.removeLast(p.length);
      return;
    }
    s = w.firstSuffixIn(w.rv, w.rs.length, ["уйте", "ейте", "ыть", "ыло", "ыли", "ыла", "уют", "ует", "нно", "йте",
      "ишь", "ить", "ите", "ило", "или", "ила", "ешь", "ете", "ены", "ено", "ена", "ят", "ют", "ыт", "ым", "ыл",
      "ую", "уй", "ть", "ны", "но", "на", "ло", "ли", "ла", "ит", "им", "ил", "ет", "ен", "ем", "ей", "ю", "н",
      "л", "й"]);
    if (["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"]
      .indexOf(s) >= 0 && !precededByAR(w, s.length)) s = "";
    if (s) { w.removeLast(s.length); return; }
    w.removeFirstSuffixIn(w.rv, ["иями", "ями", "иях", "иям", "ием", "ией", "ами", "ях", "ям", "ья", "ью", "ье",
      "ом", "ой", "ов", "ия", "ию", "ий", "ии", "ие", "ем", "ей", "еи", "ев", "ах", "ам", "я", "ю", "ь", "ы",
      "у", "о", "й", "и", "е", "а"]);
  }

  // ---- Snowball German, as github.com/blevesearch/snowballstem v0.9.0 ------

  function deV(c) { return "aeiouyäöü".indexOf(c) >= 0; }
  function endsWith(rs, suf) {
    var n = suf.length;
    if (n > rs.length) return false;
    for (var i = 0; i < n; i++) if (rs[rs.length - n + i] !== suf[i]) return false;
    return true;
  }
  // longestSuffix is the longest of list that rs ends with, or "".
  function longestSuffix(rs, list) {
    var best = "";
    list.forEach(function (s) { if (s.length > best.length && endsWith(rs, s)) best = s; });
    return best;
  }
  // deRegions returns [p1, p2], the starts of R1 (at least 3 letters in)
  // and R2.
  function deRegions(rs) {
    var n = rs.length, c = 0, p1;
    if (n < 3) return [n, n];
    while (c < n && !deV(rs[c])) c++;
    if (c >= n) return [n, n];
    for (c++; c < n && deV(rs[c]); c++);
    if (c >= n) return [n, n];
    c++;
    p1 = Math.max(c, 3);
    while (c < n && !deV(rs[c])) c++;
    if (c >= n) return [p1, n];
    for (c++; c < n && deV(rs[c]); c++);
    if (c >= n) return [p1, n];
    return [p1, c + 1];
  }
  function stemDe(word) {
    var rs = Array.from(word.replace(/ß/g, "ss")), i, s;
    for (i = 1; i + 1 < rs.length; i++) {
      if (deV(rs[i - 1]) && (rs[i] === "u" || rs[i] === "y") && deV(rs[i + 1])) rs[i] = rs[i].toUpperCase();
    }
    var r = deRegions(rs), p1 = r[0], p2 = r[1];
    function cut(n) { rs.length -= n; }
    function letterAt(i) { return i >= 0 ? rs[i] : ""; }
    // step 1
    s = longestSuffix(rs, ["e", "em", "en", "ern", "er", "s", "es"]);
    if (s && rs.length - s.length >= p1) {
      if (s === "s") {
        if ("bdfghklmnrt".indexOf(letterAt(rs.length - 2)) >= 0 && rs.length >= 2) cut(1);
      } else {
        cut(s.length);
        if ((s === "e" || s === "en" || s === "es") && endsWith(rs, ["n", "i", "s", "s"])) cut(1);
      }
    }
    // step 2
    s = longestSuffix(rs, ["en", "er", "st", "est"]);
    if (s && rs.length - s.length >= p1) {
      if (s !== "st") cut(s.length);
      else if ("bdfghklmnt".indexOf(letterAt(rs.length - 3)) >= 0 && rs.length >= 6) cut(2);
    }
    // step 3
    s = longestSuffix(rs, ["end", "ig", "ung", "lich", "isch", "ik", "heit", "keit"]);
    if (s && rs.length - s.length >= p2) {
      var before = letterAt(rs.length - s.length - 1);
      if (s === "end" || s === "ung") {
        cut(s.length);
        if (endsWith(rs, ["i", "g"]) && letterAt(rs.length - 3) !== "e" && rs.length - 2 >= p2) cut(2);
      } else if (s === "ig" || s === "ik" || s === "isch") {
        if (before !== "e") cut(s.length);
      } else if (s === "lich" || s === "heit") {
        cut(s.length);
        if ((endsWith(rs, ["e", "r"]) || endsWith(rs, ["e", "n"])) && rs.length - 2 >= p1) cut(2);
      } else {
        cut(s.length);
        var t = longestSuffix(rs, ["ig", "lich"]);
        if (t && rs.length - t.length >= p2) cut(t.length);
      }
    }
    return rs.join("").replace(/[YUäöü]/g, function (c) { return { Y: "y", U: "u", ä: "a", ö: "o", ü: "u" }[c]; });
  }

  // ---- The index ---------------------------------------------------------

  // cmp orders strings by code point, as Go orders the shard keys.
  function cmp(a, b) {
    var ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
    for (;;) {
      var x = ia.next(), y = ib.next();
      if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
      var d = x.value.codePointAt(0) - y.value.codePointAt(0);
      if (d) return d;
    }
  }
  // MAX is above every code point, to end the range of a prefix.
  var MAX = "\u{10ffff}";

  function Index(base, fetchJSON) {
    this.base = base;
    this.fetchJSON = fetchJSON;
    this.shards = new Map(); // shard number -> promise of {t, w}
    this.chunks = new Map();
    this.postings = new Map(); // term -> Int32Array of doc, score pairs
  }
  // load fetches the manifest; loadFacets the facet columns, which a query
  // does not need, so both are fetched in parallel after the manifest.
  Index.prototype.load = function () {
    var ix = this;
    if (!ix.ready) ix.ready = ix.fetchJSON(ix.base + "manifest.json").then(function (m) { ix.m = m; });
    return ix.ready;
  };
  Index.prototype.loadFacets = function () {
    var ix = this;
    if (!ix.facetsReady) {
      ix.facetsReady = ix.load().then(function () {
        return ix.fetchJSON(ix.base + "facets.json?v=" + ix.m.v);
      }).then(function (f) { ix.facets = decodeFacets(f, ix.m.n); });
    }
    return ix.facetsReady;
  };
  // shardOf is the shard whose range holds key.
  Index.prototype.shardOf = function (key) {
    var s = this.m.shards, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (cmp(s[mid], key) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  Index.prototype.shard = function (i) {
    if (!this.shards.has(i)) this.shards.set(i, this.fetchJSON(this.base + "t/" + i + ".json?v=" + this.m.v));
    return this.shards.get(i);
  };
  // range loads the shards holding keys from lo to hi (at most max of them).
  Index.prototype.range = function (lo, hi, max) {
    var a = this.shardOf(lo), b = Math.min(this.shardOf(hi), a + max - 1), ps = [];
    for (var i = a; i <= b; i++) ps.push(this.shard(i));
    return Promise.all(ps);
  };
  Index.prototype.scores = function (term) {
    var ix = this;
    if (ix.postings.has(term)) return Promise.resolve(ix.postings.get(term));
    return ix.shard(ix.shardOf(term)).then(function (sh) {
      var p = Object.prototype.hasOwnProperty.call(sh.t, term) ? sh.t[term] : [], m = new Int32Array(p.length), d = 0;
      for (var i = 0; i < p.length; i += 2) { d += p[i]; m[i] = d; m[i + 1] = p[i + 1]; }
      ix.postings.set(term, m);
      return m;
    });
  };
  Index.prototype.cards = function (ids) {
    var ix = this, size = ix.m.chunk;
    return Promise.all(ids.map(function (id) {
      var c = Math.floor(id / size);
      if (!ix.chunks.has(c)) ix.chunks.set(c, ix.fetchJSON(ix.base + "docs/" + c + ".json?v=" + ix.m.v));
      return ix.chunks.get(c).then(function (rows) {
        var r = rows[id % size];
        return { id: id, slug: r[0], title: r[1], customer: r[2], summary: r[3], lang: r[4] };
      });
    }));
  };

  var ALPHA = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  // decodeFacets turns each facet's column into one bitmask of values per
  // case (facets have at most 32 values here; more are ignored).
  function decodeFacets(f, n) {
    var out = {};
    Object.keys(f).forEach(function (name) {
      var t = f[name], masks = new Uint32Array(n);
      for (var d = 0; d < n; d++) {
        var v = 0;
        for (var k = 0; k < t.width; k++) v = v * 64 + ALPHA.indexOf(t.data[d * t.width + k]);
        masks[d] = t.multi ? v >>> 0 : v > 0 && v <= 32 ? (1 << (v - 1)) >>> 0 : 0;
      }
      out[name] = { keys: t.keys, masks: masks };
    });
    return out;
  }
  // valuesOf lists the value indices a case has in a facet.
  function valuesOf(fc, d) {
    var r = [];
    for (var v = fc.masks[d], i = 0; v; i++, v >>>= 1) if (v & 1) r.push(i);
    return r;
  }

  // osa is the optimal string alignment distance, up to 2.
  function osa(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > 1) return 2;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var cur = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var c = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c = Math.min(c, prev2[j - 2] + 1);
        cur.push(c);
        if (c < low) low = c;
      }
      if (low > 1) return 2;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  var PREFIX = 0.8, TYPO = 0.4, MIN_TYPO = 5, MAX_SHARDS = 6;

  // variants finds the terms a query token matches, each with a weight:
  // 1 exact, PREFIX for completions of the last token, TYPO for words one
  // edit away (only when nothing matched exactly).
  Index.prototype.variants = function (tok, last) {
    var ix = this, found = new Map();
    function put(term, w) { if (!(found.get(term) >= w)) found.set(term, w); }
    function scan(shards, test, w) {
      var pointed = []; // stems of the matching word forms
      shards.forEach(function (sh) {
        Object.keys(sh.t).forEach(function (k) { if (test(k)) put(k, w); });
        // A form in German and another language's cases has two stems.
        Object.keys(sh.w).forEach(function (k) { if (test(k)) pointed = pointed.concat(sh.w[k]); });
      });
      pointed.forEach(function (s) { put(s, w); });
    }
    // The query's language is not known: a Latin word is looked up by its
    // English and its German stem (tok.de), as German cases are indexed.
    var stems = tok.de ? [tok.term, tok.de] : [tok.term];
    return Promise.all(stems.map(function (t) { return ix.scores(t); })).then(function (exact) {
      exact.forEach(function (p, i) { if (p.length) put(stems[i], 1); });
      var len = Array.from(tok.surface).length;
      if (!last || (!tok.cjk && len < 2) || (tok.cjk && len > 1)) return;
      var lo = cmp(tok.term, tok.surface) < 0 ? tok.term : tok.surface;
      var hi = cmp(tok.term, tok.surface) < 0 ? tok.surface : tok.term;
      // The German stem ("haus" for "häuser") may sort far from the word:
      // its completions are a range of their own.
      var ranges = [[lo, hi]].concat(tok.de ? [[tok.de, tok.de]] : []);
      return Promise.all(ranges.map(function (r) { return ix.range(r[0], r[1] + MAX, MAX_SHARDS); })).then(function (lists) {
        scan([].concat.apply([], lists), function (k) {
          return stems.indexOf(k) < 0 && (k.startsWith(tok.surface) || stems.some(function (t) { return k.startsWith(t); }));
        }, PREFIX);
      });
    }).then(function () {
      var len = Array.from(tok.surface).length;
      if (found.size || tok.cjk || len < MIN_TYPO) return;
      var head = Array.from(tok.surface).slice(0, 2).join("");
      return ix.range(head, head + MAX, MAX_SHARDS * 2).then(function (shards) {
        scan(shards, function (k) { return osa(tok.surface, k) <= 1 || stems.indexOf(k) >= 0; }, TYPO);
      });
    }).then(function () {
      var terms = Array.from(found.keys());
      return Promise.all(terms.map(function (t) { return ix.scores(t); })).then(function (lists) {
        return { terms: terms, lists: lists, weights: terms.map(function (t) { return found.get(t); }) };
      });
    });
  };

  // query returns {ids (ranked), terms (matched, for highlighting)}; every
  // token must match (AND), scores add up.
  Index.prototype.query = function (q) {
    var ix = this, seen = new Map(), toks = tokenize(q);
    toks.forEach(function (t, i) { seen.set(t.term, { tok: t, last: i === toks.length - 1 }); });
    var list = Array.from(seen.values());
    if (!list.length) return Promise.resolve(null);
    return Promise.all(list.map(function (x) { return ix.variants(x.tok, x.last); })).then(function (vs) {
      var n = ix.m.n, total = new Float64Array(n), hits = new Uint8Array(n), best = new Float64Array(n), terms = [];
      vs.forEach(function (v) {
        best.fill(0);
        v.lists.forEach(function (p, k) {
          var w = v.weights[k];
          for (var i = 0; i < p.length; i += 2) {
            var sc = p[i + 1] * w;
            if (sc > best[p[i]]) best[p[i]] = sc;
          }
        });
        for (var d = 0; d < n; d++) if (best[d] > 0) { total[d] += best[d]; hits[d]++; }
        terms = terms.concat(v.terms);
      });
      var ids = [];
      for (var d = 0; d < n; d++) if (hits[d] === vs.length) ids.push(d);
      ids.sort(function (a, b) { return total[b] - total[a] || a - b; });
      return { ids: ids, terms: terms };
    });
  };

  // filter keeps the ids that have one of the chosen values of every facet
  // (OR within a facet, AND across) and counts, per facet, the values of the
  // ids that pass the other facets.
  Index.prototype.filter = function (ids, chosen) {
    var F = this.facets, names = Object.keys(F), nf = names.length, sel = new Uint32Array(nf), cols = [], counts = {};
    names.forEach(function (nm, j) {
      (chosen[nm] || []).forEach(function (k) {
        var i = F[nm].keys.indexOf(k);
        if (i >= 0 && i < 32) sel[j] = (sel[j] | (1 << i)) >>> 0;
      });
      cols.push(F[nm].masks);
      counts[nm] = new Array(F[nm].keys.length).fill(0);
    });
    var kept = [], cnt = names.map(function (nm) { return counts[nm]; });
    for (var x = 0; x < ids.length; x++) {
      var d = ids[x], miss = -1, misses = 0;
      for (var j = 0; j < nf; j++) {
        if (sel[j] && !(cols[j][d] & sel[j])) { miss = j; misses++; }
      }
      if (misses > 1) continue;
      if (!misses) kept.push(d);
      for (j = 0; j < nf; j++) {
        if (misses && miss !== j) continue;
        for (var v = cols[j][d], i = 0; v; i++, v >>>= 1) if (v & 1) cnt[j][i]++;
      }
    }
    return { ids: kept, counts: counts };
  };

  // ---- Highlighting ------------------------------------------------------

  // highlight appends text to el with the words whose term is in terms
  // wrapped in <mark>.
  function highlight(el, text, terms) {
    var set = new Set(terms), parts = text.split(/([\p{L}\p{M}\p{Nd}]+)/u);
    parts.forEach(function (part, i) {
      if (!part) return;
      if (i % 2 === 1) {
        var toks = tokenize(part);
        if (toks.length && toks.every(function (t) { return t.cjk; })) {
          highlightCJK(el, part, set);
          return;
        }
        if (toks.some(function (t) { return set.has(t.term) || (t.de && set.has(t.de)); })) {
          var m = document.createElement("mark");
          m.textContent = part;
          el.appendChild(m);
          return;
        }
      }
      el.appendChild(document.createTextNode(part));
    });
  }
  function highlightCJK(el, part, set) {
    var chars = Array.from(part), on = chars.map(function () { return false; });
    for (var i = 0; i < chars.length; i++) {
      var bi = chars[i] + (chars[i + 1] || "");
      if (set.has(fold(chars[i])) || (i + 1 < chars.length && set.has(tokenize(bi).map(function (t) { return t.term; })[0]))) {
        on[i] = true;
        if (i + 1 < chars.length && !set.has(fold(chars[i]))) on[i + 1] = true;
      }
    }
    var buf = "", mark = false;
    function flush() {
      if (!buf) return;
      if (mark) {
        var m = document.createElement("mark");
        m.textContent = buf;
        el.appendChild(m);
      } else el.appendChild(document.createTextNode(buf));
      buf = "";
    }
    chars.forEach(function (c, i) {
      if (on[i] !== mark) { flush(); mark = on[i]; }
      buf += c;
    });
    flush();
  }

  // ---- The page ----------------------------------------------------------

  var PAGE = 20;

  function start(form) {
    var box = document.querySelector("[data-search-results]");
    var results = box.querySelector("[data-results]");
    var count = box.querySelector("[data-result-count]");
    var none = box.querySelector("[data-no-results]");
    var more = box.querySelector("[data-more]");
    var listing = document.querySelector("[data-listing]");
    var input = form.querySelector("input[name=q]");
    var activeCount = form.querySelector("[data-filter-count]");
    var activeLabels = form.querySelector("[data-active-filters]");
    var facetNames = ["industry", "project_type", "region", "language", "scale"];
    var base = form.getAttribute("data-index");
    var home = form.getAttribute("data-home");
    var ix = new Index(base, function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    });
    var shown = [], hits = [], terms = [], seq = 0;

    function labelOf(name, key) {
      var box = form.querySelector("input[name=" + name + "][value=\"" + CSS.escape(key) + "\"]");
      var l = box && box.closest("label") && box.closest("label").querySelector("[data-label]");
      return l ? l.textContent : key;
    }
    function stateFromURL() {
      var p = new URLSearchParams(location.search), st = { q: p.get("q") || "", f: {} };
      facetNames.forEach(function (nm) { st.f[nm] = p.getAll(nm).filter(Boolean); });
      return st;
    }
    function stateFromForm() {
      var st = { q: input.value, f: {} };
      facetNames.forEach(function (nm) {
        st.f[nm] = Array.from(form.querySelectorAll("input[name=" + nm + "]:checked")).map(function (c) { return c.value; });
      });
      return st;
    }
    function toForm(st) {
      input.value = st.q;
      facetNames.forEach(function (nm) {
        form.querySelectorAll("input[name=" + nm + "]").forEach(function (c) { c.checked = st.f[nm].indexOf(c.value) >= 0; });
      });
    }
    function queryString(st) {
      var p = new URLSearchParams();
      if (st.q.trim()) p.append("q", st.q);
      facetNames.forEach(function (nm) { st.f[nm].forEach(function (v) { p.append(nm, v); }); });
      var s = p.toString();
      return s ? "?" + s : "";
    }
    function empty(st) {
      return !st.q.trim() && facetNames.every(function (nm) { return !st.f[nm].length; });
    }

    // showActive names the chosen filters in the facets' summary, which is
    // all a phone shows of them while they are collapsed.
    function showActive(st) {
      var labels = [];
      facetNames.forEach(function (nm) {
        st.f[nm].forEach(function (k) { labels.push(labelOf(nm, k)); });
      });
      if (activeCount) activeCount.textContent = labels.length ? String(labels.length) : "";
      if (activeLabels) activeLabels.textContent = labels.join(activeLabels.getAttribute("data-active-filters") || ", ");
    }

    // run shows the results of st. The listing stays until the first page
    // of results is in hand and is then swapped for it at once, so the
    // page never shows an empty, growing result list.
    function run(st) {
      var my = ++seq;
      showActive(st);
      if (empty(st)) {
        box.hidden = true;
        if (listing) listing.hidden = false;
        return Promise.resolve();
      }
      form.setAttribute("aria-busy", "true");
      var fr;
      return Promise.all([ix.loadFacets(), ix.load().then(function () { return ix.query(st.q); })]).then(function (r) {
        if (my !== seq) return;
        var res = r[1];
        var ids = res ? res.ids : Array.from({ length: ix.m.n }, function (_, i) { return i; });
        terms = res ? res.terms : [];
        fr = ix.filter(ids, st.f);
        return ix.cards(fr.ids.slice(0, PAGE));
      }).then(function (cards) {
        if (my !== seq) return;
        hits = fr.ids;
        updateCounts(fr.counts);
        results.textContent = "";
        shown = [];
        append(cards);
        count.textContent = String(hits.length);
        none.hidden = hits.length > 0;
        box.hidden = false;
        if (listing) listing.hidden = true;
      }).catch(function (e) {
        if (my === seq) {
          box.hidden = true;
          if (listing) listing.hidden = false;
        }
        throw e;
      }).finally(function () {
        if (my === seq) form.removeAttribute("aria-busy");
      });
    }
    function append(cards) {
      cards.forEach(function (c) {
        shown.push(c.id);
        results.appendChild(card(c));
      });
      more.hidden = shown.length >= hits.length;
    }
    function showMore(my) {
      more.hidden = true;
      return ix.cards(hits.slice(shown.length, shown.length + PAGE)).then(function (cards) {
        if (my === seq) append(cards);
      });
    }
    function card(c) {
      var li = document.createElement("li");
      li.className = "hit";
      var a = document.createElement("a");
      a.setAttribute("data-result", "");
      a.href = home + "cases/" + c.slug + "/";
      a.className = "hit-link";
      if (c.lang !== document.documentElement.lang) a.lang = c.lang;
      var h = document.createElement("h3");
      h.className = "hit-title";
      highlight(h, c.title, terms);
      var meta = document.createElement("p");
      meta.className = "hit-meta";
      var F = ix.facets, bits = [c.customer];
      valuesOf(F.industry, c.id).forEach(function (v) { bits.push(labelOf("industry", F.industry.keys[v])); });
      valuesOf(F.scale, c.id).forEach(function (v) { bits.push(labelOf("scale", F.scale.keys[v])); });
      meta.textContent = bits.filter(Boolean).join(" · ");
      var p = document.createElement("p");
      p.className = "hit-snippet";
      highlight(p, c.summary, terms);
      a.append(h, meta, p);
      li.appendChild(a);
      return li;
    }
    function updateCounts(counts) {
      facetNames.forEach(function (nm) {
        var F = ix.facets[nm];
        form.querySelectorAll("input[name=" + nm + "]").forEach(function (c) {
          var i = F.keys.indexOf(c.value), n = i >= 0 ? counts[nm][i] : 0;
          var out = c.closest("label").querySelector("[data-facet-count]");
          if (out) out.textContent = String(n);
          c.closest("label").classList.toggle("facet-zero", n === 0 && !c.checked);
        });
      });
    }

    var timer = 0;
    function changed(push) {
      var st = stateFromForm(), qs = queryString(st);
      if (qs !== location.search) {
        if (push) history.pushState(null, "", location.pathname + qs);
        else history.replaceState(null, "", location.pathname + qs);
      }
      run(st);
    }
    // typing is true while keystrokes edit one search: its first change
    // pushes a history entry, the next ones replace it, so Back goes to the
    // previous search and not to the previous keystroke.
    var typing = false, pushed = true;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (!typing) pushed = false;
      typing = true;
      timer = setTimeout(function () {
        changed(!pushed);
        pushed = true;
      }, 150);
    });
    form.addEventListener("change", function (e) {
      if (e.target === input) return;
      typing = false;
      changed(true);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      typing = false;
      changed(false);
      if (hits.length) box.focus();
    });
    more.addEventListener("click", function () {
      var first = shown.length;
      showMore(seq).then(function () {
        var a = results.querySelectorAll("a[data-result]")[first];
        if (a) a.focus();
      });
    });
    box.querySelector("[data-clear]").addEventListener("click", function () {
      toForm({ q: "", f: { industry: [], project_type: [], region: [], language: [], scale: [] } });
      typing = false;
      changed(true);
      input.focus();
    });
    window.addEventListener("popstate", function () {
      var st = stateFromURL();
      toForm(st);
      typing = false;
      run(st);
    });
    var st = stateFromURL();
    toForm(st);
    run(st);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { tokenize: tokenize, stem: stem, osa: osa, cmp: cmp, Index: Index, decodeFacets: decodeFacets };
  }
  if (typeof document !== "undefined") {
    var form = document.querySelector("form[data-index]");
    if (form) start(form);
  }
})();
