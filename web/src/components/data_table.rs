//! A data table with sortable columns (click a header; `aria-sort` tells screen readers),
//! numbers formatted by unit, optional per-cell source notes, and CSV download.

use leptos::prelude::*;

use crate::components::download::{csv, offer_file};
use crate::components::pager::{Pager, Window};
use crate::components::source::AssumptionMark;
use crate::components::term::{TermTip, Tip};
use crate::format::{self, Unit};

/// A column heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text.
    pub label: String,
    /// Unit of the column's numbers (`None` for text columns).
    pub unit: Option<Unit>,
    /// Glossary id whose definition the header's tooltip shows.
    pub term: Option<&'static str>,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Free text.
    Text(String),
    /// A number in the column's unit; `None` when unknown.
    Number(Option<f64>),
    /// A number in its own unit, for a column whose rows differ in unit (the Compare table).
    Measured(Option<f64>, Unit),
}

/// One cell, with an optional note (its source) shown in a tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The value.
    pub value: CellValue,
    /// Where the value comes from, shown behind an “i” button.
    pub note: Option<String>,
    /// The labelled assumptions the value rests on (core's `Basis::assumption_notes`): when
    /// any, an “assumption” mark beside it opens the list; none for a sourced value.
    pub assumptions: Vec<String>,
}

impl Cell {
    /// A number without a note.
    pub fn number(v: f64) -> Cell {
        Cell::maybe(Some(v))
    }

    /// A number that may be unknown (`None` prints as missing), without a note.
    pub fn maybe(v: Option<f64>) -> Cell {
        Cell {
            value: CellValue::Number(v),
            note: None,
            assumptions: Vec::new(),
        }
    }

    /// A number in its own `unit` (overriding the column's), without a note.
    pub fn measured(v: Option<f64>, unit: Unit) -> Cell {
        Cell {
            value: CellValue::Measured(v, unit),
            note: None,
            assumptions: Vec::new(),
        }
    }

    /// Free text without a note.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            value: CellValue::Text(s.into()),
            note: None,
            assumptions: Vec::new(),
        }
    }
}

impl Column {
    /// A column with its header, unit (`None` for text) and glossary term.
    pub fn new(label: &str, unit: Option<Unit>, term: Option<&'static str>) -> Column {
        Column {
            label: label.to_owned(),
            unit,
            term,
        }
    }
}

/// One row: a header cell (`<th scope="row">`) and one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Row heading, e.g. a protocol name.
    pub header: String,
    /// The cells, in column order.
    pub cells: Vec<Cell>,
}

/// Sort order: the column index (`None` = the row header) and ascending or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    /// `None` sorts by the row header, `Some(i)` by column `i`.
    pub column: Option<usize>,
    /// Ascending when true.
    pub ascending: bool,
}

/// Row indices in display order. Numbers compare numerically with unknown values last in either
/// direction; text compares case-insensitively; ties keep their original order.
pub fn sorted_indices(rows: &[Row], key: Option<SortKey>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    let Some(key) = key else { return idx };
    let text = |r: &Row| match key.column {
        None => Some(r.header.to_lowercase()),
        Some(c) => match r.cells.get(c).map(|c| &c.value) {
            Some(CellValue::Text(t)) => Some(t.to_lowercase()),
            _ => None,
        },
    };
    let number = |r: &Row| match key.column.and_then(|c| r.cells.get(c)).map(|c| &c.value) {
        Some(CellValue::Number(n) | CellValue::Measured(n, _)) => n.filter(|v| v.is_finite()),
        _ => None,
    };
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let ord = match (number(ra), number(rb)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => return std::cmp::Ordering::Less,
            (None, Some(_)) => return std::cmp::Ordering::Greater,
            (None, None) => text(ra).cmp(&text(rb)),
        };
        if key.ascending { ord } else { ord.reverse() }
    });
    idx
}

