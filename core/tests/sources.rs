//! Keeps the sources honest.
//!
//! 1. No file a reader of the repository sees may cite the developers' private notes (the
//!    `domain`, `toolchain` and `data-book` notes and the article seeds kept outside the
//!    repository, on the developers' machines): a person who clones the repository cannot open
//!    them. Cite the original source instead (spec section, contract path and commit, governance
//!    post, paper, URL) and list it in `docs/sources.md`.
//! 2. Every repository path that `docs/sources.md` names in backticks exists, so the list follows
//!    the code when files move.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// What the repository scans: the model, its data and tests, the web app, the scripts and the
/// documents a reader opens.
const SCANNED: &[&str] = &[
    "core/src",
    "core/data",
    "core/tests",
    "core/benches",
    "web/src",
    "web/tests",
    "scripts",
    "tests",
    "docs",
    "pkg/README.md",
    "README.md",
    "ARCHITECTURE.md",
    "BENCHMARKS.md",
];

/// Directories never scanned (installed or generated).
const SKIPPED_DIRS: &[&str] = &["node_modules", "target", "dist", ".venv"];

/// The citations to forbid, assembled so that this file does not contain them itself.
fn needles() -> Vec<String> {
    ["domain.md", "toolchain.md", "data-book.md", "seeds/"]
        .iter()
        .map(|name| format!("{}/{name}", "shared"))
        .collect()
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ has a parent: the repository root")
        .to_path_buf()
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let skip = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| SKIPPED_DIRS.contains(&n));
        if skip {
            return;
        }
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()))
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            collect(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// The forbidden citations in `file`, as `line: text`.
fn hits(file: &Path, needles: &[String]) -> Vec<String> {
    let bytes = fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    let text = String::from_utf8_lossy(&bytes);
    text.lines()
        .enumerate()
        .filter(|(_, line)| needles.iter().any(|n| line.contains(n.as_str())))
        .map(|(i, line)| format!("{}: {}", i + 1, line.chars().take(160).collect::<String>()))
        .collect()
}

fn relative(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn no_file_cites_the_private_notes() {
    let root = repo_root();
    let needles = needles();
    let mut files = Vec::new();
    for entry in SCANNED {
        collect(&root.join(entry), &mut files);
    }
    assert!(
        files.iter().any(|f| f.ends_with("protocols.json")),
        "the scan must reach core/data/protocols.json"
    );
    let mut offenders = Vec::new();
    for file in &files {
        let rel = relative(&root, file);
        for hit in hits(file, &needles) {
            offenders.push(format!("{rel}:{hit}"));
        }
    }
    assert!(
        offenders.is_empty(),
        "cite the original source (and list it in docs/sources.md), not the private notes:\n{}",
        offenders.join("\n")
    );
}

/// The backticked spans of `text` that look like paths of this repository (`core/…`, `web/…`, …).
fn named_paths(text: &str) -> Vec<String> {
    // Not `docs/`: the list also names files under other repositories' `docs/` folders.
    const PREFIXES: &[&str] = &["core/", "web/", "scripts/", "pkg/"];
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| PREFIXES.iter().any(|p| span.starts_with(p)))
        .filter(|span| !span.contains(' ') && !span.contains('*'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn sources_list_names_only_paths_that_exist() {
    let root = repo_root();
    let list = fs::read_to_string(root.join("docs/sources.md")).expect("docs/sources.md exists");
    let paths = named_paths(&list);
    assert!(
        paths.len() > 20,
        "docs/sources.md should name the modules that use each source"
    );
    let missing: Vec<&String> = paths.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "docs/sources.md names paths that do not exist (update the list): {missing:?}"
    );
    for needle in needles() {
        assert!(
            !list.contains(&needle),
            "docs/sources.md must cite original sources only"
        );
    }
}

#[test]
fn every_preset_citation_is_listed() {
    // Each citation in the preset data shares a handle (a URL, repository path, file name or
    // proposal id such as `EFIP-4`) with docs/sources.md, so the list names its source.
    let root = repo_root();
    let list = fs::read_to_string(root.join("docs/sources.md")).expect("docs/sources.md exists");
    let data: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("core/data/protocols.json")).expect("protocols.json"),
    )
    .expect("protocols.json is valid JSON");
    let mut citations = Vec::new();
    gather_citations(&data, &mut citations);
    assert!(citations.len() >= 20, "found {} citations", citations.len());
    let unlisted: Vec<&String> = citations
        .iter()
        .filter(|c| !handles(c).iter().any(|h| list.contains(h.as_str())))
        .collect();
    assert!(
        unlisted.is_empty(),
        "name a URL, repository path or proposal id in each citation and list it in \
         docs/sources.md: {unlisted:#?}"
    );
}

/// The words of a citation that identify a source: URLs, domains, paths, file names and
/// hyphenated ids (at least 4 characters, containing `/`, `.` or `-`).
fn handles(citation: &str) -> Vec<String> {
    citation
        .split(|c: char| c.is_whitespace() || ",;:()\"".contains(c))
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| t.chars().count() >= 4 && t.contains(['/', '.', '-']))
        .map(str::to_owned)
        .collect()
}

fn gather_citations(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == "citation" {
                    if let Some(s) = v.as_str() {
                        out.push(s.to_owned());
                    }
                } else {
                    gather_citations(v, out);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| gather_citations(v, out)),
        _ => {}
    }
}
