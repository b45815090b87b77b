//! The architecture, checked on the source text of `core/src` and `web/src` (issue 14): each
//! layer of `core` imports only layers below it, an engine never imports a sibling engine, a web
//! page never imports another page, and no source file has more than [`MAX_LINES`] lines.
//!
//! Imports are read from the token stream with comments and literals removed: `use` trees
//! (`use crate::{a::b, c}`), paths in code (`crate::x::f()`), and `super::` chains resolved
//! against the file's module path (inline `mod x { … }` blocks included), so a `super::super::`
//! that leaves its module is caught. The rules name modules, not files: a module may be a file
//! (`risk.rs`) or a folder (`risk/mod.rs`, `risk/*.rs`) and the checks do not change.
//!
//! Layers of `core/src`, lowest first ([`LAYERS`]): `validate`, `error` → shared primitives
//! (`wad`, `interest`, `consensus`, `source`, `unit`, `json_text`) → `network`, `presets`, `protocol`, `chain` → engines → `scenario`
//! → `matrix` → `js`. `web` sits above all of `core`, so only its page rule applies.
#![cfg(not(target_arch = "wasm32"))]

#[path = "architecture/imports.rs"]
mod imports;

use std::fmt;
use std::path::Path;

use imports::{module_path, references, resolve};

/// Most lines a file of `core/src` or `web/src` may have.
const MAX_LINES: usize = 700;

/// The engine layer: its members may not import one another.
const ENGINES: &str = "engines";

/// The layers of `core/src`, lowest first. A module may import its own layer (except an engine,
/// see [`ENGINES`]) and every layer below it, never one above.
const LAYERS: &[(&str, &[&str])] = &[
    ("validation and errors", &["validate", "error"]),
    (
        "shared primitives",
        &[
            "wad",
            "interest",
            "consensus",
            "source",
            "unit",
            "json_text",
        ],
    ),
    ("network", &["network", "presets", "protocol", "chain"]),
    (
        ENGINES,
        &[
            "slashing",
            "risk",
            "security",
            "yield_stack",
            "lending",
            "bridge",
            "concentration",
            "parameters",
            "incidents",
        ],
    ),
    ("scenario", &["scenario"]),
    ("matrix", &["matrix"]),
    ("js", &["js"]),
];

/// Items of `core/src/lib.rs` other than modules, with the module they come from.
const ROOT_REEXPORTS: &[(&str, &str)] = &[("Error", "error")];