/// The table as CSV: numbers unformatted in the header's unit (fractions as percent numbers); a
/// number in its own unit is scaled the same way by that unit.
pub fn table_csv(row_header: &str, columns: &[Column], rows: &[Row]) -> String {
    let header: Vec<String> = std::iter::once(row_header.to_owned())
        .chain(columns.iter().map(|c| match c.unit.map(Unit::symbol) {
            Some(sym) if !sym.is_empty() => format!("{} ({sym})", c.label),
            _ => c.label.clone(),
        }))
        .collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            std::iter::once(r.header.clone())
                .chain(
                    r.cells
                        .iter()
                        .zip(columns)
                        .map(|(cell, col)| match &cell.value {
                            CellValue::Text(t) => t.clone(),
                            CellValue::Number(Some(v)) if v.is_finite() => {
                                format!("{}", v * csv_scale(col.unit))
                            }
                            CellValue::Measured(Some(v), unit) if v.is_finite() => {
                                format!("{}", v * csv_scale(Some(*unit)))
                            }
                            CellValue::Number(_) | CellValue::Measured(..) => String::new(),
                        }),
                )
                .collect()
        })
        .collect();
    csv(&header, &body)
}

/// Fractions and rate points are written to CSV as percent numbers.
fn csv_scale(unit: Option<Unit>) -> f64 {
    match unit {
        Some(Unit::Fraction | Unit::RatePoints) => 100.0,
        _ => 1.0,
    }
}

/// A cell's text (a number formatted in the column's `unit` or its own), its source note behind
/// an “i” and its assumption mark.
fn cell_content(cell: Cell, unit: Unit) -> impl IntoView {
    let text = match cell.value {
        CellValue::Text(t) => t,
        CellValue::Number(n) => format::format(n, unit),
        CellValue::Measured(n, own) => format::format(n, own),
    };
    view! {
        {text}
        {cell.note.map(|n| view! { <Tip label="Source".to_owned() glyph="i">{n}</Tip> })}
        <AssumptionMark notes=cell.assumptions/>
    }
}

/// Rows a table draws at once; a longer one pages (Previous / Next), sorted as a whole.
const ROWS_PER_PAGE: usize = 50;

