//! Writes a synthetic leidraad site for benchmarks: N articles per locale in
//! Dutch and English (about 600 words each, drawn from common words and a
//! long tail of compounds; headings, numbered rules, links between
//! articles, glossary terms), audiences and contexts spread over them, one
//! quiz and two scenario cards per 20 articles. The same seed gives the
//! same site.
//!
//! With `--hugo DIR` and `--zola DIR` it also writes the same articles' text
//! as a Hugo or Zola site with minimal templates (sections of 50, title-only
//! front matter), so `bench/run.sh` can build them side by side.
//!
//! With `--schools N` the site is a board of N schools (`schools:`), each
//! with two articles of its own and one replaced board article per locale.
//!
//! cargo run --release --example synth -- --articles 1000 --out /tmp/synth [--seed 7] [--hugo DIR] [--zola DIR] [--schools N]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const NL: &[&str] = &[
    "school",
    "leerling",
    "ouder",
    "medewerker",
    "bericht",
    "foto",
    "groep",
    "klas",
    "privacy",
    "regel",
    "gesprek",
    "account",
    "delen",
    "plaatsen",
    "respect",
    "veilig",
    "online",
    "mentor",
    "afspraak",
    "melding",
    "schoolreis",
    "les",
    "video",
    "pagina",
    "zorgvuldig",
    "samen",
    "vragen",
    "helpen",
    "letten",
    "denken",
    "altijd",
    "soms",
    "nooit",
    "eerst",
    "daarna",
    "goed",
];
const EN: &[&str] = &[
    "school",
    "student",
    "parent",
    "staff",
    "message",
    "photo",
    "group",
    "class",
    "privacy",
    "rule",
    "conversation",
    "account",
    "share",
    "post",
    "respect",
    "safe",
    "online",
    "tutor",
    "agreement",
    "report",
    "trip",
    "lesson",
    "video",
    "page",
    "careful",
    "together",
    "ask",
    "help",
    "mind",
    "think",
    "always",
    "sometimes",
    "never",
    "first",
    "then",
    "good",
];
const AUDIENCES: &[&str] = &["leerlingen", "ouders", "medewerkers"];
const CONTEXTS: &[&str] = &["school", "werk", "prive"];

/// A small deterministic generator (SplitMix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A word as real text draws them: mostly one of the common words, often
/// one of the long tail of compounds (`schoolfoto`, `class-trip`), the
/// rarer the further down the list, so that each article has a few hundred
/// distinct words and the site a few thousand, as a real protocol does.
fn word(random: &mut Random, words: &[&str], joiner: &str) -> String {
    if random.below(10) < 6 {
        return words[random.below(words.len())].to_owned();
    }
    let tail = words.len() * words.len();
    let u = random.below(1 << 16) as f64 / f64::from(1 << 16);
    let i = ((u * u * u) * tail as f64) as usize % tail;
    format!("{}{joiner}{}", words[i / words.len()], words[i % words.len()])
}