/// One broken rule, at a file and line.
#[derive(Debug)]
struct Violation {
    /// Path from the repository root, `/`-separated.
    file: String,
    /// 1-based line (the file's length for a size violation).
    line: usize,
    /// What is wrong, in one sentence.
    message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The layer index and the layer's name of a `core` top-level module.
fn layer_of(module: &str) -> Option<(usize, &'static str)> {
    LAYERS
        .iter()
        .enumerate()
        .find(|(_, (_, members))| members.contains(&module))
        .map(|(i, (name, _))| (i, *name))
}

/// The import rules of one `core/src` file (`under_src` is its path below `core/src`).
fn check_core_file(file: &str, under_src: &str, src: &str) -> Vec<Violation> {
    let module = module_path(under_src);
    let Some(top) = module.first() else {
        return Vec::new(); // lib.rs declares the modules.
    };
    let Some((from_layer, from_name)) = layer_of(top) else {
        return vec![Violation {
            file: file.to_owned(),
            line: 1,
            message: format!(
                "module `{top}` has no layer: add it to LAYERS in {}",
                file!()
            ),
        }];
    };
    let mut out = Vec::new();
    for r in references(src, &module) {
        let Some(target) = resolve(&r) else { continue };
        let Some(first) = target.first() else {
            continue;
        };
        let to = ROOT_REEXPORTS
            .iter()
            .find(|(item, _)| item == first)
            .map_or(first.as_str(), |(_, m)| m);
        if to == top {
            continue;
        }
        let shown = format!("crate::{}", target.join("::"));
        let violation = |message: String| Violation {
            file: file.to_owned(),
            line: r.line,
            message,
        };
        let who = if from_name == ENGINES {
            format!("engine `{top}`")
        } else {
            format!("{from_name} module `{top}`")
        };
        match layer_of(to) {
            None => out.push(violation(format!(
                "`{shown}`: `{to}` is not a module of LAYERS"
            ))),
            Some((l, name)) if l > from_layer => out.push(violation(format!(
                "{who} imports `{shown}` from the {name} layer above it"
            ))),
            Some((l, _)) if l == from_layer && from_name == ENGINES => out.push(violation(
                format!("{who} imports `{shown}` from sibling engine `{to}`"),
            )),
            _ => {}
        }
    }
    out
}

/// The page rule for one `web/src` file: a page (`pages/<name>.rs` or `pages/<name>/…`) refers
/// to no other page of `pages`.
fn check_web_file(file: &str, under_src: &str, src: &str, pages: &[String]) -> Vec<Violation> {
    let module = module_path(under_src);
    let page_of = |m: &[String]| match m {
        [first, name, ..] if first == "pages" && pages.contains(name) => Some(name.clone()),
        _ => None,
    };
    let Some(from) = page_of(&module) else {
        return Vec::new();
    };
    references(src, &module)
        .into_iter()
        .filter_map(|r| {
            let target = resolve(&r)?;
            let to = page_of(&target).filter(|to| *to != from)?;
            Some(Violation {
                file: file.to_owned(),
                line: r.line,
                message: format!(
                    "page `{from}` imports `crate::{}` from page `{to}` (shared code belongs in web/src/components/)",
                    target.join("::")
                ),
            })
        })
        .collect()
}

/// The size rule for one file.
fn check_size(file: &str, src: &str) -> Option<Violation> {
    let lines = src.lines().count();
    (lines > MAX_LINES).then(|| Violation {
        file: file.to_owned(),
        line: lines,
        message: format!("{lines} lines, more than {MAX_LINES}: split it into a folder module"),
    })
}

/// The pages of `web/src/pages/` named by a list of file paths below `web/src`.
fn page_names<'a>(under_src: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut pages: Vec<String> = under_src
        .filter_map(|p| {
            let rest = p.strip_prefix("pages/")?;
            let name = rest.split('/').next()?.trim_end_matches(".rs");
            (name != "mod").then(|| name.to_owned())
        })
        .collect();
    pages.sort();
    pages.dedup();
    pages
}

/// Every rule on a tree given as `(path from the repository root, text)`, paths under
/// `core/src/` or `web/src/`.
fn check(files: &[(String, String)]) -> Vec<Violation> {
    let pages = page_names(files.iter().filter_map(|(p, _)| p.strip_prefix("web/src/")));
    let mut out = Vec::new();
    for (path, src) in files {
        if let Some(under) = path.strip_prefix("core/src/") {
            out.extend(check_core_file(path, under, src));
        } else if let Some(under) = path.strip_prefix("web/src/") {
            out.extend(check_web_file(path, under, src, &pages));
        }
        out.extend(check_size(path, src));
    }
    out
}