/// The table component.
#[component]
pub fn DataTable(
    /// Table caption (also the accessible name of the scroll region).
    #[prop(into)]
    caption: String,
    /// Heading of the row-header column, e.g. `Protocol`.
    #[prop(into)]
    row_header: String,
    /// Column headings.
    columns: Vec<Column>,
    /// Rows; may change over time.
    #[prop(into)]
    rows: Signal<Vec<Row>>,
    /// File name of the CSV download, e.g. `matrix.csv`.
    #[prop(into)]
    csv_name: String,
) -> impl IntoView {
    let sort = RwSignal::new(None::<SortKey>);
    let caption_for_pager = caption.clone();
    let columns = StoredValue::new(columns);
    let row_header = StoredValue::new(row_header);
    let message = RwSignal::new(None::<String>);
    let click = move |column: Option<usize>| {
        sort.update(|s| {
            *s = Some(match *s {
                Some(k) if k.column == column => SortKey {
                    column,
                    ascending: !k.ascending,
                },
                _ => SortKey {
                    column,
                    ascending: true,
                },
            })
        })
    };
    let aria_sort = move |column: Option<usize>| match sort.get() {
        Some(k) if k.column == column => {
            if k.ascending {
                "ascending"
            } else {
                "descending"
            }
        }
        _ => "none",
    };
    let arrow = move |column: Option<usize>| match sort.get() {
        Some(k) if k.column == column => {
            if k.ascending {
                " ▲"
            } else {
                " ▼"
            }
        }
        _ => " ⇅",
    };
    let download = {
        let csv_name = csv_name.clone();
        move |_| {
            let text = table_csv(&row_header.get_value(), &columns.get_value(), &rows.get());
            message.set(offer_file(&csv_name, "text/csv", &text).err());
        }
    };
    let header_cells = columns
        .get_value()
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let unit = c
                .unit
                .map(Unit::symbol)
                .filter(|s| !s.is_empty())
                .map(|s| format!(" ({s})"));
            view! {
                <th scope="col" aria-sort=move || aria_sort(Some(i))>
                    <button type="button" class="sort" on:click=move |_| click(Some(i))>
                        {c.label.clone()}
                        {unit}
                        <span aria-hidden="true">{move || arrow(Some(i))}</span>
                    </button>
                    {c.term.map(|id| view! { <TermTip id=id/> })}
                </th>
            }
        })
        .collect_view();
    // Drawn again only when the rows' number or order changes; each cell follows its own value
    // (a memo per cell), so an input that moves one column redraws that column's cells and not
    // every cell's tooltips (the home page's time-to-exit row on a keystroke).
    let order = Memo::new(move |_| rows.with(|r| sorted_indices(r, sort.get())));
    // A long table is drawn a page of ROWS_PER_PAGE rows at a time (sorting and the CSV cover
    // every row): a network at the size limits has tables of thousands of rows.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let window = Window::new(count.into(), ROWS_PER_PAGE);
    let body = move || {
        let cols = columns.get_value();
        let shown = window.range();
        order
            .get()
            .into_iter()
            .skip(shown.start)
            .take(shown.len())
            .map(|i| {
                let header = Memo::new(move |_| rows.with(|r| r.get(i).map(|r| r.header.clone())));
                let cells = cols
                    .iter()
                    .enumerate()
                    .map(|(j, col)| {
                        let cell = Memo::new(move |_| {
                            rows.with(|r| r.get(i).and_then(|r| r.cells.get(j)).cloned())
                        });
                        let unit = col.unit.unwrap_or(Unit::Plain);
                        let class = move || match cell
                            .with(|c| c.as_ref().map(|c| matches!(c.value, CellValue::Text(_))))
                        {
                            Some(true) => "text",
                            _ => "num",
                        };
                        view! {
                            <td class=class data-label=col.label.clone()>
                                {move || cell.get().map(|c| cell_content(c, unit))}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{move || header.get()}</th>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <div class="table-block">
            <div class="table-wrap" role="region" aria-label=caption.clone() tabindex="0">
                <table class="data-table">
                    <caption>{caption.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col" aria-sort=move || aria_sort(None)>
                                <button type="button" class="sort" on:click=move |_| click(None)>
                                    {row_header.get_value()}
                                    <span aria-hidden="true">{move || arrow(None)}</span>
                                </button>
                            </th>
                            {header_cells}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="table-actions">
                <Pager window=window noun="rows" label=caption_for_pager/>
                <button type="button" class="secondary" on:click=download>
                    "Download CSV"
                </button>
                {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, v: Option<f64>) -> Row {
        Row {
            header: name.to_owned(),
            cells: vec![Cell {
                value: CellValue::Number(v),
                note: None,
                assumptions: Vec::new(),
            }],
        }
    }

    #[test]
    fn sorts_numbers_with_unknowns_last() {
        let rows = vec![row("b", Some(2.0)), row("a", None), row("c", Some(1.0))];
        let asc = Some(SortKey {
            column: Some(0),
            ascending: true,
        });
        let desc = Some(SortKey {
            column: Some(0),
            ascending: false,
        });
        assert_eq!(sorted_indices(&rows, asc), [2, 0, 1]);
        assert_eq!(sorted_indices(&rows, desc), [0, 2, 1]);
        let by_name = Some(SortKey {
            column: None,
            ascending: true,
        });
        assert_eq!(sorted_indices(&rows, by_name), [1, 0, 2]);
        assert_eq!(sorted_indices(&rows, None), [0, 1, 2]);
    }

    #[test]
    fn csv_scales_fractions_to_percent() {
        let cols = vec![Column {
            label: "Fee".into(),
            unit: Some(Unit::Fraction),
            term: None,
        }];
        let rows = vec![row("ether.fi", Some(0.1)), row("x", None)];
        assert_eq!(
            table_csv("Protocol", &cols, &rows),
            "Protocol,Fee (%)\r\nether.fi,10\r\nx,\r\n"
        );
    }

    #[test]
    fn measured_cells_use_their_own_unit() {
        let cols = vec![Column::new("Value", None, None)];
        let rows = vec![
            Row {
                header: "net APY".into(),
                cells: vec![Cell::measured(Some(0.25), Unit::Fraction)],
            },
            Row {
                header: "loss".into(),
                cells: vec![Cell::measured(Some(12.5), Unit::Eth)],
            },
            Row {
                header: "none".into(),
                cells: vec![Cell::measured(None, Unit::Eth)],
            },
        ];
        // 0.25 → 25 percent; ETH unscaled; unknown empty.
        let csv = table_csv("Figure", &cols, &rows);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Figure,Value");
        assert_eq!(lines[1], "net APY,25");
        assert_eq!(lines[2], "loss,12.5");
        assert_eq!(lines[3], "none,");
        let asc = Some(SortKey {
            column: Some(0),
            ascending: true,
        });
        // Sorted by number: 0.25 < 12.5, the unknown last.
        assert_eq!(sorted_indices(&rows, asc), [0, 1, 2]);
    }
}