fn sentence(random: &mut Random, words: &[&str], length: usize) -> String {
    let joiner = if std::ptr::eq(words, NL) { "" } else { "-" };
    let mut out: Vec<String> = (0..length).map(|_| word(random, words, joiner)).collect();
    let first = &out[0];
    let mut capital = first[..1].to_uppercase();
    capital.push_str(&first[1..]);
    out[0] = capital;
    format!("{}.", out.join(" "))
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn main() {
    let mut articles = 100usize;
    let mut out = PathBuf::from("synth");
    let mut seed = 7u64;
    let mut hugo: Option<PathBuf> = None;
    let mut zola: Option<PathBuf> = None;
    let mut schools = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--articles" => articles = value.parse().expect("a number of articles"),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().expect("a number"),
            "--hugo" => hugo = Some(PathBuf::from(value)),
            "--zola" => zola = Some(PathBuf::from(value)),
            "--schools" => schools = value.parse().expect("a number of schools"),
            other => panic!("unknown option {other}; use --articles N --out DIR [--seed S] [--hugo DIR] [--zola DIR]"),
        }
    }
    for dir in std::iter::once(&out).chain(&hugo).chain(&zola) {
        if dir.exists() {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
    if let Some(hugo) = &hugo {
        write(&hugo.join("hugo.yaml"), HUGO_CONFIG);
        write(&hugo.join("layouts/_default/single.html"), HUGO_SINGLE);
        write(&hugo.join("layouts/_default/list.html"), HUGO_LIST);
    }
    if let Some(zola) = &zola {
        write(&zola.join("config.toml"), ZOLA_CONFIG);
        write(&zola.join("templates/index.html"), ZOLA_SECTION);
        write(&zola.join("templates/section.html"), ZOLA_SECTION);
        write(&zola.join("templates/page.html"), ZOLA_PAGE);
    }
    write(&out.join("site.yaml"), &format!("{SITE}{}", school_list(schools)));
    for (locale, words) in [("nl", NL), ("en", EN)] {
        let mut random = Random(seed);
        let dir = out.join("content").join(locale);
        write(
            &dir.join("_index.md"),
            &format!("---\ntitle: Synthetic {locale}\n---\n{}\n", sentence(&mut random, words, 20)),
        );
        let glossary: String = ["privacy", "account", "online"]
            .iter()
            .map(|t| format!("- id: term-{t}\n  term: {t}\n  definition: {}\n", sentence(&mut random, words, 12)))
            .collect();
        write(&dir.join("glossary.yaml"), &glossary);
        for n in 0..articles {
            let audiences = match n % 4 {
                0 => "[all]".to_owned(),
                k => format!("[{}]", AUDIENCES[k - 1]),
            };
            let contexts = format!("[{}]", CONTEXTS[..1 + n % CONTEXTS.len()].join(", "));
            let mut body = String::new();
            for section in 0..3 {
                let _ = writeln!(body, "## {}\n", sentence(&mut random, words, 4).trim_end_matches('.'));
                for _ in 0..3 {
                    let _ = writeln!(
                        body,
                        "{}\n",
                        (0..4).map(|_| sentence(&mut random, words, 13)).collect::<Vec<_>>().join(" ")
                    );
                }
                if section == 1 {
                    for rule in 1..=6 {
                        let _ = writeln!(body, "{rule}. {}", sentence(&mut random, words, 14));
                    }
                    let target = random.below(articles);
                    let _ = writeln!(
                        body,
                        "\nSee [rule 3](a{target}#r3) and [the article](a{}).\n",
                        random.below(articles)
                    );
                }
            }
            let title = sentence(&mut random, words, 5).trim_end_matches('.').to_owned();
            let meta = format!(
                "---\nid: a{n}\nnumber: \"{n}\"\ntitle: {title}\naudiences: {audiences}\ncontexts: {contexts}\norder: {n}\nsummary: {}\nanchor_prefix: r\n---\n",
                sentence(&mut random, words, 10)
            );
            write(&dir.join("protocol").join(format!("a{n}.md")), &format!("{meta}{body}"));
            if let Some(hugo) = &hugo {
                let section = hugo.join("content").join(locale).join(format!("s{:03}", n / 50));
                if n % 50 == 0 {
                    write(&section.join("_index.md"), &format!("---\ntitle: Section {}\n---\n", n / 50));
                }
                write(&section.join(format!("a{n}.md")), &format!("---\ntitle: \"{}\"\n---\n{body}", title));
            }
            if let Some(zola) = &zola {
                // Zola: the default language has no suffix, others `.en.md`.
                let suffix = if locale == "nl" { String::new() } else { format!(".{locale}") };
                let section = zola.join("content").join(format!("s{:03}", n / 50));
                if n % 50 == 0 {
                    write(
                        &section.join(format!("_index{suffix}.md")),
                        &format!("+++\ntitle = \"Section {}\"\n+++\n", n / 50),
                    );
                }
                write(&section.join(format!("a{n}{suffix}.md")), &format!("+++\ntitle = \"{title}\"\n+++\n{body}"));
            }
        }
        for q in 0..articles / 20 {
            let questions: String = (0..6)
                .map(|i| {
                    format!(
                        "  - type: single\n    prompt: {}\n    options:\n      - text: {}\n        correct: true\n        feedback: {}\n      - text: {}\n    refs: [a{}#r{}]\n",
                        sentence(&mut random, words, 8),
                        sentence(&mut random, words, 4),
                        sentence(&mut random, words, 8),
                        sentence(&mut random, words, 4),
                        q * 20 + i,
                        1 + i % 6
                    )
                })
                .collect();
            write(
                &dir.join("quiz").join(format!("quiz{q}.md")),
                &format!("---\nid: quiz{q}\ntitle: Quiz {q}\naudiences: [all]\npass: 70\norder: {q}\nquestions:\n{questions}---\n"),
            );
        }
        for c in 0..articles / 10 {
            let card = format!(
                "---\nid: card{c}\ntitle: Card {c}\naudiences: [{}]\norder: {c}\nstart: begin\nsteps:\n  begin:\n    text: {}\n    choices:\n      - label: {}\n        next: good\n      - label: {}\n        next: bad\n  good:\n    text: {}\n    outcome: good\n    refs: [a{c}#r1]\n  bad:\n    text: {}\n    outcome: bad\n---\n",
                AUDIENCES[c % 3],
                sentence(&mut random, words, 20),
                sentence(&mut random, words, 5),
                sentence(&mut random, words, 5),
                sentence(&mut random, words, 15),
                sentence(&mut random, words, 15)
            );
            write(&dir.join("scenarios").join(format!("card{c}.md")), &card);
        }
    }
    for school in 0..schools {
        write_school(&out, school, articles, seed);
    }
    println!("wrote a site with {articles} articles per locale and {schools} schools to {}", out.display());
}

/// `schools:` of a board of `n` schools, or nothing.
fn school_list(n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let mut list = "schools:\n".to_owned();
    for s in 0..n {
        let _ = writeln!(list, "  - id: s{s}\n    name: School {s}\n    base_url: https://s{s}.example.org/protocol/");
    }
    list
}

/// A school's folder: two articles of its own and the board's article
/// `a<school>` replaced (its text with a paragraph added), in each locale.
fn write_school(out: &Path, school: usize, articles: usize, seed: u64) {
    let folder = out.join("schools").join(format!("s{school}"));
    write(&folder.join("school.yaml"), &format!("contact: {{ nl: Contact {school}, en: Contact {school} }}\n"));
    for (locale, words) in [("nl", NL), ("en", EN)] {
        let mut random = Random(seed ^ (school as u64 + 1));
        let dir = folder.join("content").join(locale).join("protocol");
        for own in 0..2 {
            let body: Vec<String> = (0..12).map(|_| sentence(&mut random, words, 13)).collect();
            let meta = format!(
                "---\nid: s{school}-own{own}\ntitle: Own {own}\naudiences: [all]\norder: {}\n---\n",
                articles + own
            );
            write(&dir.join(format!("own{own}.md")), &format!("{meta}{}\n", body.join(" ")));
        }
        let replaced = school % articles.max(1);
        let board =
            std::fs::read_to_string(out.join("content").join(locale).join("protocol").join(format!("a{replaced}.md")))
                .expect("the board's article is written first");
        let text = board.replacen("anchor_prefix: r\n", "anchor_prefix: r\nreplaces: true\n", 1);
        write(&dir.join(format!("a{replaced}.md")), &format!("{text}\n{}\n", sentence(&mut random, words, 20)));
    }
}

const SITE: &str = "organisation: Synthetic school board
title: { nl: Synthetisch protocol, en: Synthetic protocol }
base_url: https://example.org/synth/
default_locale: nl
locales: [nl, en]
audiences:
  - id: leerlingen
    name: { nl: Leerlingen, en: Students }
    slug: { nl: leerlingen, en: students }
  - id: ouders
    name: { nl: Ouders, en: Parents }
    slug: { nl: ouders, en: parents }
  - id: medewerkers
    name: { nl: Medewerkers, en: Staff }
    slug: { nl: medewerkers, en: staff }
contexts:
  - id: school
    name: { nl: Op school, en: At school }
  - id: werk
    name: { nl: Op het werk, en: At work }
  - id: prive
    name: { nl: Privé, en: In private life }
sections:
  protocol: { nl: protocol, en: protocol }
  glossary: { nl: begrippen, en: glossary }
";

/// Hugo, minimal: one page per article, a list per section, nothing else.
const HUGO_CONFIG: &str = "baseURL: https://example.org/synth/
defaultContentLanguage: nl
disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, 404]
languages:
  nl: { contentDir: content/nl, weight: 1 }
  en: { contentDir: content/en, weight: 2 }
";

const HUGO_SINGLE: &str = "<!doctype html>
<html lang=\"{{ .Lang }}\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
";

const HUGO_LIST: &str = "<!doctype html>
<html lang=\"{{ .Lang }}\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
";

/// Zola, minimal: the same pages as the Hugo site.
const ZOLA_CONFIG: &str = "base_url = \"https://example.org/synth/\"
default_language = \"nl\"
compile_sass = false
build_search_index = false

[languages.en]
";

const ZOLA_PAGE: &str = "<!doctype html>
<html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{{ page.title }}</title></head>
<body><main><h1>{{ page.title }}</h1>{{ page.content | safe }}</main></body></html>
";

const ZOLA_SECTION: &str = "<!doctype html>
<html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{{ section.title | default(value='') }}</title></head>
<body><main>{{ section.content | safe }}<ul>{% for page in section.pages %}<li><a href=\"{{ page.permalink }}\">{{ page.title }}</a></li>{% endfor %}</ul></main></body></html>
";
