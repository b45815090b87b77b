//! Reading imports from Rust source text: a tokenizer that drops comments and literals, the
//! `use` trees and `crate::`/`super::` paths of a file, and their resolution to absolute module
//! paths (for `architecture.rs`).

/// A token of Rust source: an identifier or keyword, `::`, or one punctuation character.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// An identifier or keyword.
    Ident(String),
    /// `::`.
    PathSep,
    /// Any other character that is not whitespace or a digit.
    Punct(char),
}

/// Splits `src` into tokens with their 1-based line, dropping comments (nested block comments
/// included), string, byte-string, raw-string and character literals, and lifetimes.
fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    // Advances over `c[i]`, counting lines.
    let step = |i: &mut usize, line: &mut usize| {
        if c[*i] == '\n' {
            *line += 1;
        }
        *i += 1;
    };
    while i < c.len() {
        let next = c.get(i + 1).copied();
        match c[i] {
            '/' if next == Some('/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        step(&mut i, &mut line);
                    }
                }
            }
            'r' | 'b' if raw_string_start(&c, i).is_some() => {
                let (hashes, body) = raw_string_start(&c, i).unwrap_or_default();
                i = body;
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while i < c.len() && !c[i..].starts_with(&close) {
                    step(&mut i, &mut line);
                }
                i += close.len();
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                    }
                    step(&mut i, &mut line);
                }
                i += 1;
            }
            '\'' => {
                // A character literal ('x', '\n', '\u{..}') or a lifetime ('a).
                if next == Some('\\') {
                    i += 3;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                    while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                        i += 1;
                    }
                }
            }
            ch if ch.is_alphabetic() || ch == '_' => {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                out.push((Tok::Ident(c[start..i].iter().collect()), line));
            }
            ':' if next == Some(':') => {
                out.push((Tok::PathSep, line));
                i += 2;
            }
            ch if ch.is_whitespace() || ch.is_numeric() => step(&mut i, &mut line),
            ch => {
                out.push((Tok::Punct(ch), line));
                i += 1;
            }
        }
    }
    out
}

/// If a raw (byte) string starts at `i` (`r"`, `r#"`, `br"`, …), its `#` count and the index of
/// its first character.
fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_') {
        return None;
    }
    let mut j = i + usize::from(c[i] == 'b');
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = c[j..].iter().take_while(|&&x| x == '#').count();
    (c.get(j + hashes) == Some(&'"')).then_some((hashes, j + hashes + 1))
}

/// A path the source refers to, as written (`crate`, `super`, `self` or a name first), and
/// the module the reference sits in.
#[derive(Debug)]
pub struct Reference {
    /// The path's segments, `crate`/`super`/`self` included.
    pub segments: Vec<String>,
    /// The module path of the reference's location.
    pub module: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// Every `use` path (trees expanded) and every `crate::…`/`super::…` path in code of a file
/// whose module path is `module`.
pub fn references(src: &str, module: &[String]) -> Vec<Reference> {
    let toks = tokens(src);
    let mut out = Vec::new();
    // Inline modules open at a brace depth: (name, depth inside its braces).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    let here = |inline: &[(String, usize)]| {
        let mut m = module.to_vec();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };
    while i < toks.len() {
        let prev = i.checked_sub(1).map(|p| &toks[p].0);
        match &toks[i].0 {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(k) if k == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth + 1));
                }
            }
            Tok::Ident(k) if k == "use" && prev != Some(&Tok::PathSep) => {
                let m = here(&inline);
                let mut paths = Vec::new();
                i = use_tree(&toks, i + 1, &[], &mut paths);
                out.extend(paths.into_iter().map(|(segments, line)| Reference {
                    segments,
                    module: m.clone(),
                    line,
                }));
                continue;
            }
            Tok::Ident(k)
                if (k == "crate" || k == "super")
                    && prev != Some(&Tok::PathSep)
                    && prev != Some(&Tok::Punct('$'))
                    && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::PathSep) =>
            {
                let mut segments = vec![k.clone()];
                let mut j = i + 1;
                while let (Some((Tok::PathSep, _)), Some((Tok::Ident(s), _))) =
                    (toks.get(j), toks.get(j + 1))
                {
                    segments.push(s.clone());
                    j += 2;
                }
                out.push(Reference {
                    segments,
                    module: here(&inline),
                    line: toks[i].1,
                });
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Parses the use tree at `toks[i]` under `prefix`, pushing each full path with its line;
/// returns the index after the tree (after the `;` at the top level).
fn use_tree(
    toks: &[(Tok, usize)],
    mut i: usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let mut path = prefix.to_vec();
    let mut line = toks.get(i).map_or(0, |t| t.1);
    while let Some((t, l)) = toks.get(i) {
        match t {
            Tok::Ident(s) if s == "as" => i += 2,
            Tok::Ident(s) => {
                path.push(s.clone());
                line = *l;
                i += 1;
            }
            Tok::PathSep => i += 1,
            Tok::Punct('*') => {
                path.push("*".to_owned());
                i += 1;
            }
            Tok::Punct('{') => {
                i += 1;
                while !matches!(toks.get(i), None | Some((Tok::Punct('}'), _))) {
                    i = use_tree(toks, i, &path, out);
                }
                i += 1;
                return if matches!(toks.get(i), Some((Tok::Punct(';' | ','), _))) {
                    i + 1
                } else {
                    i
                };
            }
            Tok::Punct(',') => {
                out.push((path, line));
                return i + 1;
            }
            Tok::Punct(';') => {
                out.push((path, line));
                return i + 1;
            }
            Tok::Punct('}') => {
                out.push((path, line));
                return i;
            }
            Tok::Punct(_) => i += 1,
        }
    }
    out.push((path, line));
    i
}

/// The absolute module path a reference points into, or `None` when it is relative to its own
/// module (`self::`, a child module, an item in scope) or names another crate.
pub fn resolve(r: &Reference) -> Option<Vec<String>> {
    let first = r.segments.first()?;
    match first.as_str() {
        "crate" => Some(r.segments[1..].to_vec()),
        "super" => {
            let mut base = r.module.clone();
            let mut rest = r.segments.as_slice();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            Some(base)
        }
        _ => None,
    }
}

/// The module path of a source file from its path under `src/` (`risk/mod.rs` → `risk`,
/// `pages/risk/chart.rs` → `pages::risk::chart`, `lib.rs` → the crate root).
pub fn module_path(under_src: &str) -> Vec<String> {
    let mut parts: Vec<String> = under_src.split('/').map(str::to_owned).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if !matches!(stem, "mod" | "lib" | "main") {
            parts.push(stem.to_owned());
        }
    }
    parts
}