/// Every `.rs` file below `dir`, as `(path from root, text)`, in a stable order.
fn read_tree(root: &Path, dir: &str, out: &mut Vec<(String, String)>) {
    let full = root.join(dir);
    let mut entries: Vec<_> = std::fs::read_dir(&full)
        .unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    entries.sort();
    for name in entries {
        let rel = format!("{dir}/{name}");
        let path = root.join(&rel);
        if path.is_dir() {
            read_tree(root, &rel, out);
        } else if name.ends_with(".rs") {
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn the_source_tree_keeps_its_layers_pages_and_file_sizes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    read_tree(&root, "core/src", &mut files);
    read_tree(&root, "web/src", &mut files);
    assert!(files.iter().any(|(p, _)| p == "core/src/lib.rs"));
    assert!(files.iter().any(|(p, _)| p.starts_with("web/src/pages/")));
    let violations: Vec<String> = check(&files).iter().map(ToString::to_string).collect();
    assert!(
        violations.is_empty(),
        "{} architecture violation(s):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// The violations of a synthetic tree of `(path, text)` pairs, as strings.
fn check_strs(files: &[(&str, &str)]) -> Vec<String> {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
        .collect();
    check(&files).iter().map(ToString::to_string).collect()
}

#[test]
fn an_engine_importing_the_scenario_fails() {
    let v = check_strs(&[(
        "core/src/risk/path.rs",
        "use crate::network::Network;\nuse crate::scenario::Scenario;\n",
    )]);
    assert_eq!(
        v,
        [
            "core/src/risk/path.rs:2: engine `risk` imports `crate::scenario::Scenario` from the scenario layer above it"
        ]
    );
}

#[test]
fn an_engine_importing_a_sibling_fails_in_trees_code_and_super_chains() {
    let src =
        "use crate::{Error, network::{Network, demo}, slashing::{apply_slashing, SlashEvent as E}};
fn f() { let d = crate::security::demo::demo(); }
mod tests {
    use super::*;
    use super::super::lending::market;
}
";
    let v = check_strs(&[("core/src/risk/mod.rs", src)]);
    assert_eq!(v.len(), 4, "{v:#?}");
    assert!(v[0].starts_with(
        "core/src/risk/mod.rs:1: engine `risk` imports `crate::slashing::apply_slashing`"
    ));
    assert!(v[1].contains(":1: ") && v[1].contains("`crate::slashing::SlashEvent`"));
    assert!(v[2].starts_with(
        "core/src/risk/mod.rs:2: engine `risk` imports `crate::security::demo::demo`"
    ));
    assert!(v[3].starts_with("core/src/risk/mod.rs:5: engine `risk` imports `crate::lending::market` from sibling engine `lending`"));
}

#[test]
fn a_lower_layer_importing_a_higher_one_fails_and_unknown_modules_are_named() {
    let v = check_strs(&[
        (
            "core/src/wad.rs",
            "fn f() -> crate::network::Network { todo!() }",
        ),
        (
            "core/src/network/demo.rs",
            "use super::super::slashing::demo;",
        ),
        ("core/src/shiny.rs", "use crate::wad;"),
    ]);
    assert_eq!(v.len(), 3, "{v:#?}");
    assert!(v[0].contains("shared primitives module `wad` imports `crate::network::Network` from the network layer above it"));
    assert!(v[1].contains(
        "network module `network` imports `crate::slashing::demo` from the engines layer"
    ));
    assert!(v[2].contains("module `shiny` has no layer"));
}

#[test]
fn comments_strings_own_module_and_lower_layers_pass() {
    let src = r##"//! See [`crate::scenario`] and `crate::matrix::Row`.
/* a block /* nested crate::js */ comment */
use super::input::Probabilities;
use crate::{Error, network::Network, wad::Amount};
const S: &str = "crate::scenario::Scenario";
const R: &str = r#"use crate::slashing;"#;
fn f<'a>(c: char) -> bool { c == '{' || c == '}' || c == '"' || c == '\'' }
pub(crate) fn g() { crate::risk::simulate_risk(); }
"##;
    assert_eq!(
        check_strs(&[("core/src/risk/stats.rs", src)]),
        Vec::<String>::new()
    );
    // The scenario may use the engines, the matrix the scenario, js everything.
    let up = check_strs(&[
        (
            "core/src/scenario/run.rs",
            "use crate::{risk, slashing, network};",
        ),
        ("core/src/matrix/rows.rs", "use crate::scenario::Scenario;"),
        (
            "core/src/js/mod.rs",
            "use crate::matrix::comparison_matrix;",
        ),
    ]);
    assert_eq!(up, Vec::<String>::new());
}

#[test]
fn a_page_importing_a_page_fails_as_file_or_folder() {
    let tree = [
        (
            "web/src/pages/mod.rs",
            "pub mod risk;\npub mod scenarios;\n",
        ),
        (
            "web/src/pages/risk/mod.rs",
            "pub(crate) async fn pause(ms: i32) {}\nmod chart;\n",
        ),
        (
            "web/src/pages/risk/chart.rs",
            "use super::pause;\nuse crate::components::chart;\n",
        ),
        (
            "web/src/pages/scenarios.rs",
            "async fn f() {\n    crate::pages::risk::pause(30).await;\n}\n",
        ),
        ("web/src/pages/security/mod.rs", "use super::risk::pause;\n"),
        (
            "web/src/pages/yield_stack/table.rs",
            "use super::super::super::pages::{risk::pause, yield_stack::x};\n",
        ),
        (
            "web/src/app.rs",
            "use crate::pages::{risk::RiskPage, scenarios::ScenariosPage};\n",
        ),
    ];
    let v = check_strs(&tree);
    assert_eq!(
        v,
        [
            "web/src/pages/scenarios.rs:2: page `scenarios` imports `crate::pages::risk::pause` from page `risk` (shared code belongs in web/src/components/)",
            "web/src/pages/security/mod.rs:1: page `security` imports `crate::pages::risk::pause` from page `risk` (shared code belongs in web/src/components/)",
            "web/src/pages/yield_stack/table.rs:1: page `yield_stack` imports `crate::pages::risk::pause` from page `risk` (shared code belongs in web/src/components/)",
        ]
    );
}

#[test]
fn a_file_over_the_limit_fails() {
    let long = "fn f() {}\n".repeat(MAX_LINES + 1);
    let v = check_strs(&[
        ("web/src/format.rs", &long),
        ("core/src/unit.rs", &long[10..]),
    ]);
    assert_eq!(
        v,
        [format!(
            "web/src/format.rs:{0}: {0} lines, more than {MAX_LINES}: split it into a folder module",
            MAX_LINES + 1
        )]
    );
}

/// Whether an integration test file of `core/tests` may hold browser tests: it does unless it
/// opts out of wasm32 with `#![cfg(not(target_arch = "wasm32"))]`.
fn runs_on_wasm(src: &str) -> bool {
    !src.contains("#![cfg(not(target_arch = \"wasm32\"))]")
}

/// `scripts/test.sh` runs on wasm32 only the core's `js_*` suites and `value_stability` (the
/// native-only suites would be compiled, linked and loaded in Chromium for nothing), so a suite
/// that holds browser tests under another name would silently never run in a browser.
#[test]
fn every_core_suite_with_browser_tests_is_selected_by_the_wasm_step() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("../scripts/test.sh")).unwrap();
    assert!(
        script.contains("--test 'js_*' --test value_stability"),
        "scripts/test.sh no longer selects the wasm suites as this test expects"
    );
    let mut unselected = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "rs")
            && runs_on_wasm(&std::fs::read_to_string(&path).unwrap())
            && !(name.starts_with("js_") || name == "value_stability")
        {
            unselected.push(name);
        }
    }
    assert!(
        unselected.is_empty(),
        "suites that may run on wasm32 but are not selected by scripts/test.sh: {unselected:?} \
         (name them js_* or mark them #![cfg(not(target_arch = \"wasm32\"))])"
    );
}

/// The web's browser suites run in the same wasm32 invocation as the core's, each by name, so a
/// new file in `web/tests/` must be named there too or it would never run.
#[test]
fn every_web_browser_suite_is_selected_by_the_wasm_step() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("../scripts/test.sh")).unwrap();
    let step = script
        .lines()
        .find(|l| {
            l.contains("cargo test --workspace")
                && l.contains("\"${wasm[@]}\"")
                && l.contains("--test 'js_*'")
        })
        .expect("scripts/test.sh has no wasm step for the core and the web");
    let mut unselected = Vec::new();
    for entry in std::fs::read_dir(root.join("../web/tests")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "rs") && !step.contains(&format!("--test {name}"))
        {
            unselected.push(name);
        }
    }
    assert!(
        unselected.is_empty(),
        "web browser suites not named by scripts/test.sh's wasm step: {unselected:?}"
    );
}
